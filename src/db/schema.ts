import type {
  ArticleAuthorsTable,
  ArticleEventsTable,
  ArticleImagesTable,
  ArticleLinksTable,
  ArticleNotesTable,
  ArticleRevisionsTable,
  ArticlesTable,
  ArticleTagsTable,
  SlugRedirectsTable,
} from '../articles/articles.table.js';
import type {
  CommentersTable,
  CommentLikesTable,
  CommentReportsTable,
  CommentSettingsTable,
  CommentsTable,
  ModerationLogTable,
  ReaderSessionsTable,
  ReaderTokensTable,
} from '../comments/comments.table.js';
import type { ContentKeysTable } from '../content/content.table.js';
import type { JobsTable } from '../jobs/jobs.table.js';
import type { OutboxTable } from '../mail/mail.table.js';
import type { ImagesTable } from '../media/media.table.js';
import type {
  LoginThrottleTable,
  StaffSessionsTable,
  StaffTable,
  StaffTokensTable,
} from '../newsroom/newsroom.table.js';
import type {
  ArticleRelatedTable,
  ArticleTermsTable,
  RelatedOverridesTable,
  TermStatsTable,
} from '../related/related.table.js';
import type { SearchDocumentsTable, SearchIndexTable } from '../search/search.table.js';
import type { SettingsTable } from '../settings/settings.table.js';
import type { AuthorsTable, SectionsTable, StoriesTable, TagsTable } from '../taxonomy/taxonomy.table.js';
import type {
  ArticleWireTable,
  WireAlertsTable,
  WireItemsTable,
  WireItemVersionsTable,
  WireSourcesTable,
} from '../wire/wire.table.js';

/** The whole schema as Kysely sees it; each module owns and declares its own tables. */
export interface Database {
  settings: SettingsTable;
  sections: SectionsTable;
  tags: TagsTable;
  authors: AuthorsTable;
  stories: StoriesTable;
  images: ImagesTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  article_notes: ArticleNotesTable;
  slug_redirects: SlugRedirectsTable;
  article_links: ArticleLinksTable;
  article_related: ArticleRelatedTable;
  related_overrides: RelatedOverridesTable;
  article_terms: ArticleTermsTable;
  term_stats: TermStatsTable;
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  staff_tokens: StaffTokensTable;
  login_throttle: LoginThrottleTable;
  outbox: OutboxTable;
  jobs: JobsTable;
  article_revisions: ArticleRevisionsTable;
  article_events: ArticleEventsTable;
  article_images: ArticleImagesTable;
  content_keys: ContentKeysTable;
  commenters: CommentersTable;
  comments: CommentsTable;
  comment_likes: CommentLikesTable;
  comment_reports: CommentReportsTable;
  moderation_log: ModerationLogTable;
  comment_settings: CommentSettingsTable;
  reader_tokens: ReaderTokensTable;
  reader_sessions: ReaderSessionsTable;
  wire_sources: WireSourcesTable;
  wire_items: WireItemsTable;
  wire_item_versions: WireItemVersionsTable;
  article_wire: ArticleWireTable;
  wire_alerts: WireAlertsTable;
  /** SQLite only (FTS5). */
  search_index: SearchIndexTable;
  /** PostgreSQL only. */
  search_documents: SearchDocumentsTable;
}
