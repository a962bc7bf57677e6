import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { invalidParameter } from '../errors.js';
import type { CommenterKind, CommentStatus } from './comments.table.js';

/**
 * The site-wide moderation log, as the newsroom reads it: every decision, newest first,
 * narrowed to one action or to who decided, with enough of the comment and its author to
 * see what was decided about without opening each one.
 */

/** Every action the comments service writes to the log. */
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

/** "system": the pipeline and readers' own actions (no staff member); "people": any staff member; or one staff id. */
export type LogActor = 'system' | 'people' | number;

export interface LogQuery {
  action?: ModerationLogAction;
  actor?: LogActor;
  after?: string;
  limit: number;
}

export interface LogRow {
  id: number;
  commentId: number | null;
  commenterId: number | null;
  staffId: number | null;
  action: string;
  reason: string | null;
  createdAt: string;
  /** Null when the entry is about a commenter (a ban) or the comment is gone. */
  comment: { id: number; articleId: number; status: CommentStatus; excerpt: string } | null;
  commenter: { id: number; name: string; kind: CommenterKind } | null;
}

/** Enough text to recognise a comment in a list; the newsroom shows it as text, never as HTML. */
const excerptLength = 160;

export function excerptOf(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text.length <= excerptLength) return text;
  const cut = text.slice(0, excerptLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > excerptLength * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The cursor is the last entry's id: the log only grows, so "older than this one" is stable. */
const encodeCursor = (id: number) => Buffer.from(String(id)).toString('base64url');

function decodeCursor(cursor: string): number {
  const id = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isSafeInteger(id) || id < 1) throw invalidParameter('after', 'is not a cursor this list gave out');
  return id;
}

/** "system", "people" or a staff id, as the query string gives it. */
export function parseActor(raw: string | undefined): LogActor | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'system' || raw === 'people') return raw;
  if (/^[1-9]\d{0,9}$/.test(raw)) return Number(raw);
  throw invalidParameter('actor', 'must be "system", "people" or a staff member\'s id');
}

export async function listModerationLog(
  db: Kysely<Database>,
  query: LogQuery,
): Promise<{ items: LogRow[]; next: string | null }> {
  let select = db
    .selectFrom('moderation_log as log')
    .leftJoin('comments', 'comments.id', 'log.comment_id')
    .leftJoin('commenters', 'commenters.id', 'log.commenter_id')
    .select([
      'log.id',
      'log.comment_id',
      'log.commenter_id',
      'log.actor_staff_id',
      'log.action',
      'log.reason',
      'log.created_at',
      'comments.article_id',
      'comments.status as comment_status',
      // A little more than the excerpt: long comments never leave the database whole.
      sql<string | null>`substr(comments.body, 1, ${excerptLength * 2})`.as('body_start'),
      'commenters.display_name',
      'commenters.kind',
    ]);
  if (query.after) select = select.where('log.id', '<', decodeCursor(query.after));
  if (query.action) select = select.where('log.action', '=', query.action);
  if (query.actor === 'system') select = select.where('log.actor_staff_id', 'is', null);
  else if (query.actor === 'people') select = select.where('log.actor_staff_id', 'is not', null);
  else if (typeof query.actor === 'number') select = select.where('log.actor_staff_id', '=', query.actor);
  const rows = await select
    .orderBy('log.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      commentId: r.comment_id,
      commenterId: r.commenter_id,
      staffId: r.actor_staff_id,
      action: r.action,
      reason: r.reason,
      createdAt: r.created_at,
      comment:
        r.comment_id !== null && r.article_id !== null && r.comment_status !== null
          ? {
              id: r.comment_id,
              articleId: r.article_id,
              status: r.comment_status,
              excerpt: excerptOf(r.body_start ?? ''),
            }
          : null,
      commenter:
        r.commenter_id !== null && r.display_name !== null && r.kind !== null
          ? { id: r.commenter_id, name: r.display_name, kind: r.kind }
          : null,
    })),
    next: rows.length > query.limit && last ? encodeCursor(last.id) : null,
  };
}
