import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { dot, keptTerms, termFrequencies, weightTerms } from './related.terms.js';

/** Removes an article's stored terms and its share of their document frequencies. */
async function forgetTerms(trx: Transaction<Database>, articleId: number): Promise<void> {
  const terms = await trx.selectFrom('article_terms').select('term').where('article_id', '=', articleId).execute();
  for (let i = 0; i < terms.length; i += 500) {
    await trx
      .updateTable('term_stats')
      .set((eb) => ({ df: eb('df', '-', 1) }))
      .where(
        'term',
        'in',
        terms.slice(i, i + 500).map((t) => t.term),
      )
      .execute();
  }
  await trx.deleteFrom('article_terms').where('article_id', '=', articleId).execute();
}

/** How many related stories are stored per article (the page shows the first four). */
export const storedRelated = 8;
/** Articles read per query term when gathering candidates; the strongest uses first. */
const postingsPerTerm = 200;
/** Candidates compared in full after the first, approximate pass. */
const shortlistSize = 60;
/** Pseudo-relevance feedback: the query is widened with its closest neighbours. */
const feedbackDocs = 5;

/**
 * Related stories: computed when an article is published or changed, from its text, tags,
 * story thread and recency, and stored; a reader's request only reads the stored rows.
 *
 * Each published article keeps its strongest terms with their counts (article_terms) and
 * every term its document frequency (term_stats). Candidates come through the term index,
 * never by comparing against every article; the shortlist is ranked by tf-idf cosine,
 * then once more after widening the query with its five closest neighbours (Rocchio
 * feedback), which keeps a story about hauliers on a closed bridge with the bridge
 * stories rather than with other stories that mention the port.
 */
export class RelatedService {
  constructor(private readonly db: Db) {}

  private get k() {
    return this.db.kysely;
  }

  /**
   * Re-indexes and recomputes an article's related stories. With `cascade`, its closest
   * neighbours are recomputed too, so older stories can point at the new one. Returns
   * the articles whose stored list changed, for cache purging.
   */
  async refresh(articleId: number, cascade = true): Promise<number[]> {
    const article = await this.k
      .selectFrom('articles')
      .select(['id', 'headline', 'standfirst', 'body_text', 'status'])
      .where('id', '=', articleId)
      .executeTakeFirst();
    if (article?.status !== 'published') return [];
    const tags = await this.k
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select('tags.slug')
      .where('article_tags.article_id', '=', articleId)
      .execute();
    await this.indexTerms(articleId, {
      headline: article.headline,
      standfirst: article.standfirst,
      body: article.body_text,
      tags: tags.map((t) => t.slug),
    });
    const before = await this.storedIds(articleId);
    const related = await this.compute(articleId);
    const changed = before.join() === related.join() ? [] : [articleId];
    if (cascade) {
      for (const neighbour of related.slice(0, 4)) {
        const was = await this.storedIds(neighbour);
        const now = await this.compute(neighbour);
        if (was.join() !== now.join()) changed.push(neighbour);
      }
    }
    return changed;
  }

  /** Recomputes the stored list from the current index, without re-indexing. */
  async recompute(articleId: number): Promise<number[]> {
    return this.compute(articleId);
  }

  /** Forgets an article that left the site: its terms, its list, its place in others' lists. */
  async remove(articleId: number): Promise<number[]> {
    const listing = await this.k
      .selectFrom('article_related')
      .select('article_id')
      .where('related_id', '=', articleId)
      .execute();
    await this.k.transaction().execute(async (trx) => {
      await forgetTerms(trx, articleId);
      await trx.deleteFrom('article_related').where('article_id', '=', articleId).execute();
      await trx.deleteFrom('article_related').where('related_id', '=', articleId).execute();
    });
    return listing.map((r) => r.article_id);
  }

  async setOverride(articleId: number, relatedId: number, mode: 'pin' | 'exclude' | null): Promise<void> {
    await this.k
      .deleteFrom('related_overrides')
      .where('article_id', '=', articleId)
      .where('related_id', '=', relatedId)
      .execute();
    if (!mode) return;
    const last = await this.k
      .selectFrom('related_overrides')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('article_id', '=', articleId)
      .executeTakeFirst();
    await this.k
      .insertInto('related_overrides')
      .values({
        article_id: articleId,
        related_id: relatedId,
        mode,
        position: (Number(last?.p ?? -1) || 0) + 1,
        created_at: new Date().toISOString(),
      })
      .execute();
  }

  async storedIds(articleId: number): Promise<number[]> {
    const rows = await this.k
      .selectFrom('article_related')
      .select('related_id')
      .where('article_id', '=', articleId)
      .orderBy('rank')
      .execute();
    return rows.map((r) => r.related_id);
  }

  private async documentCount(): Promise<number> {
    const row = await this.k
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private async frequencies(terms: string[]): Promise<Map<string, number>> {
    const df = new Map<string, number>();
    for (let i = 0; i < terms.length; i += 500) {
      const rows = await this.k
        .selectFrom('term_stats')
        .select(['term', 'df'])
        .where('term', 'in', terms.slice(i, i + 500))
        .execute();
      for (const r of rows) df.set(r.term, r.df);
    }
    return df;
  }

  private async indexTerms(
    articleId: number,
    doc: { headline: string; standfirst: string; body: string; tags: string[] },
  ): Promise<void> {
    const tf = termFrequencies(doc);
    const terms = [...tf.keys()];
    const [df, documents] = await Promise.all([this.frequencies(terms), this.documentCount()]);
    const kept = keptTerms(tf, df, documents);
    await this.k.transaction().execute(async (trx) => {
      // Re-indexing: take back this article's previous contribution first.
      await forgetTerms(trx, articleId);
      // Document frequency is kept for the stored terms: a term never stored for any
      // article is never a candidate's and needs no statistics.
      for (const term of kept.keys()) {
        await trx
          .insertInto('term_stats')
          .values({ term, df: 1 })
          .onConflict((oc) => oc.column('term').doUpdateSet((eb) => ({ df: eb('term_stats.df', '+', 1) })))
          .execute();
      }
      if (kept.size > 0) {
        await trx
          .insertInto('article_terms')
          .values([...kept].map(([term, count]) => ({ article_id: articleId, term, weight: count })))
          .execute();
      }
    });
  }

  private async vectors(ids: number[], documents: number): Promise<Map<number, Map<string, number>>> {
    const tfs = new Map<number, Map<string, number>>(ids.map((id) => [id, new Map()]));
    for (let i = 0; i < ids.length; i += 200) {
      const rows = await this.k
        .selectFrom('article_terms')
        .select(['article_id', 'term', 'weight'])
        .where('article_id', 'in', ids.slice(i, i + 200))
        .execute();
      for (const r of rows) tfs.get(r.article_id)?.set(r.term, r.weight);
    }
    const allTerms = new Set<string>();
    for (const tf of tfs.values()) for (const term of tf.keys()) allTerms.add(term);
    const df = await this.frequencies([...allTerms]);
    return new Map([...tfs].map(([id, tf]) => [id, weightTerms(tf, df, documents)]));
  }

  /** Ranks candidates and stores the list, editors' pins first and exclusions out. */
  private async compute(articleId: number): Promise<number[]> {
    const self = await this.k
      .selectFrom('articles')
      .select(['id', 'story_id', 'published_at', 'status'])
      .where('id', '=', articleId)
      .executeTakeFirst();
    if (self?.status !== 'published') return [];
    const documents = await this.documentCount();
    const query = (await this.vectors([articleId], documents)).get(articleId) ?? new Map<string, number>();

    // First pass: accumulate over each query term's strongest postings.
    const rough = new Map<number, number>();
    for (const [term, weight] of query) {
      const postings = await this.k
        .selectFrom('article_terms')
        .select(['article_id', 'weight'])
        .where('term', '=', term)
        .orderBy('weight', 'desc')
        .limit(postingsPerTerm)
        .execute();
      for (const p of postings) {
        if (p.article_id !== articleId)
          rough.set(p.article_id, (rough.get(p.article_id) ?? 0) + weight * (1 + Math.log(p.weight)));
      }
    }
    const threadIds = self.story_id
      ? (
          await this.k
            .selectFrom('articles')
            .select('id')
            .where('story_id', '=', self.story_id)
            .where('status', '=', 'published')
            .orderBy('published_at', 'desc')
            .limit(20)
            .execute()
        )
          .map((r) => r.id)
          .filter((id) => id !== articleId)
      : [];
    const shortlist = [
      ...new Set([
        ...[...rough]
          .sort((a, b) => b[1] - a[1])
          .slice(0, shortlistSize)
          .map(([id]) => id),
        ...threadIds,
      ]),
    ];

    const [vectors, meta, overrides] = await Promise.all([
      this.vectors(shortlist, documents),
      shortlist.length
        ? this.k
            .selectFrom('articles')
            .select(['id', 'story_id', 'published_at', 'status'])
            .where('id', 'in', shortlist)
            .execute()
        : Promise.resolve([]),
      this.k
        .selectFrom('related_overrides')
        .select(['related_id', 'mode', 'position'])
        .where('article_id', '=', articleId)
        .orderBy('position')
        .execute(),
    ]);
    const metaById = new Map(meta.map((m) => [m.id, m]));
    const excluded = new Set(overrides.filter((o) => o.mode === 'exclude').map((o) => o.related_id));
    const live = shortlist.filter((id) => metaById.get(id)?.status === 'published' && !excluded.has(id));

    // Second pass: cosine, then Rocchio feedback from the closest neighbours.
    const first = live
      .map((id) => ({ id, score: dot(query, vectors.get(id) ?? new Map()) }))
      .sort((a, b) => b.score - a.score);
    const widened = new Map(query);
    const neighbours = first.slice(0, feedbackDocs);
    for (const n of neighbours) {
      for (const [term, w] of vectors.get(n.id) ?? [])
        widened.set(term, (widened.get(term) ?? 0) + w / neighbours.length);
    }
    const myTime = Date.parse(self.published_at ?? '');
    const scored = live.map((id) => {
      const m = metaById.get(id);
      const days = Math.abs(myTime - Date.parse(m?.published_at ?? '')) / 86_400_000;
      const recency = Number.isFinite(days) ? Math.exp(-days / 30) : 0;
      const sameThread = self.story_id !== null && m?.story_id === self.story_id;
      return { id, score: dot(widened, vectors.get(id) ?? new Map()) + (sameThread ? 0.3 : 0) + 0.05 * recency };
    });
    scored.sort((a, b) => b.score - a.score || b.id - a.id);

    const pins = overrides.filter((o) => o.mode === 'pin').map((o) => o.related_id);
    const pinnedLive = pins.length
      ? new Set(
          (
            await this.k
              .selectFrom('articles')
              .select('id')
              .where('id', 'in', pins)
              .where('status', '=', 'published')
              .execute()
          ).map((r) => r.id),
        )
      : new Set<number>();
    const ordered = [
      ...pins.filter((p) => pinnedLive.has(p)).map((id) => ({ id, score: 1000 })),
      ...scored.filter((s) => !pins.includes(s.id)),
    ].slice(0, storedRelated);

    await this.k.transaction().execute(async (trx) => {
      await trx.deleteFrom('article_related').where('article_id', '=', articleId).execute();
      if (ordered.length > 0) {
        await trx
          .insertInto('article_related')
          .values(ordered.map((o, rank) => ({ article_id: articleId, related_id: o.id, rank, score: o.score })))
          .execute();
      }
    });
    return ordered.map((o) => o.id);
  }
}
