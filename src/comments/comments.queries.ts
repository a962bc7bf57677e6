import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { CommentersTable, CommentsTable } from './comments.table.js';

type Q = Kysely<Database> | Transaction<Database>;

export type CommentRow = Selectable<CommentsTable>;
export type CommenterRow = Selectable<CommentersTable>;

export function findComment(db: Q, id: number) {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCommenter(db: Q, id: number) {
  return db.selectFrom('commenters').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A resubmission: the same form (client key) or the same text within the window, by key prefix. */
export function findDuplicate(db: Q, key: { exact: string } | { prefix: string; since: string }) {
  let query = db.selectFrom('comments').selectAll();
  if ('exact' in key) query = query.where('dedupe_key', '=', key.exact);
  else {
    // A range on the unique index: every key that starts with "<hash>:" sorts before "<hash>;".
    query = query
      .where('dedupe_key', '>=', `${key.prefix}:`)
      .where('dedupe_key', '<', `${key.prefix};`)
      .where('created_at', '>=', key.since);
  }
  return query.orderBy('id').limit(1).executeTakeFirst();
}

/** Rejected comments do not count against the rate limit: a reader who fixes one may send it at once. */
export async function lastCommentAt(
  db: Q,
  by: { commenterId: number } | { ipHash: string },
  since: string,
): Promise<string | null> {
  let query = db.selectFrom('comments').select('created_at').where('created_at', '>=', since);
  query =
    'commenterId' in by ? query.where('commenter_id', '=', by.commenterId) : query.where('ip_hash', '=', by.ipHash);
  const row = await query.where('status', '!=', 'rejected').orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  return row?.created_at ?? null;
}

export async function recentBodies(db: Q, commenterId: number, since: string, limit = 50): Promise<string[]> {
  const rows = await db
    .selectFrom('comments')
    .select('body')
    .where('commenter_id', '=', commenterId)
    .where('created_at', '>=', since)
    .where('status', '!=', 'rejected')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.body);
}

export async function recentSpamBodies(db: Q, since: string, limit = 200): Promise<string[]> {
  const rows = await db
    .selectFrom('comments')
    .select('body')
    .where('status', '=', 'spam')
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.body);
}

/**
 * A parent's count of approved replies moves, and with it whether a deleted parent still
 * shows as a placeholder. SET expressions read the row as it was, on both databases.
 */
export async function moveReplyCount(trx: Q, parentId: number, delta: number): Promise<void> {
  await trx
    .updateTable('comments')
    .set({
      reply_count: sql`reply_count + ${delta}`,
      visible: sql`case when status = 'approved' or (status = 'deleted' and reply_count + ${delta} > 0) then 1 else 0 end`,
    })
    .where('id', '=', parentId)
    .execute();
}

/** A top-level comment's count of approved replies in its branch moves with each reply's status. */
export async function moveBranchCount(trx: Q, rootId: number, delta: number): Promise<void> {
  await trx
    .updateTable('comments')
    .set({ branch_count: sql`branch_count + ${delta}` })
    .where('id', '=', rootId)
    .execute();
}

export async function moveApprovedCount(trx: Q, commenterId: number, delta: number): Promise<void> {
  await trx
    .updateTable('commenters')
    .set({ approved_count: sql`approved_count + ${delta}` })
    .where('id', '=', commenterId)
    .execute();
}

export async function insertLog(
  trx: Q,
  entry: {
    commentId: number | null;
    commenterId: number | null;
    staffId: number | null;
    action: string;
    reason: string | null;
    at: string;
  },
): Promise<void> {
  await trx
    .insertInto('moderation_log')
    .values({
      comment_id: entry.commentId,
      commenter_id: entry.commenterId,
      actor_staff_id: entry.staffId,
      action: entry.action,
      reason: entry.reason,
      created_at: entry.at,
    })
    .execute();
}

/** The columns a thread shows, with the author's public name; never the email or the address hash. */
export function threadSelect(db: Q) {
  return db
    .selectFrom('comments')
    .innerJoin('commenters', 'commenters.id', 'comments.commenter_id')
    .select([
      'comments.id',
      'comments.article_id',
      'comments.parent_id',
      'comments.in_reply_to_id',
      'comments.root_id',
      'comments.depth',
      'comments.status',
      'comments.body_html',
      'comments.like_count',
      'comments.reply_count',
      'comments.branch_count',
      'comments.featured',
      'comments.created_at',
      'comments.edited_at',
      'commenters.id as author_id',
      'commenters.display_name as author_name',
      'commenters.kind as author_kind',
    ]);
}

export type ThreadRow = Awaited<ReturnType<ReturnType<typeof threadSelect>['execute']>>[number];
