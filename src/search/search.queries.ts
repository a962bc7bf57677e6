import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DialectName } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { fts5Match, indexable, markEnd, markStart, tsqueryText } from './search.terms.js';

type Q = Kysely<Database>;

/** What the index holds of one published article. */
export interface SearchDocument {
  id: number;
  headline: string;
  standfirst: string;
  tags: string;
  authors: string;
  body: string;
}

export interface RankOptions {
  words: string[];
  sectionId?: number;
  /** ISO instants: published at or after `from`, strictly before `to`. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** The few statements where SQLite's FTS5 and PostgreSQL's full-text search differ. */
export interface SearchDialect {
  upsert(db: Q, doc: SearchDocument): Promise<void>;
  remove(db: Q, id: number): Promise<void>;
  /** Empties the index and fills it again from every published article, in the database. */
  rebuild(db: Q): Promise<void>;
  /** Ids of published matches, best first. */
  rank(db: Q, opts: RankOptions): Promise<number[]>;
  /** Body excerpts around the matched words, marked with markStart/markEnd. */
  snippets(db: Q, words: string[], ids: number[]): Promise<Map<number, string>>;
}

/** The article, its tags and its bylines as one document; undefined unless it is published. */
export async function findDocument(db: Q, id: number): Promise<SearchDocument | undefined> {
  const [article, tags, authors] = await Promise.all([
    db
      .selectFrom('articles')
      .select(['id', 'status', 'headline', 'standfirst', 'body_text', 'wire_source'])
      .where('id', '=', id)
      .executeTakeFirst(),
    db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select('tags.name')
      .where('article_tags.article_id', '=', id)
      .orderBy('article_tags.position')
      .execute(),
    db
      .selectFrom('article_authors')
      .innerJoin('authors', 'authors.id', 'article_authors.author_id')
      .select('authors.name')
      .where('article_authors.article_id', '=', id)
      .orderBy('article_authors.position')
      .execute(),
  ]);
  if (article?.status !== 'published') return undefined;
  return {
    id,
    headline: article.headline,
    standfirst: article.standfirst,
    tags: tags.map((t) => t.name).join(' '),
    authors: [...authors.map((a) => a.name), article.wire_source ?? ''].join(' ').trim(),
    body: article.body_text,
  };
}

const none = sql``;

/**
 * Matches ranked per search: the newest this many (by article id, which rises with
 * creation), then ordered by relevance. A word found in tens of thousands of stories would
 * otherwise be scored in every one of them on each search (about 1 µs a match on SQLite,
 * more on PostgreSQL, which unpacks each tsvector); readers get at most 50 pages of 20.
 * Searches with fewer matches, and filtered ones within their filter, are ranked in full.
 */
export const rankWindow = 5000;

/** The filters both dialects apply to the articles table, aliased `a`. */
function filters(opts: RankOptions): RawBuilder<unknown> {
  return sql`${opts.sectionId !== undefined ? sql`and a.section_id = ${opts.sectionId}` : none}
    ${opts.from !== undefined ? sql`and a.published_at >= ${opts.from}` : none}
    ${opts.to !== undefined ? sql`and a.published_at < ${opts.to}` : none}`;
}

/** Column weights for bm25, in the table's column order: a headline match counts ten body matches. */
const bm25 = sql`bm25(search_index, 10.0, 4.0, 4.0, 3.0, 1.0)`;

const sqlite: SearchDialect = {
  async upsert(db, doc) {
    await db.transaction().execute(async (trx) => {
      await sql`delete from search_index where rowid = ${doc.id}`.execute(trx);
      await sql`insert into search_index (rowid, headline, standfirst, tags, authors, body)
        values (${doc.id}, ${indexable(doc.headline)}, ${indexable(doc.standfirst)}, ${indexable(doc.tags)},
                ${indexable(doc.authors)}, ${indexable(doc.body)})`.execute(trx);
    });
  },
  async remove(db, id) {
    await sql`delete from search_index where rowid = ${id}`.execute(db);
  },
  async rebuild(db) {
    await db.transaction().execute(async (trx) => {
      await sql`delete from search_index`.execute(trx);
      // The same document as findDocument builds, for every published article at once.
      await sql`
        insert into search_index (rowid, headline, standfirst, tags, authors, body)
        select a.id, a.headline, a.standfirst,
          coalesce((select group_concat(t.name, ' ') from article_tags at join tags t on t.id = at.tag_id
                    where at.article_id = a.id), ''),
          coalesce((select group_concat(au.name, ' ') from article_authors aa
                    join authors au on au.id = aa.author_id where aa.article_id = a.id), '')
            || ' ' || coalesce(a.wire_source, ''),
          replace(replace(a.body_text, char(2), ' '), char(3), ' ')
        from articles a
        where a.status = 'published'
      `.execute(trx);
    });
    // One b-tree per term instead of one per batch of writes: faster reads afterwards.
    await sql`insert into search_index (search_index) values ('optimize')`.execute(db);
  },
  // CROSS JOIN keeps the index as the outer loop (SQLite would otherwise start from a date
  // or section index and run the MATCH once per article); the covering index spares reading
  // each match's wide article row.
  async rank(db, opts) {
    const { rows } = await sql<{ id: number }>`
      select id from (
        select a.id, a.published_at, ${bm25} as score from search_index
        cross join articles a indexed by articles_search_filter on a.id = search_index.rowid
        where search_index match ${fts5Match(opts.words)} and a.status = 'published' ${filters(opts)}
        order by search_index.rowid desc
        limit ${rankWindow}
      )
      order by score, published_at desc, id desc
      limit ${opts.limit} offset ${opts.offset}
    `.execute(db);
    return rows.map((r) => r.id);
  },
  // Not "rowid in (...)": SQLite 3.53's FTS5 answers "MATCH ... AND rowid = ?" (which a
  // one-element IN becomes) with every match. A rowid range is honoured; "+rowid" is checked
  // by SQLite itself, row by row, within it.
  async snippets(db, words, ids) {
    if (ids.length === 0) return new Map();
    const { rows } = await sql<{ id: number; snippet: string }>`
      select rowid as id, snippet(search_index, 4, ${markStart}, ${markEnd}, '…', 32) as snippet
      from search_index
      where search_index match ${fts5Match(words)}
        and rowid >= ${Math.min(...ids)} and rowid <= ${Math.max(...ids)} and +rowid in (${sql.join(ids)})
    `.execute(db);
    return new Map(rows.map((r) => [r.id, r.snippet]));
  },
};

/**
 * Weights {D, C, B, A}: a headline (A) match is worth five body (C) matches; normalization 1
 * divides by the log of the document's length, so a long body does not win by length alone.
 */
const tsRank = (query: RawBuilder<unknown>) => sql`ts_rank_cd('{0.1, 0.2, 0.5, 1.0}', d.document, ${query}, 1)`;
const tsQuery = (words: string[]) => sql`plainto_tsquery('english', ${tsqueryText(words)})`;
const [lt, gt] = ['\u0004', '\u0005'];
const headlineOptions = `StartSel=${markStart}, StopSel=${markEnd}, MaxWords=40, MinWords=20, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;

const postgres: SearchDialect = {
  async upsert(db, doc) {
    await sql`
      insert into search_documents (article_id, document)
      values (${doc.id}, ${postgresDocument(
        sql`${doc.headline}::text`,
        sql`${`${doc.standfirst} ${doc.tags} ${doc.authors}`}::text`,
        sql`${doc.body}::text`,
      )})
      on conflict (article_id) do update set document = excluded.document
    `.execute(db);
  },
  async remove(db, id) {
    await db.deleteFrom('search_documents').where('article_id', '=', id).execute();
  },
  async rebuild(db) {
    await db.transaction().execute(async (trx) => {
      await sql`delete from search_documents`.execute(trx);
      await sql`
        insert into search_documents (article_id, document)
        select a.id, ${postgresDocument(
          sql`a.headline`,
          sql`a.standfirst || ' ' ||
            coalesce((select string_agg(t.name, ' ') from article_tags at join tags t on t.id = at.tag_id
                      where at.article_id = a.id), '') || ' ' ||
            coalesce((select string_agg(au.name, ' ') from article_authors aa
                      join authors au on au.id = aa.author_id where aa.article_id = a.id), '') || ' ' ||
            coalesce(a.wire_source, '')`,
          sql`a.body_text`,
        )}
        from articles a
        where a.status = 'published'
      `.execute(trx);
    });
  },
  async rank(db, opts) {
    const query = tsQuery(opts.words);
    const { rows } = await sql<{ id: number }>`
      select d.id from (
        select a.id, a.published_at, sd.document from search_documents sd
        join articles a on a.id = sd.article_id
        where sd.document @@ ${query} and a.status = 'published' ${filters(opts)}
        order by a.id desc
        limit ${rankWindow}
      ) d
      order by ${tsRank(query)} desc, d.published_at desc, d.id desc
      limit ${opts.limit} offset ${opts.offset}
    `.execute(db);
    return rows.map((r) => r.id);
  },
  async snippets(db, words, ids) {
    if (ids.length === 0) return new Map();
    // ts_headline reparses the text it is given: only the page's rows, and only a body's opening.
    // Its parser drops what looks like an HTML tag, so angle brackets travel as stand-ins.
    const { rows } = await sql<{ id: number; snippet: string }>`
      select a.id, ts_headline('english',
        translate(left(a.body_text, 5000), ${`<>${markStart}${markEnd}`}, ${`${lt}${gt}  `}),
        ${tsQuery(words)}, ${headlineOptions}) as snippet
      from articles a
      where a.id in (${sql.join(ids)})
    `.execute(db);
    return new Map(rows.map((r) => [r.id, r.snippet.replaceAll(lt, '<').replaceAll(gt, '>')]));
  },
};

/** A tsvector holds at most 1 MB: a body's first 200,000 characters are plenty to find it by. */
function postgresDocument(headline: RawBuilder<unknown>, middle: RawBuilder<unknown>, body: RawBuilder<unknown>) {
  return sql`setweight(to_tsvector('english', ${headline}), 'A') ||
    setweight(to_tsvector('english', ${middle}), 'B') ||
    setweight(to_tsvector('english', left(${body}, 200000)), 'C')`;
}

export function searchDialect(name: DialectName): SearchDialect {
  return name === 'postgres' ? postgres : sqlite;
}
