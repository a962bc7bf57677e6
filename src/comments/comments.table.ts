import type { Generated } from 'kysely';

export const commenterKinds = ['guest', 'reader', 'staff'] as const;
export type CommenterKind = (typeof commenterKinds)[number];

export const commenterStatuses = ['active', 'banned', 'suspended'] as const;
export type CommenterStatus = (typeof commenterStatuses)[number];

export const commentStatuses = ['approved', 'pending', 'rejected', 'spam', 'deleted'] as const;
export type CommentStatus = (typeof commentStatuses)[number];

export interface CommentersTable {
  id: Generated<number>;
  kind: CommenterKind;
  display_name: string;
  /** Never shown to readers; null once erased. */
  email: string | null;
  email_verified_at: string | null;
  staff_id: number | null;
  status: Generated<CommenterStatus>;
  suspended_until: string | null;
  always_premoderate: Generated<number>;
  /** Comments of theirs a moderator or the pipeline approved; lifts new-commenter premoderation. */
  approved_count: Generated<number>;
  created_at: string;
  erased_at: string | null;
  /** Set when they unsubscribed from reply mails (every comment of theirs). */
  reply_mails_off_at: string | null;
}

export interface CommentsTable {
  id: Generated<number>;
  article_id: number;
  commenter_id: number;
  /** The comment it is listed under (the branch); null for a top-level comment. */
  parent_id: number | null;
  /** The comment actually answered, when it differs from parent_id (a flattened deep reply). */
  in_reply_to_id: number | null;
  /** The top-level comment of its thread; its own id for a top-level comment. */
  root_id: number | null;
  depth: number;
  /** As the reader wrote it; never rendered as HTML. */
  body: string;
  /** The body rendered once, when written, and sanitised. */
  body_html: string;
  status: CommentStatus;
  decision_reason: string | null;
  /** 1 when the public thread lists it (approved, or a deleted placeholder with replies). */
  visible: Generated<number>;
  like_count: Generated<number>;
  /** Approved comments listed directly under it. */
  reply_count: Generated<number>;
  /** On a top-level comment: approved replies in its branch, at every depth. */
  branch_count: Generated<number>;
  report_count: Generated<number>;
  featured: Generated<number>;
  ip_hash: string | null;
  dedupe_key: string | null;
  created_at: string;
  edited_at: string | null;
  approved_at: string | null;
  /** 1: the author asked to be emailed when someone replies. */
  notify_replies: Generated<number>;
  /** When the author of the comment it answers was mailed about it (once, however often the job runs). */
  parent_notified_at: string | null;
}

export interface CommentLikesTable {
  comment_id: number;
  commenter_id: number;
  created_at: string;
}

export const reportReasons = [
  'spam',
  'abusive',
  'offensive',
  'off_topic',
  'misinformation',
  'illegal',
  'other',
] as const;
export type ReportReason = (typeof reportReasons)[number];

export interface CommentReportsTable {
  comment_id: number;
  commenter_id: number;
  reason: ReportReason;
  note: Generated<string>;
  created_at: string;
}

export interface ModerationLogTable {
  id: Generated<number>;
  comment_id: number | null;
  commenter_id: number | null;
  /** Null: the system (the moderation pipeline) decided. */
  actor_staff_id: number | null;
  action: string;
  reason: string | null;
  created_at: string;
}

export interface CommentSettingsTable {
  id: number;
  /** JSON of CommentSettings; missing keys take their defaults. */
  value: string;
  ip_salt: string;
  updated_at: string;
  /** When the moderators' digest of pending comments last went out. */
  digest_sent_at: string | null;
}

/** An emailed sign-in link, stored as the SHA-256 of its token. */
export interface ReaderTokensTable {
  id: string;
  email: string;
  display_name: string;
  return_to: string | null;
  ip_hash: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A verified reader's session; the cookie holds the token, the row its SHA-256. */
export interface ReaderSessionsTable {
  id: string;
  commenter_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}
