import { createHash } from 'node:crypto';
import { type Insertable, type Kysely, sql } from 'kysely';
import { renderCommentBody } from '../src/comments/comments.markdown.js';
import type {
  CommentersTable,
  CommentLikesTable,
  CommentsTable,
  ModerationLogTable,
} from '../src/comments/comments.table.js';
import type { Database } from '../src/db/schema.js';

/**
 * Writes a realistic comment thread in bulk for the comments benchmark: top-level comments
 * with reply branches (the oldest ones gather the most replies, as on a real story), likes
 * from other commenters, texts from one line to several paragraphs, and the kept counts
 * (replies, likes, the article's count, each commenter's approvals) exactly as the comments
 * service would have left them. Going through the service would take minutes per thread;
 * the counts are checked afterwards by `checkKeptCounts`.
 */

/** A small seeded generator, so every run builds the same thread. */
export function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const openers = [
  'Agreed.',
  'This is the third time this year.',
  'Has anyone asked the council why?',
  'Good reporting, thank you.',
  'I live on the east quay and nobody told us anything.',
  'The ferry was late again this morning.',
  'Not sure the figures add up.',
  'My daughter goes to that school.',
  'Finally some sense.',
  'Who is paying for this?',
];
const sentences = [
  'The harbour bridge has needed work for a decade and every budget puts it off again.',
  'If the inspectors found corroded cables last spring, why is this only news now?',
  'Traffic on the north shore road is already at a standstill by eight in the morning.',
  'The consultation closed before most of us even heard about it.',
  'I remember when the market hall was full every Saturday; it could be again.',
  'Small businesses in Saltgate will feel this first, long before the council does.',
  'The article says the plan was approved unanimously, but two members were absent.',
  'We were promised a new tram line in 2019 and we are still waiting for the first rail.',
  'Please keep following this story; the local paper is the only one asking questions.',
  'Fares have gone up twice while the timetable got thinner.',
  'There is a public meeting on Thursday at the library for anyone who wants to be heard.',
  'The wind farm brought jobs to Brackwater, whatever people say about the view.',
  'Reading the report itself is worth it: page 14 tells a different story from the summary.',
  'Anyone who has tried to park near the clinic knows this was coming.',
  'I doubt the by-election will change much, but at least people are talking.',
];
const quotes = [
  'the works will be completed within budget',
  'no decision has been taken yet',
  'residents were fully consulted',
  'safety is our first priority',
];

/** A comment as readers write them: mostly a line or three, sometimes paragraphs with a quote, bold or a link. */
export function commentText(random: () => number, n: number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const roll = random();
  if (roll < 0.35) return `${pick(openers)} ${n % 7 === 0 ? pick(sentences) : ''}`.trim();
  const paragraphs = roll < 0.8 ? 1 : roll < 0.95 ? 2 + Math.floor(random() * 2) : 4;
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const count = 1 + Math.floor(random() * 4);
    const words = Array.from({ length: count }, () => pick(sentences));
    if (p === 0 && random() < 0.3) words.unshift(pick(openers));
    out.push(words.join(' '));
  }
  if (paragraphs > 1 && random() < 0.5) out.splice(1, 0, `> ${pick(quotes)}`);
  if (random() < 0.1) out.push(`**${pick(openers)}** More at https://example.org/report-${n % 50}`);
  if (random() < 0.1) out.push(`I *really* think ${pick(sentences).toLowerCase()}`);
  return out.join('\n\n');
}

/** What the spam queue holds: nothing like what readers write, so readers' comments are not taken for it. */
export function spamText(n: number): string {
  return `Earn ${100 + (n % 900)} dollars a day from home!!! Cheap loans, no credit check, visit http://offers.example/${n} now`;
}

export interface ThreadShape {
  articleId: number;
  /** Approved comments to write. */
  approved: number;
  /** Extra comments that are not listed (pending, rejected, spam), as a real thread has. */
  hidden: number;
  /** Share of approved comments that are top-level. */
  topLevelShare: number;
  /** The thread runs from here to `until`. */
  from: Date;
  until: Date;
  seed: number;
}

export interface WrittenThread {
  articleId: number;
  topLevel: number;
  replies: number;
  likes: number;
  largestBranch: number;
  /** The top-level comment with the most replies. */
  largestBranchRoot: number | null;
  deepest: number;
  hidden: number;
  /** Approved comment ids, for replies posted during the benchmark. */
  approvedIds: number[];
}

interface Draft {
  id: number;
  parentId: number | null;
  inReplyToId: number | null;
  rootId: number;
  depth: number;
  commenterId: number;
  status: 'approved' | 'pending' | 'rejected' | 'spam';
  reason: string;
  body: string;
  createdAt: string;
  likes: number;
  replyCount: number;
}

const reasons: Record<Draft['status'], string> = {
  approved: 'passed',
  pending: 'suspect_word: idiot',
  rejected: 'banned_word: turnip',
  spam: 'honeypot',
};

const chunk = <T>(rows: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
};

async function nextId(db: Kysely<Database>, table: 'comments' | 'commenters'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max<number | null>('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0) + 1;
}

/** Guest commenters with distinct addresses; returns their ids. */
export async function writeCommenters(db: Kysely<Database>, count: number, at: string): Promise<number[]> {
  const first = await nextId(db, 'commenters');
  const rows: Insertable<CommentersTable>[] = Array.from({ length: count }, (_, i) => ({
    id: first + i,
    kind: 'guest',
    display_name: `Reader ${first + i}`,
    email: `reader.${first + i}@example.org`,
    email_verified_at: null,
    staff_id: null,
    suspended_until: null,
    created_at: at,
    erased_at: null,
  }));
  await db.transaction().execute(async (trx) => {
    for (const part of chunk(rows, 500)) await trx.insertInto('commenters').values(part).execute();
  });
  return rows.map((r) => r.id as number);
}

/**
 * Writes one article's thread. Replies pick their branch by preferential attachment (a
 * branch with many replies draws more), so the oldest top-level comments, on the first
 * page, carry the largest branches: the hard case for the first page.
 */
export async function writeThread(
  db: Kysely<Database>,
  shape: ThreadShape,
  commenters: number[],
  approvedSoFar: Map<number, number>,
): Promise<WrittenThread> {
  const random = randomFrom(shape.seed);
  const firstId = await nextId(db, 'comments');
  const total = shape.approved + shape.hidden;
  const span = shape.until.getTime() - shape.from.getTime();
  const drafts: Draft[] = [];
  const roots: Draft[] = [];
  const rootIndex = new Map<number, number>();
  const branch = new Map<number, Draft[]>();
  // Tickets for preferential attachment: a root appears once, plus once per reply it received.
  const tickets: number[] = [];
  const hiddenAt = new Set<number>();
  while (hiddenAt.size < shape.hidden) hiddenAt.add(Math.floor(random() * total));

  for (let i = 0; i < total; i++) {
    const id = firstId + i;
    // Evenly spread with jitter, in order: every comment comes after the one it answers.
    const createdAt = new Date(shape.from.getTime() + ((i + random() * 0.5) / total) * span).toISOString();
    const commenterId = commenters[Math.floor(random() ** 2 * commenters.length)] as number;
    const hidden = hiddenAt.has(i);
    const status: Draft['status'] = hidden
      ? ((['pending', 'rejected', 'spam'] as const)[i % 3] ?? 'pending')
      : 'approved';
    const reason = reasons[status];
    const draft: Draft = {
      id,
      parentId: null,
      inReplyToId: null,
      rootId: id,
      depth: 0,
      commenterId,
      status,
      reason,
      body: status === 'spam' ? spamText(i) : commentText(random, i),
      createdAt,
      likes: 0,
      replyCount: 0,
    };
    const topLevel = roots.length === 0 || random() < shape.topLevelShare;
    if (!topLevel) {
      const root = roots[tickets[Math.floor(random() * tickets.length)] as number] as Draft;
      const members = branch.get(root.id) ?? [];
      // Half answer the top comment, half someone in its branch; deeper than 3 is listed in its depth-3 ancestor's branch.
      const answered =
        members.length === 0 || random() < 0.5 ? root : (members[Math.floor(random() * members.length)] as Draft);
      if (answered.depth >= 3) {
        draft.parentId = answered.parentId;
        draft.inReplyToId = answered.id;
        draft.depth = 3;
      } else {
        draft.parentId = answered.id;
        draft.depth = answered.depth + 1;
      }
      draft.rootId = root.id;
      if (status === 'approved') {
        members.push(draft);
        branch.set(root.id, members);
        tickets.push(rootIndex.get(root.id) as number);
        const parent = drafts[(draft.parentId as number) - firstId] as Draft;
        parent.replyCount++;
      }
    } else if (status === 'approved') {
      rootIndex.set(draft.id, roots.length);
      roots.push(draft);
      tickets.push(roots.length - 1);
    }
    if (status === 'approved') {
      // Most comments get a like or two, a few get hundreds.
      const u = random();
      draft.likes = Math.min(commenters.length - 1, Math.floor(u ** 8 * 40 + (u > 0.995 ? random() * 600 : 0)));
      approvedSoFar.set(commenterId, (approvedSoFar.get(commenterId) ?? 0) + 1);
    }
    drafts.push(draft);
  }

  const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);
  const commentRows: Insertable<CommentsTable>[] = drafts.map((d) => ({
    id: d.id,
    article_id: shape.articleId,
    commenter_id: d.commenterId,
    parent_id: d.parentId,
    in_reply_to_id: d.inReplyToId,
    root_id: d.rootId,
    depth: d.depth,
    body: d.body,
    body_html: renderCommentBody(d.body),
    status: d.status,
    decision_reason: d.reason,
    visible: d.status === 'approved' ? 1 : 0,
    like_count: d.likes,
    reply_count: d.replyCount,
    branch_count: d.depth === 0 ? (branch.get(d.id)?.length ?? 0) : 0,
    ip_hash: hash(`ip ${d.commenterId}`),
    dedupe_key: null,
    created_at: d.createdAt,
    edited_at: null,
    approved_at: d.status === 'approved' ? d.createdAt : null,
  }));
  const likeRows: Insertable<CommentLikesTable>[] = [];
  for (const d of drafts) {
    const start = Math.floor(random() * commenters.length);
    for (let j = 0, added = 0; added < d.likes; j++) {
      const who = commenters[(start + j) % commenters.length] as number;
      if (who === d.commenterId) continue;
      likeRows.push({ comment_id: d.id, commenter_id: who, created_at: d.createdAt });
      added++;
    }
  }
  const logRows: Insertable<ModerationLogTable>[] = drafts.map((d) => ({
    comment_id: d.id,
    commenter_id: d.commenterId,
    actor_staff_id: null,
    action: { approved: 'approve', pending: 'pending', rejected: 'reject', spam: 'spam' }[d.status],
    reason: d.reason,
    created_at: d.createdAt,
  }));

  await db.transaction().execute(async (trx) => {
    for (const part of chunk(commentRows, 400)) await trx.insertInto('comments').values(part).execute();
    for (const part of chunk(likeRows, 2000)) await trx.insertInto('comment_likes').values(part).execute();
    for (const part of chunk(logRows, 1000)) await trx.insertInto('moderation_log').values(part).execute();
    await trx
      .updateTable('articles')
      .set({ comment_count: sql`comment_count + ${shape.approved}` })
      .where('id', '=', shape.articleId)
      .execute();
  });

  const sizes = roots.map((r) => branch.get(r.id)?.length ?? 0);
  const largest = Math.max(0, ...sizes);
  return {
    articleId: shape.articleId,
    topLevel: roots.length,
    replies: shape.approved - roots.length,
    likes: likeRows.length,
    largestBranch: largest,
    largestBranchRoot: largest > 0 ? (roots[sizes.indexOf(largest)]?.id ?? null) : null,
    deepest: Math.max(0, ...drafts.map((d) => d.depth)),
    hidden: shape.hidden,
    approvedIds: drafts.filter((d) => d.status === 'approved').map((d) => d.id),
  };
}

/**
 * A twin of a page of comments: the same comments (text, authors, likes, shape) on another
 * article, and nothing else. Its whole thread is what the page showed, so the page costs
 * the same to render; what differs is only how many comments lie beyond it.
 */
export async function copyComments(
  db: Kysely<Database>,
  ids: number[],
  toArticleId: number,
  approvedSoFar: Map<number, number>,
): Promise<number> {
  const rows = await db.selectFrom('comments').selectAll().where('id', 'in', ids).orderBy('id').execute();
  const likes = await db.selectFrom('comment_likes').selectAll().where('comment_id', 'in', ids).execute();
  const first = await nextId(db, 'comments');
  const newId = new Map(rows.map((r, i) => [r.id, first + i]));
  const mapped = (id: number | null) => (id === null ? null : (newId.get(id) ?? null));
  const replies = new Map<number, number>();
  const branches = new Map<number, number>();
  for (const r of rows) {
    if (r.parent_id !== null && r.status === 'approved') replies.set(r.parent_id, (replies.get(r.parent_id) ?? 0) + 1);
    if (r.depth > 0 && r.root_id !== null && r.status === 'approved') {
      branches.set(r.root_id, (branches.get(r.root_id) ?? 0) + 1);
    }
  }
  const copies: Insertable<CommentsTable>[] = rows.map(({ id, ...r }) => ({
    ...r,
    id: newId.get(id) as number,
    article_id: toArticleId,
    parent_id: mapped(r.parent_id),
    in_reply_to_id: mapped(r.in_reply_to_id),
    root_id: mapped(r.root_id),
    reply_count: replies.get(id) ?? 0,
    branch_count: r.depth === 0 ? (branches.get(id) ?? 0) : 0,
  }));
  const approved = rows.filter((r) => r.status === 'approved');
  for (const r of approved) approvedSoFar.set(r.commenter_id, (approvedSoFar.get(r.commenter_id) ?? 0) + 1);
  await db.transaction().execute(async (trx) => {
    for (const part of chunk(copies, 400)) await trx.insertInto('comments').values(part).execute();
    const likeCopies = likes.map((l) => ({ ...l, comment_id: newId.get(l.comment_id) as number }));
    for (const part of chunk(likeCopies, 2000)) await trx.insertInto('comment_likes').values(part).execute();
    await trx
      .updateTable('articles')
      .set({ comment_count: sql`comment_count + ${approved.length}` })
      .where('id', '=', toArticleId)
      .execute();
  });
  return rows.length;
}

/** Each commenter's approvals, and on PostgreSQL the id sequences past the ids written here. */
export async function finishBulkWrite(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  approvedByCommenter: Map<number, number>,
): Promise<void> {
  const byCount = new Map<number, number[]>();
  for (const [id, n] of approvedByCommenter) byCount.set(n, [...(byCount.get(n) ?? []), id]);
  await db.transaction().execute(async (trx) => {
    for (const [n, ids] of byCount) {
      for (const part of chunk(ids, 1000)) {
        await trx.updateTable('commenters').set({ approved_count: n }).where('id', 'in', part).execute();
      }
    }
  });
  if (dialect === 'postgres') {
    for (const table of ['comments', 'commenters', 'moderation_log']) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(
        db,
      );
    }
    // What autovacuum would do after a load this size; without it the planner guesses row counts.
    await sql`analyze`.execute(db);
  }
}

/** Every kept count against a recount: replies, branches, likes, the article's approved count, approvals. */
export async function checkKeptCounts(db: Kysely<Database>, articleIds: number[]): Promise<string[]> {
  const problems: string[] = [];
  for (const articleId of articleIds) {
    const { rows } = await sql<{ kept: number; counted: number }>`
      select a.comment_count as kept,
        (select count(*) from comments c where c.article_id = a.id and c.status = 'approved') as counted
      from articles a where a.id = ${articleId}`.execute(db);
    const row = rows[0];
    if (!row || Number(row.kept) !== Number(row.counted)) {
      problems.push(`article ${articleId}: kept ${row?.kept}, counted ${row?.counted}`);
    }
  }
  const replies = await sql<{ n: number }>`
    select count(*) as n from comments p
    where p.reply_count <> (select count(*) from comments c where c.parent_id = p.id and c.status = 'approved')`.execute(
    db,
  );
  if (Number(replies.rows[0]?.n) > 0) problems.push(`${replies.rows[0]?.n} comments with a wrong reply count`);
  const likes = await sql<{ n: number }>`
    select count(*) as n from comments p
    where p.like_count <> (select count(*) from comment_likes l where l.comment_id = p.id)`.execute(db);
  if (Number(likes.rows[0]?.n) > 0) problems.push(`${likes.rows[0]?.n} comments with a wrong like count`);
  const branches = await sql<{ n: number }>`
    select count(*) as n from comments p
    where p.depth = 0 and p.branch_count <> (
      select count(*) from comments c where c.root_id = p.id and c.depth > 0 and c.status = 'approved')`.execute(db);
  if (Number(branches.rows[0]?.n) > 0) problems.push(`${branches.rows[0]?.n} comments with a wrong branch count`);
  const approvals = await sql<{ n: number }>`
    select count(*) as n from commenters m
    where m.approved_count <> (select count(*) from comments c where c.commenter_id = m.id and c.status = 'approved')`.execute(
    db,
  );
  if (Number(approvals.rows[0]?.n) > 0) problems.push(`${approvals.rows[0]?.n} commenters with a wrong approval count`);
  return problems;
}
