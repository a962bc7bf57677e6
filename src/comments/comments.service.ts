import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { CommentsMode } from '../articles/articles.table.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { AppError, invalidFields, invalidParameter, notFound } from '../errors.js';
import { renderCommentBody } from './comments.markdown.js';
import * as q from './comments.queries.js';
import { type CommentSettings, CommentSettingsStore } from './comments.settings.js';
import {
  type CommenterKind,
  type CommenterStatus,
  type CommentStatus,
  type ReportReason,
  reportReasons,
} from './comments.table.js';
import { moderate, reasonText } from './moderation/pipeline.js';
import type { ModerationContext, ModerationLog, SpamChecker } from './moderation/types.js';

/** The part of the articles service comments need; the count moves inside our transaction. */
export interface CommentArticles {
  findRecord(id: number): Promise<
    | {
        status: string;
        comments_mode: CommentsMode;
        first_published_at: string | null;
        comment_count: number;
      }
    | undefined
  >;
  adjustCommentCount(trx: Transaction<Database>, id: number, delta: number): Promise<void>;
}

export interface CommentsDeps {
  db: Db;
  clock: Clock;
  articles: CommentArticles;
  /** Purges page-cache entries by surrogate key; called after commit. */
  purge: (keys: string[]) => void;
  spamChecker?: SpamChecker;
  log?: ModerationLog;
  /**
   * Called inside the transaction that approves a comment for the first time (at once or by a
   * moderator), so work it queues (a reply mail) commits with the approval or not at all.
   */
  firstApproval?: (trx: Transaction<Database>, comment: q.CommentRow) => Promise<void>;
  /** Told after commit when a comment joins the public thread (approved on post or by a moderator): live readers. */
  visible?: (comment: VisibleComment) => void;
}

/** A comment that has just joined an article's public thread. */
export interface VisibleComment {
  articleId: number;
  id: number;
  parentId: number | null;
  rootId: number;
}

export type CommenterIdentity =
  | { kind: 'guest' | 'reader'; name: string; email: string }
  | { kind: 'staff'; name: string; email?: string | null; staffId: number };

export interface SubmitCommentInput {
  articleId: number;
  parentId?: number | null;
  /** Who writes: an identity (found or created) or a known commenter's id. */
  commenter: CommenterIdentity | number;
  body: string;
  ip: string;
  honeypot?: string;
  /** When the form was shown (the form carries it). */
  renderedAt?: Date;
  /** A random key the form carries: a resubmitted form is the same comment however late it comes. */
  clientKey?: string;
  /** The author asks to be emailed when someone replies. */
  notifyReplies?: boolean;
}

/** A comment as its author and moderators see it. */
export interface StoredComment {
  id: number;
  articleId: number;
  commenterId: number;
  parentId: number | null;
  inReplyToId: number | null;
  rootId: number;
  depth: number;
  body: string;
  bodyHtml: string;
  status: CommentStatus;
  /** Why the pipeline or a moderator decided: a code, then what tripped it ("suspect_word: idiot"). */
  decisionReason: string | null;
  likeCount: number;
  replyCount: number;
  reportCount: number;
  featured: boolean;
  createdAt: string;
  editedAt: string | null;
  approvedAt: string | null;
}

/** A comment as the public thread shows it; a deleted one with replies is a placeholder. */
export interface ThreadComment {
  id: number;
  parentId: number | null;
  inReplyToId: number | null;
  depth: number;
  deleted: boolean;
  author: { id: number; name: string; staff: boolean } | null;
  bodyHtml: string;
  likeCount: number;
  replyCount: number;
  featured: boolean;
  createdAt: string;
  editedAt: string | null;
}

export interface ThreadRoot extends ThreadComment {
  /** The first page of its replies (every depth, oldest first; nest them by parentId). */
  replies: ThreadComment[];
  /** Cursor for listReplies when there are more. */
  moreReplies: string | null;
  /** Approved replies in its branch beyond those shown ("N more replies"); 0 when all are shown. */
  moreReplyCount: number;
}

export const threadSorts = ['oldest', 'newest', 'liked'] as const;

export type ThreadSort = (typeof threadSorts)[number];

export const moderatorActions = ['approve', 'reject', 'spam', 'feature', 'unfeature'] as const;
export type ModeratorAction = (typeof moderatorActions)[number];

export const queueKinds = ['pending', 'reported', 'recent', 'rejected', 'spam'] as const;
export type QueueKind = (typeof queueKinds)[number];

export interface QueueItem extends StoredComment {
  commenter: { id: number; kind: CommenterKind; name: string; email: string | null; status: CommenterStatus };
  reports: { reason: ReportReason; note: string; createdAt: string }[];
}

export interface CommenterProfile {
  id: number;
  kind: CommenterKind;
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
  /** Null: the system decided. */
  staffId: number | null;
  action: string;
  reason: string | null;
  createdAt: string;
}

/** Deepest indentation the thread shows; deeper replies are listed in their depth-3 ancestor's branch. */
export const maxDepth = 3;
/** A resubmitted form within this window is the same comment. */
const resubmitWindowMs = 60_000;
const verdictStatus = { approve: 'approved', pending: 'pending', reject: 'rejected', spam: 'spam' } as const;
const logAction: Record<CommentStatus, string> = {
  approved: 'approve',
  pending: 'pending',
  rejected: 'reject',
  spam: 'spam',
  deleted: 'delete',
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export class CommentsService {
  readonly settings: CommentSettingsStore;

  constructor(private readonly deps: CommentsDeps) {
    // Who may comment shows on every article page (guest fields or "Sign in to comment").
    this.settings = new CommentSettingsStore(deps.db, deps.clock, (before, after) => {
      // Auto-close decides whether article pages show the form.
      if (before.guestsAllowed !== after.guestsAllowed || before.autoCloseDays !== after.autoCloseDays) {
        deps.purge(['site']);
      }
    });
  }

  private get db(): Kysely<Database> {
    return this.deps.db.kysely;
  }

  private now(): Date {
    return this.deps.clock.now();
  }

  // ---------------------------------------------------------------- commenters

  /** Finds or creates the commenter: one per guest address, one per reader address, one per staff member. */
  async ensureCommenter(identity: CommenterIdentity): Promise<CommenterProfile> {
    const name = identity.name?.trim() ?? '';
    const fields = [];
    if (!name || name.length > 80) fields.push({ field: 'name', message: 'Give a name of up to 80 characters.' });
    const email = identity.kind === 'staff' ? (identity.email ?? null) : identity.email?.trim().toLowerCase();
    if (identity.kind !== 'staff' && (!email || email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) {
      fields.push({ field: 'email', message: 'Give an email address like name@example.com.' });
    }
    if (fields.length > 0) throw invalidFields(fields);
    if (identity.kind === 'guest' && !(await this.settings.get()).guestsAllowed) {
      throw new AppError('forbidden', 'Only readers who have confirmed their email address may comment here.');
    }
    const find = () => {
      const base = this.db.selectFrom('commenters').selectAll();
      return identity.kind === 'staff'
        ? base.where('staff_id', '=', identity.staffId).executeTakeFirst()
        : base
            .where('kind', '=', identity.kind)
            .where('email', '=', email as string)
            .executeTakeFirst();
    };
    let row = await find();
    if (!row) {
      await this.db
        .insertInto('commenters')
        .values({
          kind: identity.kind,
          display_name: name,
          email: email ?? null,
          email_verified_at: null,
          staff_id: identity.kind === 'staff' ? identity.staffId : null,
          suspended_until: null,
          created_at: this.now().toISOString(),
          erased_at: null,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      row = await find();
    }
    if (!row) throw new AppError('internal_error', 'The commenter could not be saved.');
    return presentCommenter(row);
  }

  private async requireCommenter(id: number): Promise<q.CommenterRow> {
    const row = await q.findCommenter(this.db, id);
    if (!row || row.erased_at) throw notFound('commenter');
    return row;
  }

  // ---------------------------------------------------------------- writing

  /**
   * Stores a reader's comment after the moderation pipeline has decided about it, and
   * returns it once committed: the reader may be told "received" only then. A resubmitted
   * form (same commenter, text and parent within a minute, or the same client key) returns
   * the comment already stored, quietly.
   */
  async submitComment(input: SubmitCommentInput): Promise<StoredComment> {
    const now = this.now();
    const settings = await this.settings.get();
    const commenter =
      typeof input.commenter === 'number'
        ? await this.requireCommenter(input.commenter)
        : await q.findCommenter(this.db, (await this.ensureCommenter(input.commenter)).id);
    if (!commenter) throw notFound('commenter');
    const body = typeof input.body === 'string' ? input.body.replace(/\r\n?/g, '\n').trim() : '';
    if (body.length > 100_000) throw new AppError('payload_too_large', 'This comment is far too long.');
    const article = await this.deps.articles.findRecord(input.articleId);
    if (article?.status !== 'published') throw notFound('article');

    const requestedParent = input.parentId ?? null;
    const contentHash = sha256(`${commenter.id}\n${input.articleId}\n${requestedParent ?? ''}\n${body}`);
    // With the form's key the same form is the same comment; without it, the same text within a minute.
    const dedupeKey = `${contentHash}:${
      input.clientKey ? sha256(input.clientKey).slice(0, 16) : Math.floor(now.getTime() / resubmitWindowMs)
    }`;
    const dedupe = input.clientKey
      ? { exact: dedupeKey }
      : { prefix: contentHash, since: new Date(now.getTime() - resubmitWindowMs).toISOString() };
    const earlier = await q.findDuplicate(this.db, dedupe);
    if (earlier) return presentStored(earlier);

    // Where it goes: deeper than the thread shows, it is listed in its depth-3 ancestor's branch.
    let parent: q.CommentRow | undefined;
    if (requestedParent !== null) {
      parent = await q.findComment(this.db, requestedParent);
      if (!parent || parent.article_id !== input.articleId) throw notFound('comment');
      const replyable = parent.status === 'approved' || (commenter.kind === 'staff' && parent.status === 'pending');
      if (!replyable) throw new AppError('conflict', 'This comment cannot be replied to.');
    }
    const place = parent
      ? parent.depth >= maxDepth
        ? { parentId: parent.parent_id, inReplyToId: parent.id, depth: maxDepth, rootId: parent.root_id ?? parent.id }
        : { parentId: parent.id, inReplyToId: null, depth: parent.depth + 1, rootId: parent.root_id ?? parent.id }
      : null;

    const ipHash = input.ip ? sha256(`${await this.settings.ipSalt()}\n${input.ip}`).slice(0, 32) : null;
    const outcome = await moderate(
      this.contextFor({
        body,
        action: 'create',
        now,
        article,
        commenter,
        ipHash,
        ip: input.ip ?? null,
        settings,
        honeypot: input.honeypot,
        renderedAt: input.renderedAt,
      }),
    );
    const status = verdictStatus[outcome.decision];
    const at = now.toISOString();

    const stored = await this.db.transaction().execute(async (trx) => {
      // A copy that committed while this one was being moderated wins.
      const again = await q.findDuplicate(trx, dedupe);
      if (again) return { row: again, fresh: false };
      const inserted = await trx
        .insertInto('comments')
        .values({
          article_id: input.articleId,
          commenter_id: commenter.id,
          parent_id: place?.parentId ?? null,
          in_reply_to_id: place?.inReplyToId ?? null,
          root_id: place?.rootId ?? null,
          depth: place?.depth ?? 0,
          body,
          body_html: renderCommentBody(body),
          status,
          decision_reason: reasonText(outcome),
          visible: status === 'approved' ? 1 : 0,
          ip_hash: ipHash,
          // A rejected comment holds no key: a reader who waits out the rate limit may send the same text again.
          dedupe_key: status === 'rejected' ? null : dedupeKey,
          created_at: at,
          edited_at: null,
          approved_at: status === 'approved' ? at : null,
          notify_replies: input.notifyReplies ? 1 : 0,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!inserted) {
        const winner = await q.findDuplicate(trx, { exact: dedupeKey });
        if (!winner) throw new AppError('conflict', 'This comment was sent twice at once; please send it again.');
        return { row: winner, fresh: false };
      }
      let row = inserted;
      if (row.root_id === null) {
        await trx.updateTable('comments').set({ root_id: row.id }).where('id', '=', row.id).execute();
        row = { ...row, root_id: row.id };
      }
      await this.moveCounts(trx, row, null, status);
      await q.insertLog(trx, {
        commentId: row.id,
        commenterId: commenter.id,
        staffId: null,
        action: logAction[status],
        reason: reasonText(outcome),
        at,
      });
      if (status === 'approved') await this.deps.firstApproval?.(trx, row);
      return { row, fresh: true };
    });
    if (stored.fresh && status === 'approved') {
      this.deps.purge([`article:${input.articleId}`]);
      this.announceVisible(stored.row);
    }
    return presentStored(stored.row);
  }

  /** An author edits their comment within the window; the edit goes through the pipeline again. */
  async editComment(input: { commentId: number; commenterId: number; body: string }): Promise<StoredComment> {
    const now = this.now();
    const settings = await this.settings.get();
    const row = await this.requireOwn(input.commentId, input.commenterId);
    if (row.status === 'deleted' || row.status === 'rejected' || row.status === 'spam') {
      throw new AppError('conflict', 'This comment can no longer be edited.');
    }
    if (now.getTime() - Date.parse(row.created_at) > settings.editWindowMinutes * 60_000) {
      throw new AppError('conflict', `Comments can be edited for ${settings.editWindowMinutes} minutes after posting.`);
    }
    const body = typeof input.body === 'string' ? input.body.replace(/\r\n?/g, '\n').trim() : '';
    if (body.length > 100_000) throw new AppError('payload_too_large', 'This comment is far too long.');
    const article = await this.deps.articles.findRecord(row.article_id);
    if (!article) throw notFound('article');
    const commenter = await this.requireCommenter(row.commenter_id);
    const outcome = await moderate(
      this.contextFor({ body, action: 'edit', now, article, commenter, ipHash: row.ip_hash, settings }),
    );
    let status: CommentStatus = verdictStatus[outcome.decision];
    let reason = reasonText(outcome);
    // An edit never lifts a hold that a moderator has to lift.
    if (row.status === 'pending' && status === 'approved') {
      status = 'pending';
      reason = row.decision_reason ?? reason;
    }
    const at = now.toISOString();
    const updated = await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('comments')
        .set({ body, body_html: renderCommentBody(body), edited_at: at })
        .where('id', '=', row.id)
        .execute();
      const next = await this.changeStatus(trx, row, status, reason, null);
      return next;
    });
    this.deps.purge([`article:${row.article_id}`]);
    return presentStored(updated);
  }

  /** The author deletes their comment: its text goes; with replies it stays as a "comment deleted" placeholder. */
  async deleteOwnComment(input: { commentId: number; commenterId: number }): Promise<StoredComment> {
    const row = await this.requireOwn(input.commentId, input.commenterId);
    if (row.status === 'deleted') return presentStored(row);
    const updated = await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('comments')
        .set({ body: '', body_html: '', dedupe_key: null })
        .where('id', '=', row.id)
        .execute();
      return this.changeStatus(trx, row, 'deleted', 'deleted_by_author', null);
    });
    if (row.status === 'approved') this.deps.purge([`article:${row.article_id}`]);
    return presentStored(updated);
  }

  /** One like per commenter, idempotent; nobody likes their own comment. */
  async likeComment(commentId: number, commenterId: number): Promise<{ likeCount: number }> {
    await this.requireCommenter(commenterId);
    const result = await this.db.transaction().execute(async (trx) => {
      const row = await q.findComment(trx, commentId);
      if (row?.status !== 'approved') throw notFound('comment');
      if (row.commenter_id === commenterId) throw new AppError('forbidden', 'You cannot like your own comment.');
      const inserted = await trx
        .insertInto('comment_likes')
        .values({ comment_id: commentId, commenter_id: commenterId, created_at: this.now().toISOString() })
        .onConflict((oc) => oc.columns(['comment_id', 'commenter_id']).doNothing())
        .returning('comment_id')
        .executeTakeFirst();
      if (!inserted) return { likeCount: row.like_count, articleId: row.article_id, changed: false };
      const next = await trx
        .updateTable('comments')
        .set({ like_count: sql`like_count + 1` })
        .where('id', '=', commentId)
        .returning('like_count')
        .executeTakeFirstOrThrow();
      return { likeCount: next.like_count, articleId: row.article_id, changed: true };
    });
    if (result.changed) this.deps.purge([`article:${result.articleId}`]);
    return { likeCount: result.likeCount };
  }

  async unlikeComment(commentId: number, commenterId: number): Promise<{ likeCount: number }> {
    const result = await this.db.transaction().execute(async (trx) => {
      const row = await q.findComment(trx, commentId);
      if (!row) throw notFound('comment');
      const removed = await trx
        .deleteFrom('comment_likes')
        .where('comment_id', '=', commentId)
        .where('commenter_id', '=', commenterId)
        .executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) return { likeCount: row.like_count, articleId: row.article_id };
      const next = await trx
        .updateTable('comments')
        .set({ like_count: sql`like_count - 1` })
        .where('id', '=', commentId)
        .returning('like_count')
        .executeTakeFirstOrThrow();
      return { likeCount: next.like_count, articleId: row.article_id };
    });
    this.deps.purge([`article:${result.articleId}`]);
    return { likeCount: result.likeCount };
  }

  /**
   * A reader reports a comment, once. When reports from `reportThreshold` readers gather on
   * an approved comment it leaves the thread for the pending queue (reason "reported") until
   * a moderator decides: a pile-on cannot delete a comment, but it can get one looked at.
   */
  async reportComment(input: {
    commentId: number;
    commenterId: number;
    reason: ReportReason;
    note?: string;
  }): Promise<{ reportCount: number; status: CommentStatus }> {
    if (!reportReasons.includes(input.reason)) {
      throw invalidFields([{ field: 'reason', message: `Use one of: ${reportReasons.join(', ')}.` }]);
    }
    const note = (input.note ?? '').trim();
    if (note.length > 1000) throw invalidFields([{ field: 'note', message: 'Use at most 1000 characters.' }]);
    await this.requireCommenter(input.commenterId);
    const settings = await this.settings.get();
    const at = this.now().toISOString();
    const result = await this.db.transaction().execute(async (trx) => {
      const row = await q.findComment(trx, input.commentId);
      if (!row || (row.status !== 'approved' && row.status !== 'pending')) throw notFound('comment');
      if (row.commenter_id === input.commenterId)
        throw new AppError('forbidden', 'You cannot report your own comment.');
      const inserted = await trx
        .insertInto('comment_reports')
        .values({ comment_id: row.id, commenter_id: input.commenterId, reason: input.reason, note, created_at: at })
        .onConflict((oc) => oc.columns(['comment_id', 'commenter_id']).doNothing())
        .returning('comment_id')
        .executeTakeFirst();
      if (!inserted) return { reportCount: row.report_count, status: row.status, hidden: false };
      const { report_count } = await trx
        .updateTable('comments')
        .set({ report_count: sql`report_count + 1` })
        .where('id', '=', row.id)
        .returning('report_count')
        .executeTakeFirstOrThrow();
      if (row.status === 'approved' && report_count >= settings.reportThreshold) {
        await this.changeStatus(trx, row, 'pending', `reported: ${report_count} reports`, null);
        return { reportCount: report_count, status: 'pending' as const, hidden: true };
      }
      return { reportCount: report_count, status: row.status, hidden: false };
    });
    if (result.hidden) {
      const row = await q.findComment(this.db, input.commentId);
      if (row) this.deps.purge([`article:${row.article_id}`]);
    }
    return { reportCount: result.reportCount, status: result.status };
  }

  // ---------------------------------------------------------------- moderators

  /** A moderator's decision on one comment, written to the moderation log with their id. */
  async moderate(commentId: number, action: ModeratorAction, staffId: number, reason?: string): Promise<StoredComment> {
    if (!moderatorActions.includes(action))
      throw invalidParameter('action', `must be one of ${moderatorActions.join(', ')}`);
    const note = reason?.trim() || null;
    const at = this.now().toISOString();
    const { row, before } = await this.db.transaction().execute(async (trx) => {
      const before = await q.findComment(trx, commentId);
      if (!before) throw notFound('comment');
      if (before.status === 'deleted') throw new AppError('conflict', 'Its author deleted this comment.');
      if (action === 'feature' || action === 'unfeature') {
        if (action === 'feature' && before.status !== 'approved') {
          throw new AppError('conflict', 'Only a published comment can be featured.');
        }
        await trx
          .updateTable('comments')
          .set({ featured: action === 'feature' ? 1 : 0 })
          .where('id', '=', commentId)
          .execute();
        await q.insertLog(trx, {
          commentId,
          commenterId: before.commenter_id,
          staffId,
          action,
          reason: note,
          at,
        });
        return { row: (await q.findComment(trx, commentId)) as q.CommentRow, before };
      }
      const to = verdictStatus[action];
      const row = await this.changeStatus(trx, before, to, note ?? `moderator: ${action}`, staffId);
      return { row, before };
    });
    if (before.status === 'approved' || row.status === 'approved') this.deps.purge([`article:${row.article_id}`]);
    if (before.status !== 'approved' && row.status === 'approved') this.announceVisible(row);
    return presentStored(row);
  }

  /**
   * Bans a commenter, or suspends them until a time; optionally rejects what they wrote
   * that is still published or waiting (Coral's "reject all comments by this user").
   */
  async banCommenter(
    commenterId: number,
    options: { until?: Date; rejectPast?: boolean; reason?: string },
    staffId: number,
  ): Promise<{ commenter: CommenterProfile; rejected: number }> {
    await this.requireCommenter(commenterId);
    const at = this.now().toISOString();
    const until = options.until?.toISOString() ?? null;
    if (until && until <= at) throw invalidFields([{ field: 'until', message: 'Choose a time in the future.' }]);
    const result = await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('commenters')
        .set({ status: until ? 'suspended' : 'banned', suspended_until: until })
        .where('id', '=', commenterId)
        .execute();
      await q.insertLog(trx, {
        commentId: null,
        commenterId,
        staffId,
        action: until ? 'suspend' : 'ban',
        reason: [until ? `until ${until}` : null, options.reason?.trim() || null].filter(Boolean).join('; ') || null,
        at,
      });
      const articles = new Set<number>();
      let rejected = 0;
      if (options.rejectPast) {
        const rows = await trx
          .selectFrom('comments')
          .selectAll()
          .where('commenter_id', '=', commenterId)
          .where('status', 'in', ['approved', 'pending'])
          .orderBy('id')
          .execute();
        for (const row of rows) {
          if (row.status === 'approved') articles.add(row.article_id);
          await this.changeStatus(trx, row, 'rejected', until ? 'commenter_suspended' : 'commenter_banned', staffId);
          rejected++;
        }
      }
      return { articles, rejected };
    });
    if (result.articles.size > 0) this.deps.purge([...result.articles].map((id) => `article:${id}`));
    return { commenter: presentCommenter(await this.requireCommenter(commenterId)), rejected: result.rejected };
  }

  /** Lifts a ban or a suspension; what was rejected stays rejected. */
  async liftBan(commenterId: number, staffId: number): Promise<CommenterProfile> {
    await this.requireCommenter(commenterId);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('commenters')
        .set({ status: 'active', suspended_until: null })
        .where('id', '=', commenterId)
        .execute();
      await q.insertLog(trx, {
        commentId: null,
        commenterId,
        staffId,
        action: 'lift_ban',
        reason: null,
        at: this.now().toISOString(),
      });
    });
    return presentCommenter(await this.requireCommenter(commenterId));
  }

  async setAlwaysPremoderate(commenterId: number, on: boolean, staffId: number): Promise<CommenterProfile> {
    await this.requireCommenter(commenterId);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('commenters')
        .set({ always_premoderate: on ? 1 : 0 })
        .where('id', '=', commenterId)
        .execute();
      await q.insertLog(trx, {
        commentId: null,
        commenterId,
        staffId,
        action: on ? 'always_premoderate' : 'normal_moderation',
        reason: null,
        at: this.now().toISOString(),
      });
    });
    return presentCommenter(await this.requireCommenter(commenterId));
  }

  /**
   * A moderation queue, a page at a time: pending (oldest first, with the reason it was
   * held), reported (with the reports), recent (everything), rejected and spam (newest first).
   */
  async queue(opts: { kind: QueueKind; after?: string; limit?: number }): Promise<{
    items: QueueItem[];
    next: string | null;
  }> {
    if (!queueKinds.includes(opts.kind)) throw invalidParameter('kind', `must be one of ${queueKinds.join(', ')}`);
    const limit = clampLimit(opts.limit, 50, 200);
    const oldestFirst = opts.kind === 'pending';
    const cursor = opts.after ? decodeCursor(opts.after, `queue:${opts.kind}`, 2) : null;
    let query = this.db.selectFrom('comments').selectAll();
    if (opts.kind === 'pending') query = query.where('status', '=', 'pending');
    else if (opts.kind === 'rejected') query = query.where('status', '=', 'rejected');
    else if (opts.kind === 'spam') query = query.where('status', '=', 'spam');
    else if (opts.kind === 'reported') {
      // The partial index's condition spelled as it is, and the status test in a form no index
      // answers, so both databases walk the few reported comments in order instead of every approved one.
      query = query
        .where(sql<boolean>`report_count > 0`)
        .where(sql<boolean>`(case when status in ('approved', 'pending') then 1 else 0 end) = 1`);
    }
    if (cursor) {
      query = query.where((eb) =>
        eb(eb.refTuple('created_at', 'id'), oldestFirst ? '>' : '<', eb.tuple(String(cursor[0]), Number(cursor[1]))),
      );
    }
    const dir = oldestFirst ? 'asc' : 'desc';
    const rows = await query
      .orderBy('created_at', dir)
      .orderBy('id', dir)
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.queueItems(page),
      next: rows.length > limit && last ? encodeCursor(`queue:${opts.kind}`, [last.created_at, last.id]) : null,
    };
  }

  private async queueItems(rows: q.CommentRow[]): Promise<QueueItem[]> {
    if (rows.length === 0) return [];
    const commenters = await this.db
      .selectFrom('commenters')
      .selectAll()
      .where('id', 'in', [...new Set(rows.map((r) => r.commenter_id))])
      .execute();
    const byId = new Map(commenters.map((c) => [c.id, c]));
    const reported = rows.filter((r) => r.report_count > 0).map((r) => r.id);
    const reports = reported.length
      ? await this.db
          .selectFrom('comment_reports')
          .selectAll()
          .where('comment_id', 'in', reported)
          .orderBy('created_at')
          .execute()
      : [];
    return rows.map((row) => {
      const c = byId.get(row.commenter_id);
      return {
        ...presentStored(row),
        commenter: {
          id: row.commenter_id,
          kind: c?.kind ?? 'guest',
          name: c?.display_name ?? '',
          email: c?.email ?? null,
          status: c?.status ?? 'active',
        },
        reports: reports
          .filter((r) => r.comment_id === row.id)
          .map((r) => ({ reason: r.reason, note: r.note, createdAt: r.created_at })),
      };
    });
  }

  /** Everything a moderator needs to judge a commenter: who, how often held or rejected, what they wrote, what was done. */
  async commenterHistory(commenterId: number): Promise<{
    commenter: CommenterProfile;
    counts: Record<CommentStatus, number>;
    comments: StoredComment[];
    log: ModerationLogEntry[];
  }> {
    const commenter = presentCommenter(await this.requireCommenter(commenterId));
    const grouped = await this.db
      .selectFrom('comments')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('commenter_id', '=', commenterId)
      .groupBy('status')
      .execute();
    const counts: Record<CommentStatus, number> = { approved: 0, pending: 0, rejected: 0, spam: 0, deleted: 0 };
    for (const g of grouped) counts[g.status] = Number(g.n);
    const comments = await this.db
      .selectFrom('comments')
      .selectAll()
      .where('commenter_id', '=', commenterId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(50)
      .execute();
    const log = await this.db
      .selectFrom('moderation_log')
      .selectAll()
      .where('commenter_id', '=', commenterId)
      .orderBy('id', 'desc')
      .limit(100)
      .execute();
    return { commenter, counts, comments: comments.map(presentStored), log: log.map(presentLog) };
  }

  /** The moderation log of one comment, oldest first. */
  async logFor(commentId: number): Promise<ModerationLogEntry[]> {
    const rows = await this.db
      .selectFrom('moderation_log')
      .selectAll()
      .where('comment_id', '=', commentId)
      .orderBy('id')
      .execute();
    return rows.map(presentLog);
  }

  async findComment(id: number): Promise<StoredComment | undefined> {
    const row = await q.findComment(this.db, id);
    return row ? presentStored(row) : undefined;
  }

  /** These comments as the public thread shows them, those on this article and visible only (live readers ask by id). */
  async findVisible(articleId: number, ids: number[]): Promise<ThreadComment[]> {
    if (ids.length === 0) return [];
    const rows = await q
      .threadSelect(this.db)
      .where('comments.article_id', '=', articleId)
      .where('comments.id', 'in', ids.slice(0, 100))
      .where('comments.visible', '=', 1)
      .orderBy('comments.created_at')
      .orderBy('comments.id')
      .execute();
    return rows.map(presentThread);
  }

  /** A commenter's own comments on an article that they may still change, with when each edit window ends. */
  async listOwnOnArticle(
    commenterId: number,
    articleId: number,
  ): Promise<{ id: number; status: CommentStatus; body: string; editableUntil: string }[]> {
    const settings = await this.settings.get();
    const rows = await this.db
      .selectFrom('comments')
      .select(['id', 'status', 'body', 'created_at'])
      .where('commenter_id', '=', commenterId)
      .where('article_id', '=', articleId)
      .where('status', 'in', ['approved', 'pending'])
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      body: r.body,
      editableUntil: new Date(Date.parse(r.created_at) + settings.editWindowMinutes * 60_000).toISOString(),
    }));
  }

  // ---------------------------------------------------------------- the thread

  /** Approved comments on a published article, kept up to date with every decision. */
  async countApproved(articleId: number): Promise<number> {
    return (await this.deps.articles.findRecord(articleId))?.comment_count ?? 0;
  }

  /**
   * One page of an article's top-level comments in the chosen order, each with the first
   * page of its replies. Keyset pagination: the cursor names the last comment shown, so a
   * page costs the same on a thread of 20 and of 20,000, and new comments never shift it.
   */
  async listThread(opts: {
    articleId: number;
    sort?: ThreadSort;
    after?: string;
    limit?: number;
    replyLimit?: number;
  }): Promise<{ comments: ThreadRoot[]; next: string | null }> {
    const sort = opts.sort ?? 'oldest';
    if (!threadSorts.includes(sort)) throw invalidParameter('sort', `must be one of ${threadSorts.join(', ')}`);
    const limit = clampLimit(opts.limit, 20, 100);
    const replyLimit = clampLimit(opts.replyLimit, 10, 100);
    const cursor = opts.after ? decodeCursor(opts.after, `thread:${sort}`, sort === 'liked' ? 3 : 2) : null;
    let query = q
      .threadSelect(this.db)
      .where('comments.article_id', '=', opts.articleId)
      .where('comments.visible', '=', 1)
      .where('comments.depth', '=', 0);
    if (sort === 'liked') {
      if (cursor) {
        query = query.where((eb) =>
          eb(
            eb.refTuple('comments.like_count', 'comments.created_at', 'comments.id'),
            '<',
            eb.tuple(Number(cursor[0]), String(cursor[1]), Number(cursor[2])),
          ),
        );
      }
      query = query
        .orderBy('comments.like_count', 'desc')
        .orderBy('comments.created_at', 'desc')
        .orderBy('comments.id', 'desc');
    } else {
      const dir = sort === 'oldest' ? 'asc' : 'desc';
      if (cursor) {
        query = query.where((eb) =>
          eb(
            eb.refTuple('comments.created_at', 'comments.id'),
            sort === 'oldest' ? '>' : '<',
            eb.tuple(String(cursor[0]), Number(cursor[1])),
          ),
        );
      }
      query = query.orderBy('comments.created_at', dir).orderBy('comments.id', dir);
    }
    const rows = await query.limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const next =
      rows.length > limit && last
        ? encodeCursor(
            `thread:${sort}`,
            sort === 'liked' ? [last.like_count, last.created_at, last.id] : [last.created_at, last.id],
          )
        : null;
    const replies = await this.firstReplies(
      page.map((r) => r.id),
      replyLimit,
    );
    return {
      comments: page.map((row) => {
        const mine = replies.get(row.id) ?? [];
        const shown = mine.slice(0, replyLimit);
        const lastReply = shown[shown.length - 1];
        const more = mine.length > replyLimit && lastReply !== undefined;
        // The kept count is of approved replies; deleted placeholders shown are not among them.
        const shownApproved = shown.filter((r) => r.status === 'approved').length;
        return {
          ...presentThread(row),
          replies: shown.map(presentThread),
          moreReplies: more ? encodeCursor(`replies:${row.id}`, [lastReply.created_at, lastReply.id]) : null,
          moreReplyCount: more ? Math.max(1, row.branch_count - shownApproved) : 0,
        };
      }),
      next,
    };
  }

  /** The next page of one thread's replies (oldest first, every depth). */
  async listReplies(opts: { rootId: number; after?: string; limit?: number }): Promise<{
    replies: ThreadComment[];
    next: string | null;
  }> {
    const limit = clampLimit(opts.limit, 20, 100);
    const cursor = opts.after ? decodeCursor(opts.after, `replies:${opts.rootId}`, 2) : null;
    let query = q
      .threadSelect(this.db)
      .where('comments.root_id', '=', opts.rootId)
      .where('comments.visible', '=', 1)
      .where('comments.depth', '>', 0);
    if (cursor) {
      query = query.where((eb) =>
        eb(eb.refTuple('comments.created_at', 'comments.id'), '>', eb.tuple(String(cursor[0]), Number(cursor[1]))),
      );
    }
    const rows = await query
      .orderBy('comments.created_at')
      .orderBy('comments.id')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      replies: page.map(presentThread),
      next: rows.length > limit && last ? encodeCursor(`replies:${opts.rootId}`, [last.created_at, last.id]) : null,
    };
  }

  /**
   * The first replies of each root, one more than shown to tell if there are more: one
   * statement of per-branch reads, each a short walk of comments_branch_time, so a branch
   * of 2,000 replies costs what a branch of 11 does. "N more replies" comes from the root's
   * kept branch_count, so nothing is counted on a reader's request.
   */
  private async firstReplies(rootIds: number[], replyLimit: number): Promise<Map<number, q.ThreadRow[]>> {
    const byRoot = new Map<number, q.ThreadRow[]>();
    const branch = (rootId: number) =>
      this.db
        .selectFrom(
          q
            .threadSelect(this.db)
            .where('comments.root_id', '=', rootId)
            .where('comments.visible', '=', 1)
            .where('comments.depth', '>', 0)
            .orderBy('comments.created_at')
            .orderBy('comments.id')
            .limit(replyLimit + 1)
            .as(`b${rootId}`),
        )
        .selectAll();
    const [first, ...rest] = rootIds.map(branch);
    if (!first) return byRoot;
    const rows = await rest.reduce((all, next) => all.unionAll(next), first).execute();
    for (const row of rows) {
      const root = row.root_id as number;
      const list = byRoot.get(root) ?? [];
      list.push(row);
      byRoot.set(root, list);
    }
    // Each branch in time order, whatever order the union returned them in.
    for (const list of byRoot.values()) {
      list.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id - b.id));
    }
    return byRoot;
  }

  // ---------------------------------------------------------------- the reader's data

  /** Everything stored about a commenter, for them to download. The address hash and moderators' notes stay out. */
  async exportReaderData(commenterId: number) {
    const commenter = await this.requireCommenter(commenterId);
    const comments = await this.db
      .selectFrom('comments')
      .select(['id', 'article_id', 'parent_id', 'body', 'status', 'created_at', 'edited_at'])
      .where('commenter_id', '=', commenterId)
      .orderBy('id')
      .execute();
    const likes = await this.db
      .selectFrom('comment_likes')
      .select(['comment_id', 'created_at'])
      .where('commenter_id', '=', commenterId)
      .orderBy('created_at')
      .execute();
    const reports = await this.db
      .selectFrom('comment_reports')
      .select(['comment_id', 'reason', 'note', 'created_at'])
      .where('commenter_id', '=', commenterId)
      .orderBy('created_at')
      .execute();
    return {
      exportedAt: this.now().toISOString(),
      commenter: {
        name: commenter.display_name,
        email: commenter.email,
        kind: commenter.kind,
        emailVerifiedAt: commenter.email_verified_at,
        createdAt: commenter.created_at,
      },
      comments: comments.map((c) => ({
        id: c.id,
        articleId: c.article_id,
        inReplyTo: c.parent_id,
        text: c.body,
        status: c.status,
        createdAt: c.created_at,
        editedAt: c.edited_at,
      })),
      likes: likes.map((l) => ({ commentId: l.comment_id, createdAt: l.created_at })),
      reports: reports.map((r) => ({
        commentId: r.comment_id,
        reason: r.reason,
        note: r.note,
        createdAt: r.created_at,
      })),
    };
  }

  /**
   * Erases a commenter: every comment's text, their likes and reports, their name and
   * address. Comments become "deleted" (placeholders where others replied, so threads keep
   * their shape); the moderation log keeps only ids.
   */
  async deleteReaderData(commenterId: number): Promise<{ comments: number }> {
    await this.requireCommenter(commenterId);
    const at = this.now().toISOString();
    const result = await this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('comments')
        .selectAll()
        .where('commenter_id', '=', commenterId)
        .orderBy('id')
        .execute();
      const articles = new Set<number>();
      for (const row of rows) {
        if (row.status === 'approved') articles.add(row.article_id);
        if (row.status !== 'deleted') await this.changeStatus(trx, row, 'deleted', 'erased_by_reader', null);
      }
      await trx
        .updateTable('comments')
        .set({ body: '', body_html: '', ip_hash: null, dedupe_key: null })
        .where('commenter_id', '=', commenterId)
        .execute();
      const liked = await trx
        .deleteFrom('comment_likes')
        .where('commenter_id', '=', commenterId)
        .returning('comment_id')
        .execute();
      // One statement per counter, however many likes and reports the reader left.
      const likedIds = liked.map((l) => l.comment_id);
      if (likedIds.length > 0) {
        await trx
          .updateTable('comments')
          .set({
            like_count: sql`(select count(*) from comment_likes where comment_likes.comment_id = comments.id)`,
          })
          .where('id', 'in', likedIds)
          .execute();
      }
      const reported = await trx
        .deleteFrom('comment_reports')
        .where('commenter_id', '=', commenterId)
        .returning('comment_id')
        .execute();
      const reportedIds = reported.map((r) => r.comment_id);
      if (reportedIds.length > 0) {
        await trx
          .updateTable('comments')
          .set({
            report_count: sql`(select count(*) from comment_reports where comment_reports.comment_id = comments.id)`,
          })
          .where('id', 'in', reportedIds)
          .execute();
      }
      await trx
        .updateTable('commenters')
        .set({ display_name: 'Deleted reader', email: null, email_verified_at: null, erased_at: at })
        .where('id', '=', commenterId)
        .execute();
      await q.insertLog(trx, { commentId: null, commenterId, staffId: null, action: 'erase', reason: null, at });
      return { articles, count: rows.length };
    });
    if (result.articles.size > 0) this.deps.purge([...result.articles].map((id) => `article:${id}`));
    return { comments: result.count };
  }

  // ---------------------------------------------------------------- internals

  private contextFor(input: {
    body: string;
    action: 'create' | 'edit';
    now: Date;
    article: { comments_mode: CommentsMode; first_published_at: string | null };
    commenter: q.CommenterRow;
    ipHash: string | null;
    ip?: string | null;
    settings: CommentSettings;
    honeypot?: string | undefined;
    renderedAt?: Date | undefined;
  }): ModerationContext {
    const db = this.db;
    const spamSince = new Date(input.now.getTime() - 30 * 86_400_000).toISOString();
    return {
      body: input.body,
      action: input.action,
      now: input.now,
      article: { commentsMode: input.article.comments_mode, firstPublishedAt: input.article.first_published_at },
      commenter: {
        id: input.commenter.id,
        kind: input.commenter.kind,
        displayName: input.commenter.display_name,
        email: input.commenter.email,
        status: input.commenter.status,
        suspendedUntil: input.commenter.suspended_until,
        alwaysPremoderate: input.commenter.always_premoderate === 1,
        approvedCount: input.commenter.approved_count,
      },
      ipHash: input.ipHash,
      ip: input.ip ?? null,
      honeypot: input.honeypot,
      renderedAt: input.renderedAt,
      settings: input.settings,
      lookups: {
        lastCommentAt: (by, since) => q.lastCommentAt(db, by, since.toISOString()),
        recentBodies: (commenterId, since) => q.recentBodies(db, commenterId, since.toISOString()),
        recentSpamBodies: () => q.recentSpamBodies(db, spamSince),
      },
      spamChecker: this.deps.spamChecker,
      log: this.deps.log,
    };
  }

  private announceVisible(row: q.CommentRow): void {
    this.deps.visible?.({
      articleId: row.article_id,
      id: row.id,
      parentId: row.parent_id,
      rootId: row.root_id ?? row.id,
    });
  }

  private async requireOwn(commentId: number, commenterId: number): Promise<q.CommentRow> {
    const row = await q.findComment(this.db, commentId);
    if (!row) throw notFound('comment');
    if (row.commenter_id !== commenterId) throw new AppError('forbidden', 'This is not your comment.');
    return row;
  }

  /**
   * Moves a comment to a status with the counts that depend on it (the article's approved
   * count, the parent's replies, the author's approvals), and logs the decision.
   */
  private async changeStatus(
    trx: Transaction<Database>,
    row: q.CommentRow,
    to: CommentStatus,
    reason: string | null,
    staffId: number | null,
  ): Promise<q.CommentRow> {
    const at = this.now().toISOString();
    const next = await trx
      .updateTable('comments')
      .set({
        status: to,
        decision_reason: reason,
        visible:
          to === 'approved' ? 1 : to === 'deleted' ? sql<number>`case when reply_count > 0 then 1 else 0 end` : 0,
        ...(to === 'approved' && !row.approved_at ? { approved_at: at } : {}),
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.moveCounts(trx, row, row.status, to);
    if (to === 'approved' && !row.approved_at) await this.deps.firstApproval?.(trx, next);
    await q.insertLog(trx, {
      commentId: row.id,
      commenterId: row.commenter_id,
      staffId,
      action: logAction[to],
      reason,
      at,
    });
    return next;
  }

  private async moveCounts(
    trx: Transaction<Database>,
    row: q.CommentRow,
    from: CommentStatus | null,
    to: CommentStatus,
  ): Promise<void> {
    const delta = (to === 'approved' ? 1 : 0) - (from === 'approved' ? 1 : 0);
    if (delta !== 0) {
      if (row.parent_id !== null) await q.moveReplyCount(trx, row.parent_id, delta);
      if (row.depth > 0 && row.root_id !== null) await q.moveBranchCount(trx, row.root_id, delta);
      await this.deps.articles.adjustCommentCount(trx, row.article_id, delta);
    }
    // Approvals earned lift new-commenter premoderation; a moderator taking one back counts against it.
    const approvals =
      to === 'approved' && from !== 'approved'
        ? 1
        : from === 'approved' && (to === 'rejected' || to === 'spam')
          ? -1
          : 0;
    if (approvals !== 0) await q.moveApprovedCount(trx, row.commenter_id, approvals);
  }
}

function clampLimit(value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw invalidParameter('limit', 'must be a whole number from 1');
  return Math.min(value, max);
}

/** Opaque to clients: base64url JSON of the scope and the last row's sort values. */
function encodeCursor(scope: string, values: (string | number)[]): string {
  return Buffer.from(JSON.stringify([scope, ...values])).toString('base64url');
}

function decodeCursor(cursor: string, scope: string, size: number): (string | number)[] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(parsed) &&
      parsed.length === size + 1 &&
      parsed[0] === scope &&
      parsed.slice(1).every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
    ) {
      return parsed.slice(1) as (string | number)[];
    }
  } catch {
    // fall through
  }
  throw invalidParameter('after', 'is not a cursor this list gave out');
}

function presentStored(row: q.CommentRow): StoredComment {
  return {
    id: row.id,
    articleId: row.article_id,
    commenterId: row.commenter_id,
    parentId: row.parent_id,
    inReplyToId: row.in_reply_to_id,
    rootId: row.root_id ?? row.id,
    depth: row.depth,
    body: row.body,
    bodyHtml: row.body_html,
    status: row.status,
    decisionReason: row.decision_reason,
    likeCount: row.like_count,
    replyCount: row.reply_count,
    reportCount: row.report_count,
    featured: row.featured === 1,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    approvedAt: row.approved_at,
  };
}

function presentThread(row: q.ThreadRow): ThreadComment {
  const deleted = row.status === 'deleted';
  return {
    id: row.id,
    parentId: row.parent_id,
    inReplyToId: row.in_reply_to_id,
    depth: row.depth,
    deleted,
    author: deleted ? null : { id: row.author_id, name: row.author_name, staff: row.author_kind === 'staff' },
    bodyHtml: deleted ? '' : row.body_html,
    likeCount: row.like_count,
    replyCount: row.reply_count,
    featured: row.featured === 1,
    createdAt: row.created_at,
    editedAt: row.edited_at,
  };
}

function presentCommenter(row: q.CommenterRow): CommenterProfile {
  return {
    id: row.id,
    kind: row.kind,
    displayName: row.display_name,
    email: row.email,
    emailVerifiedAt: row.email_verified_at,
    staffId: row.staff_id,
    status: row.status,
    suspendedUntil: row.suspended_until,
    alwaysPremoderate: row.always_premoderate === 1,
    approvedCount: row.approved_count,
    createdAt: row.created_at,
  };
}

function presentLog(row: {
  id: number;
  comment_id: number | null;
  commenter_id: number | null;
  actor_staff_id: number | null;
  action: string;
  reason: string | null;
  created_at: string;
}): ModerationLogEntry {
  return {
    id: row.id,
    commentId: row.comment_id,
    commenterId: row.commenter_id,
    staffId: row.actor_staff_id,
    action: row.action,
    reason: row.reason,
    createdAt: row.created_at,
  };
}
