import type { CommentsMode } from '../../articles/articles.table.js';
import type { CommentSettings } from '../comments.settings.js';
import type { CommenterKind, CommenterStatus } from '../comments.table.js';

export type Decision = 'continue' | 'approve' | 'pending' | 'reject' | 'spam';

/** A phase's answer: `reason` is a stable code (stored with the comment), `detail` says which word, how many links... */
export interface PhaseResult {
  decision: Decision;
  reason: string;
  detail?: string;
}

/** Reads the few facts phases need from stored comments; the service gives indexed queries, tests give fakes. */
export interface ModerationLookups {
  /** The newest counted comment by this commenter (or from this address hash) since `since`. */
  lastCommentAt(by: { commenterId: number } | { ipHash: string }, since: Date): Promise<string | null>;
  /** Bodies this commenter wrote since `since`, newest first. */
  recentBodies(commenterId: number, since: Date): Promise<string[]>;
  /** Bodies of comments recently marked spam, newest first. */
  recentSpamBodies(): Promise<string[]>;
}

/** An external spam checker (Akismet and the like); a failure or a timeout never blocks a comment. */
export interface SpamChecker {
  readonly name: string;
  check(input: {
    body: string;
    name: string;
    email: string | null;
    ipHash: string | null;
    /** The reader's address, for checkers that need it (Akismet); never stored. */
    ip: string | null;
  }): Promise<'spam' | 'ham'>;
}

export interface ModerationLog {
  warn(o: object, msg: string): void;
}

/** Everything a phase may look at: the comment, where it goes, who wrote it, the settings. */
export interface ModerationContext {
  body: string;
  /** An edit re-runs the pipeline; rate limits and form signals only apply to new comments. */
  action: 'create' | 'edit';
  now: Date;
  article: { commentsMode: CommentsMode; firstPublishedAt: string | null };
  commenter: {
    id: number;
    kind: CommenterKind;
    displayName: string;
    email: string | null;
    status: CommenterStatus;
    suspendedUntil: string | null;
    alwaysPremoderate: boolean;
    approvedCount: number;
  };
  ipHash: string | null;
  /** The reader's address as received, for an external checker only; null on edits. */
  ip?: string | null | undefined;
  /** The hidden field people never see; anything in it was typed by a bot. */
  honeypot?: string | undefined;
  /** When the form was shown to the reader. */
  renderedAt?: Date | undefined;
  settings: CommentSettings;
  lookups: ModerationLookups;
  spamChecker?: SpamChecker | undefined;
  log?: ModerationLog | undefined;
}

export type Phase = (ctx: ModerationContext) => PhaseResult | Promise<PhaseResult>;

export const carryOn: PhaseResult = { decision: 'continue', reason: '' };

/** Staff comments are the newsroom speaking: content and premoderation phases let them through. */
export const isStaff = (ctx: ModerationContext) => ctx.commenter.kind === 'staff';
