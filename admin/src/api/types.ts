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
}
