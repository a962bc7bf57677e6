import type { Generated } from 'kysely';

export const articleStatuses = ['draft', 'in_review', 'scheduled', 'published', 'unpublished', 'withdrawn'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const articleKinds = [
  'news',
  'analysis',
  'opinion',
  'explainer',
  'interview',
  'feature',
  'review',
  'editorial',
  'obituary',
  'live',
] as const;
export type ArticleKind = (typeof articleKinds)[number];

export const commentModes = ['open', 'premoderated', 'closed'] as const;
export type CommentsMode = (typeof commentModes)[number];

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  headline: string;
  standfirst: Generated<string>;
  /** The structured body: a ProseMirror document as JSON. */
  body: string;
  /** The body rendered to HTML when saved; readers never pay for rendering it. */
  body_html: Generated<string>;
  body_text: Generated<string>;
  word_count: Generated<number>;
  kind: Generated<ArticleKind>;
  section_id: number;
  feature_image_id: number | null;
  /** Overrides the image's own caption for this article. */
  feature_image_caption: string | null;
  status: Generated<ArticleStatus>;
  first_published_at: string | null;
  published_at: string | null;
  /** The last substantive update readers are told about ("Updated ..."). */
  updated_at: string | null;
  scheduled_at: string | null;
  created_at: string;
  /** Any change to the row; drives caches and sitemaps' lastmod. */
  modified_at: string;
  /** Optimistic-locking version, bumped on every save. */
  version: Generated<number>;
  credit_line: string | null;
  wire_source: string | null;
  wire_source_url: string | null;
  /** Wire copy under embargo: it cannot be published or scheduled before this time. */
  embargo_until: string | null;
  /** Set on publish for articles carrying wire copy: 'verbatim' or 'edited'. */
  wire_relationship: string | null;
  /** Robots policy the wire source asks for verbatim copy; the editor's `robots` wins. */
  wire_robots: string | null;
  /** 1: readers see a note of what the desk added to the agency's copy. */
  show_wire_changes: Generated<number>;
  canonical_url: string | null;
  is_breaking: Generated<number>;
  breaking_until: string | null;
  /** Front-page curation: 0 is the top story, 1.. the featured slots, null not pinned. */
  front_page_slot: number | null;
  story_id: number | null;
  comments_mode: Generated<CommentsMode>;
  comment_count: Generated<number>;
  seo_title: string | null;
  seo_description: string | null;
  language: Generated<string>;
  /** Robots policy for this page, e.g. 'noindex'; null for the site default. */
  robots: string | null;
  /** The staff member who created it; "edit own" means this. */
  created_by: number | null;
}

export interface ArticleAuthorsTable {
  article_id: number;
  author_id: number;
  position: number;
  listed_at: string | null;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
  position: number;
  listed_at: string | null;
}

export const noteKinds = ['correction', 'update', 'clarification'] as const;
export type NoteKind = (typeof noteKinds)[number];

export interface ArticleNotesTable {
  id: Generated<number>;
  article_id: number;
  kind: NoteKind;
  body: string;
  created_at: string;
}

export interface SlugRedirectsTable {
  old_slug: string;
  article_id: number;
  created_at: string;
}

export interface ArticleLinksTable {
  from_id: number;
  to_id: number;
}

export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  version: number;
  staff_id: number | null;
  /** 1 when written by autosave; consecutive autosaves by one person fold into one revision. */
  autosave: Generated<number>;
  /** JSON of the editable fields (see RevisionSnapshot). */
  snapshot: string;
  created_at: string;
}

export const articleActions = [
  'created',
  'edited',
  'submitted',
  'returned',
  'scheduled',
  'unscheduled',
  'published',
  'unpublished',
  'withdrawn',
  'note_added',
  'restored',
] as const;
export type ArticleAction = (typeof articleActions)[number];

export interface ArticleEventsTable {
  id: Generated<number>;
  article_id: number;
  staff_id: number | null;
  action: ArticleAction;
  detail: Generated<string>;
  created_at: string;
}

export interface ArticleImagesTable {
  article_id: number;
  image_id: number;
}
