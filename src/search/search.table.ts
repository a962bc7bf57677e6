/**
 * The search index. Each database holds one of these two tables (the migration makes the
 * right one); both hold published articles only, keyed by article id.
 */

/** SQLite: an FTS5 table; its rowid is the article id. */
export interface SearchIndexTable {
  rowid: number;
  headline: string;
  standfirst: string;
  tags: string;
  authors: string;
  body: string;
}

/** PostgreSQL: one weighted tsvector per article. */
export interface SearchDocumentsTable {
  article_id: number;
  document: string;
}
