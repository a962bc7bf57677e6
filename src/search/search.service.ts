import type { ArticleCard } from '../articles/articles.service.js';
import type { Db } from '../db/database.js';
import { findDocument, type SearchDialect, searchDialect } from './search.queries.js';
import { type SnippetHtml, snippetHtml } from './search.terms.js';

export interface SearchDeps {
  db: Db;
  /** Listing cards for article ids, in the order given (the articles service's cardsFor). */
  cards: (ids: number[]) => Promise<ArticleCard[]>;
}

export interface SearchRequest {
  /** The words to find, from queryWords(): every one must match. */
  words: string[];
  sectionId?: number;
  /** Published at or after this instant... */
  from?: Date;
  /** ...and before this one. */
  to?: Date;
  page: number;
  pageSize: number;
}

export interface SearchHit {
  card: ArticleCard;
  /** Escaped text from the body with the matched words in <mark>. */
  snippet: SnippetHtml;
}

export interface SearchResults {
  items: SearchHit[];
  page: number;
  hasNext: boolean;
}

/**
 * Full-text search over published articles: headline, standfirst, tags, bylines and body,
 * stemmed for English, ranked with headline matches first. The articles service tells it
 * after every commit that publishes, changes or takes down a published article; the
 * ranking query checks the article's status too, so a lagging index never shows a story
 * that is not published.
 */
export class SearchService {
  private readonly dialect: SearchDialect;

  constructor(private readonly deps: SearchDeps) {
    this.dialect = searchDialect(deps.db.dialect);
  }

  private get db() {
    return this.deps.db.kysely;
  }

  /** Brings an article's entry up to date: written if it is published, removed if not. */
  async indexArticle(id: number): Promise<void> {
    const doc = await findDocument(this.db, id);
    if (doc) await this.dialect.upsert(this.db, doc);
    else await this.dialect.remove(this.db, id);
  }

  async removeArticle(id: number): Promise<void> {
    await this.dialect.remove(this.db, id);
  }

  /** Indexes every published article afresh (after a bulk import, or to repair the index). */
  async rebuildIndex(): Promise<void> {
    await this.dialect.rebuild(this.db);
  }

  async search(request: SearchRequest): Promise<SearchResults> {
    const { words, page, pageSize } = request;
    if (words.length === 0) return { items: [], page, hasNext: false };
    const ids = await this.dialect.rank(this.db, {
      words,
      ...(request.sectionId !== undefined ? { sectionId: request.sectionId } : {}),
      ...(request.from ? { from: request.from.toISOString() } : {}),
      ...(request.to ? { to: request.to.toISOString() } : {}),
      limit: pageSize + 1,
      offset: (page - 1) * pageSize,
    });
    const shown = ids.slice(0, pageSize);
    const [cards, snippets] = await Promise.all([this.deps.cards(shown), this.dialect.snippets(this.db, words, shown)]);
    return {
      items: cards.map((card) => ({ card, snippet: snippetHtml(snippets.get(card.id) ?? '') })),
      page,
      hasNext: ids.length > pageSize,
    };
  }
}
