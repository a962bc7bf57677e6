// Shapes of the Admin API (docs/admin-api.md). Times are ISO 8601 strings in UTC.

import type { JSONContent } from '@tiptap/core';

export type Ability =
  | 'articles.read'
  | 'articles.create'
  | 'articles.edit'
  | 'articles.submit'
  | 'articles.publish'
  | 'articles.schedule'
  | 'articles.unpublish'
  | 'articles.delete'
  | 'taxonomy.manage'
  | 'media.upload'
  | 'media.manage'
  | 'settings.manage'
  | 'staff.manage'
  | 'outbox.read'
  | 'wire.manage'
  | 'wire.desk'
  | 'comments.moderate';

export type AbilityScope = 'any' | 'own';

export const staffRoles = ['owner', 'editor', 'author', 'contributor', 'moderator'] as const;
export type StaffRole = (typeof staffRoles)[number];
export type StaffStatus = 'active' | 'invited' | 'suspended';

export interface Staff {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  status: StaffStatus;
  authorId: number | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface Session {
  staff: Staff;
  abilities: Partial<Record<Ability, AbilityScope>>;
  csrfToken: string;
}

export interface List<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
}

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

export const noteKinds = ['correction', 'update', 'clarification'] as const;
export type NoteKind = (typeof noteKinds)[number];

export type BodyDoc = JSONContent;

export interface ArticleFields {
  headline: string;
  standfirst: string;
  slug: string;
  body: BodyDoc;
  kind: ArticleKind;
  sectionId: number | null;
  authorIds: number[];
  tagIds: number[];
  featureImageId: number | null;
  featureImageCaption: string | null;
  creditLine: string | null;
  wireSource: string | null;
  wireSourceUrl: string | null;
  canonicalUrl: string | null;
  isBreaking: boolean;
  breakingUntil: string | null;
  /** 0 is the top story, 1..6 the featured slots, null not pinned. */
  frontPageSlot: number | null;
  storyId: number | null;
  commentsMode: CommentsMode;
  seoTitle: string | null;
  seoDescription: string | null;
  robots: string | null;
  /** Wire copy: show readers what the desk added to the agency's copy. */
  showWireChanges?: boolean;
}

export interface Note {
  id: number;
  kind: NoteKind;
  body: string;
  createdAt: string;
}

export interface ArticleAbilities {
  edit: boolean;
  submit: boolean;
  publish: boolean;
  schedule: boolean;
  unpublish: boolean;
  delete: boolean;
}

export interface StaffRef {
  id: number;
  name: string;
}

export interface Article extends ArticleFields {
  id: number;
  status: ArticleStatus;
  version: number;
  url: string | null;
  createdAt: string;
  modifiedAt: string;
  publishedAt: string | null;
  firstPublishedAt: string | null;
  scheduledAt: string | null;
  createdBy: StaffRef | null;
  notes: Note[];
  abilities: ArticleAbilities;
}

export interface ArticleSummary {
  id: number;
  headline: string;
  slug: string;
  status: ArticleStatus;
  sectionId: number;
  section: { id: number; name: string; slug?: string } | string | null;
  authors: StaffRef[];
  modifiedAt: string;
  publishedAt: string | null;
  scheduledAt: string | null;
  isBreaking: boolean;
  frontPageSlot: number | null;
  url: string | null;
}

export interface ArticleEvent {
  id: number;
  action: string;
  detail: string;
  staff: StaffRef | null;
  createdAt: string;
}

export interface RevisionSummary {
  id: number;
  version: number;
  autosave: boolean;
  staff: StaffRef | null;
  createdAt: string;
}

export interface DiffPart {
  text: string;
  change: 'same' | 'added' | 'removed';
}

export interface RevisionDiff {
  fields: { field: string; label: string; parts: DiffPart[] }[];
}

export interface Section {
  id: number;
  slug: string;
  name: string;
  description: string;
  position: number;
  inNavigation: boolean;
}

export interface Tag {
  id: number;
  slug: string;
  name: string;
  description: string;
}

export const authorKinds = ['staff', 'columnist', 'desk', 'contributor', 'guest'] as const;

export interface Author {
  id: number;
  slug: string;
  name: string;
  title: string;
  bio: string;
  kind: (typeof authorKinds)[number];
  email: string | null;
}

export interface Story {
  id: number;
  slug: string;
  title: string;
  description: string;
  status: 'developing' | 'concluded';
}

export interface MediaImage {
  id: number;
  url: string;
  thumbnailUrl: string | null;
  width: number;
  height: number;
  mime: string;
  bytes: number;
  originalName: string;
  alt: string;
  caption: string;
  credit: string;
  status: 'processing' | 'ready' | 'failed';
  error: string | null;
  usedBy: number;
  createdAt: string;
}

export interface NavigationLink {
  label: string;
  url: string;
}

export interface SiteSettings {
  siteName: string;
  tagline: string;
  deskName: string;
  timeZone: string;
  locale: string;
  language: string;
  logoImageId: number | null;
  commentsDefaultMode: CommentsMode;
  navigation: NavigationLink[];
}

export interface OutboxMessage {
  id: number;
  kind: string;
  to: string;
  subject: string;
  text: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

// ---------------------------------------------------------------- comments (moderation)

export const commentQueues = ['pending', 'reported', 'recent', 'rejected', 'spam'] as const;
export type CommentQueue = (typeof commentQueues)[number];
export type CommentStatus = 'approved' | 'pending' | 'rejected' | 'spam' | 'deleted';
export type ModeratorAction = 'approve' | 'reject' | 'spam' | 'feature' | 'unfeature';
export type CommenterStatus = 'active' | 'banned' | 'suspended';

export interface StoredComment {
  id: number;
  articleId: number;
  commenterId: number;
  parentId: number | null;
  inReplyToId: number | null;
  rootId: number;
  depth: number;
  /** As the reader wrote it: shown as plain text, never as HTML. */
  body: string;
  status: CommentStatus;
  decisionReason: string | null;
  likeCount: number;
  replyCount: number;
  reportCount: number;
  featured: boolean;
  createdAt: string;
  editedAt: string | null;
  approvedAt: string | null;
}

export interface CommentReport {
  reason: string;
  note: string;
  createdAt: string;
}

export interface QueueEntry {
  comment: StoredComment;
  article: { id: number; headline: string; url: string | null };
  commenter: {
    id: number;
    kind: 'guest' | 'reader' | 'staff';
    name: string;
    email: string | null;
    status: CommenterStatus;
    suspendedUntil: string | null;
    alwaysPremoderate: boolean;
    approvedCount: number;
  };
  decisionReason: string | null;
  reports: CommentReport[];
}

export interface CommentQueuePage {
  items: QueueEntry[];
  next: string | null;
}

export interface BulkDecisionResult {
  results: { id: number; ok: boolean; comment?: StoredComment; error?: { code: string; message: string } }[];
}

export interface CommenterProfile {
  id: number;
  kind: 'guest' | 'reader' | 'staff';
  displayName: string;
  email: string | null;
  emailVerifiedAt: string | null;
  staffId: number | null;
  status: CommenterStatus;
  suspendedUntil: string | null;
  alwaysPremoderate: boolean;
  approvedCount: number;
  createdAt: string;
}

export interface ModerationLogEntry {
  id: number;
  commentId: number | null;
  commenterId: number | null;
  staffId: number | null;
  /** Null: the system decided. */
  staff: StaffRef | null;
  action: string;
  reason: string | null;
  createdAt: string;
}

/** Every action the moderation log records (the server's list, for the filter). */
export const moderationLogActions = [
  'approve',
  'pending',
  'reject',
  'spam',
  'delete',
  'feature',
  'unfeature',
  'ban',
  'suspend',
  'lift_ban',
  'always_premoderate',
  'normal_moderation',
  'erase',
] as const;
export type ModerationLogAction = (typeof moderationLogActions)[number];

/** A row of the site-wide moderation log, with the comment and commenter it is about. */
export interface ModerationLogItem extends ModerationLogEntry {
  /** Null for decisions about a commenter (a ban) or when the comment is gone. */
  comment: { id: number; articleId: number; status: CommentStatus; excerpt: string } | null;
  commenter: { id: number; name: string; kind: 'guest' | 'reader' | 'staff' } | null;
}

export interface ModerationLogList {
  items: ModerationLogItem[];
  next: string | null;
  /** Who can be chosen in the "decided by" filter. */
  moderators: StaffRef[];
}

export interface CommenterHistory {
  commenter: CommenterProfile;
  counts: Record<CommentStatus, number>;
  comments: StoredComment[];
  log: ModerationLogEntry[];
}

export interface CommentSettings {
  guestsAllowed: boolean;
  premoderateAll: boolean;
  minLength: number;
  maxLength: number;
  bannedWords: string[];
  suspectWords: string[];
  maxLinks: number;
  rateLimitSeconds: number;
  repeatWindowMinutes: number;
  autoCloseDays: number;
  newCommenterApprovals: number;
  minSubmitSeconds: number;
  spamSimilarity: number;
  editWindowMinutes: number;
  reportThreshold: number;
  digestHours: number;
}

// ---------------------------------------------------------------- the wire desk

export const wireFormats = ['auto', 'rss', 'atom', 'jsonfeed', 'ninjs'] as const;
export type WireFormat = (typeof wireFormats)[number];

/** What search engines may do with copy published as received. */
export const indexPolicies = ['index', 'news_noindex', 'noindex'] as const;
export type IndexPolicy = (typeof indexPolicies)[number];

export const wireItemStatuses = ['new', 'ignored', 'adopted'] as const;
export type WireItemStatus = (typeof wireItemStatuses)[number];

/** The agency's own status of an item: canceled is a kill. */
export type WirePubStatus = 'usable' | 'withheld' | 'canceled';

export interface WireSource {
  id: number;
  name: string;
  url: string;
  format: WireFormat;
  pollMinutes: number;
  creditTemplate: string;
  editedCreditTemplate: string;
  defaultSectionId: number | null;
  usageTerms: string;
  copyrightNotice: string;
  indexPolicy: IndexPolicy;
  enabled: boolean;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  failures: number;
  nextPollAt: string | null;
  itemCount: number;
  createdAt: string;
  updatedAt: string;
}

/** The fields of a source the desk can set (POST and PATCH /wire/sources). */
export type WireSourceInput = Pick<
  WireSource,
  | 'name'
  | 'url'
  | 'format'
  | 'pollMinutes'
  | 'creditTemplate'
  | 'editedCreditTemplate'
  | 'defaultSectionId'
  | 'usageTerms'
  | 'copyrightNotice'
  | 'indexPolicy'
  | 'enabled'
>;

export interface WirePollOutcome {
  /** fetched: the feed was read; not_modified: it answered 304; failed: see error. */
  status: 'fetched' | 'not_modified' | 'failed';
  newItems: number;
  updatedItems: number;
  unchanged: number;
  duplicates: number;
  skipped: number;
  error: string | null;
}

/** An article that carries a wire item. */
export interface WireCarryingArticle {
  id: number;
  headline: string;
  status: ArticleStatus;
  relationship: 'verbatim' | 'edited' | null;
  itemVersion: number;
}

/** An item as the inbox lists it. */
export interface WireItemSummary {
  id: number;
  headline: string;
  summary: string;
  /** id is null for a web page added by its address. */
  source: { id: number | null; name: string };
  origin: 'feed' | 'url';
  url: string | null;
  version: number;
  status: WireItemStatus;
  pubStatus: WirePubStatus;
  signals: string[];
  embargoUntil: string | null;
  publishedAt: string | null;
  firstSeenAt: string;
  updatedAt: string;
  defaultSectionId: number | null;
  problemCount: number;
  clusterId: number | null;
  clusterSize: number;
  articles: WireCarryingArticle[];
}

export interface WireImage {
  url: string;
  caption?: string;
  credit?: string;
  alt?: string;
}

/** An item in full, for the preview. `bodyHtml` is sanitized by the server. */
export interface WireItem extends WireItemSummary {
  bodyHtml: string;
  bylines: string[];
  dateline: string | null;
  subjects: { name: string; code?: string; uri?: string }[];
  images: WireImage[];
  language: string | null;
  expiresAt: string | null;
  /** The agency's note to editors: never published. */
  edNote: string | null;
  usageTerms: string | null;
  copyrightNotice: string | null;
  sourceItemId: string;
  sourceVersion: string | null;
  format: string;
  problems: string[];
}

export interface WireItemVersion {
  version: number;
  sourceVersion: string | null;
  headline: string;
  pubStatus: WirePubStatus;
  signals: string[];
  fetchedAt: string;
}

export interface WireItemDetail extends WireItem {
  versions: WireItemVersion[];
  /** The other items of its story, from other agencies or feeds. */
  similar: WireItem[];
}

export interface WireInboxPage {
  items: WireItemSummary[];
  nextCursor: string | null;
}

export interface WireVersionDiff {
  fromVersion: number;
  toVersion: number;
  headline: DiffPart[];
  body: DiffPart[];
}

export type WireAlertKind = 'update' | 'applied' | 'correction' | 'kill' | 'withheld' | 'embargo';

export interface WireAlert {
  id: number;
  articleId: number;
  itemId: number;
  kind: WireAlertKind;
  message: string;
  diff: WireVersionDiff | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: number | null;
}

/** An open alert in the newsroom-wide list, with the article it is about. */
export interface OpenWireAlert extends WireAlert {
  article: { id: number; headline: string; status: ArticleStatus };
  /** Whether the person signed in may mark it as dealt with (they may edit its article). */
  canResolve: boolean;
}

export interface WireAdopted {
  id: number;
  status: ArticleStatus;
  headline: string;
  creditLine: string | null;
  embargoUntil: string | null;
  featureImageId?: number | null;
  /** Pictures of the agency's that could not be imported into the media library, in words. */
  pictureProblems?: string[];
}

/** Where an article's copy came from, its open alerts, and what the desk added. */
export interface ArticleWire {
  articleId: number;
  creditLine: string | null;
  relationship: 'verbatim' | 'edited' | null;
  embargoUntil: string | null;
  showWireChanges: boolean;
  sources: {
    itemId: number;
    position: number;
    source: { id: number | null; name: string };
    originalUrl: string | null;
    itemVersion: number;
    latestVersion: number;
    pubStatus: WirePubStatus | null;
    originalHeadline: string;
    originalBodyHtml: string;
    usageTerms: string | null;
    copyrightNotice: string | null;
    fetchedAt: string;
    adoptedAt: string;
    adoptedBy: StaffRef | null;
  }[];
  verbatim: boolean;
  added: {
    headline: DiffPart[];
    body: DiffPart[];
    headlineChanged: boolean;
    /** Paragraphs the article has that the agency's copy has not. */
    added: string[];
    removedCount: number;
  } | null;
  alerts: WireAlert[];
}
