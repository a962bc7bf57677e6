import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Transaction } from 'kysely';
import { articlePath } from '../articles/articles.paths.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { JobQueue } from '../jobs/jobs.service.js';
import type { MailMessage } from '../mail/mail.service.js';
import { scopeOf } from '../newsroom/newsroom.policy.js';
import type { StaffRole, StaffStatus } from '../newsroom/newsroom.table.js';
import * as q from './comments.queries.js';
import type { CommentSettingsStore } from './comments.settings.js';

export const replyMailJob = 'comments.reply_mail';
export const digestJob = 'comments.digest';
/** The digest is one chain of jobs under this key, however many instances start it. */
const digestKey = 'comments.digest';
/** With nothing new to tell (or the digest off), look again this soon. */
const recheckMs = 60 * 60 * 1000;
/** Items listed in one digest; the count says how many more wait. */
export const digestItems = 20;

export interface NotifyDeps {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  mail: { send(message: MailMessage, opts?: { trx?: Transaction<Database> }): Promise<number> };
  settings: CommentSettingsStore;
  articles: {
    findRecord(
      id: number,
    ): Promise<
      | { status: string; headline: string; slug: string; section_id: number; first_published_at: string | null }
      | undefined
    >;
  };
  sectionSlug: (sectionId: number) => string | undefined;
  timeZone: () => string;
  /** Staff accounts; those active with comments.moderate get the digest. */
  staff: () => Promise<{ name: string; email: string; role: StaffRole; status: StaffStatus }[]>;
  publicUrl: string;
  siteName: () => string;
}

/**
 * Comment mail: "someone replied to you" (opt-in per comment, one-click unsubscribe) and the
 * moderators' digest of held comments. Both go through the mail service (outbox, retried
 * delivery) from durable jobs, so a crash between a decision and its mail loses nothing.
 */
export class CommentNotifier {
  constructor(private readonly deps: NotifyDeps) {}

  private get db() {
    return this.deps.db.kysely;
  }

  registerJobs(): void {
    this.deps.jobs.register<{ commentId: number }>(replyMailJob, ({ commentId }) => this.sendReplyMail(commentId));
    this.deps.jobs.register(digestJob, async () => {
      await this.runDigest();
    });
  }

  // ---------------------------------------------------------------- replies

  /**
   * Called in the transaction that first approves a comment: when it answers a comment whose
   * author asked for reply mails, the mail job is queued in that same transaction.
   */
  async replyApproved(trx: Transaction<Database>, reply: q.CommentRow): Promise<void> {
    const answered = reply.in_reply_to_id ?? reply.parent_id;
    if (answered === null) return;
    const parent = await q.findComment(trx, answered);
    if (parent?.notify_replies !== 1 || parent.commenter_id === reply.commenter_id) return;
    await this.deps.jobs.enqueue(replyMailJob, { commentId: reply.id }, { trx, dedupeKey: `reply-mail:${reply.id}` });
  }

  /** The job: mails the author of the comment answered, once, if they still want it. */
  async sendReplyMail(replyId: number): Promise<void> {
    const reply = await q.findComment(this.db, replyId);
    if (reply?.status !== 'approved' || reply.parent_notified_at !== null) return;
    const parent = await q.findComment(this.db, reply.in_reply_to_id ?? reply.parent_id ?? 0);
    if (parent?.notify_replies !== 1 || parent.status === 'deleted') return;
    if (parent.commenter_id === reply.commenter_id) return;
    const author = await q.findCommenter(this.db, parent.commenter_id);
    if (!author || !mayMailAbout(author, parent)) return;
    const replier = await q.findCommenter(this.db, reply.commenter_id);
    const article = await this.articleLink(reply.article_id);
    if (!article) return;
    const unsubscribe = await this.unsubscribeUrl(author.id);
    const site = this.deps.siteName();
    const who = replier?.erased_at ? 'A reader' : (replier?.display_name ?? 'A reader');
    await this.db.transaction().execute(async (trx) => {
      // Claimed with the mail in one transaction: a job run twice mails once.
      const claimed = await trx
        .updateTable('comments')
        .set({ parent_notified_at: this.deps.clock.now().toISOString() })
        .where('id', '=', reply.id)
        .where('parent_notified_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return;
      await this.deps.mail.send(
        {
          kind: 'comments.reply',
          to: author.email as string,
          subject: `${who} replied to your comment on “${article.headline}”`,
          text: [
            `Hello ${author.display_name},`,
            '',
            `${who} replied to your comment on “${article.headline}”:`,
            '',
            reply.body,
            '',
            `Read it and the conversation: ${article.url}#comment-${reply.id}`,
            '',
            '--',
            `You get this because you asked ${site} to email you when someone replies to your comments.`,
            `Stop these emails: ${unsubscribe}`,
          ].join('\n'),
          headers: {
            'List-Unsubscribe': `<${unsubscribe}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        },
        { trx },
      );
    });
  }

  private async articleLink(articleId: number): Promise<{ headline: string; url: string } | undefined> {
    const record = await this.deps.articles.findRecord(articleId);
    const section = record ? this.deps.sectionSlug(record.section_id) : undefined;
    if (record?.status !== 'published' || !section) return undefined;
    const path = articlePath(section, record.first_published_at, record.slug, this.deps.timeZone());
    return { headline: record.headline, url: `${this.deps.publicUrl}${path}` };
  }

  // ---------------------------------------------------------------- unsubscribing

  /** A link that needs no sign-in: the commenter's id and an HMAC only this site can make. */
  async unsubscribeUrl(commenterId: number): Promise<string> {
    return `${this.deps.publicUrl}/readers/unsubscribe/${commenterId}.${await this.mac(commenterId)}`;
  }

  /** The commenter a link names, or a 400 for a link we did not make. */
  async checkUnsubscribe(token: string): Promise<{ commenterId: number; name: string }> {
    const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
    const forged = () =>
      new AppError(
        'bad_request',
        'This unsubscribe link is damaged or is not one we sent. Copy the whole link from the email.',
      );
    if (!match) throw forged();
    const commenterId = Number(match[1]);
    const expected = Buffer.from(await this.mac(commenterId));
    const given = Buffer.from(match[2] as string);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw forged();
    const commenter = await q.findCommenter(this.db, commenterId);
    if (!commenter) throw forged();
    return { commenterId, name: commenter.erased_at ? 'reader' : commenter.display_name };
  }

  /** No more reply mails for this commenter, about any of their comments; saying it twice is fine. */
  async unsubscribe(token: string): Promise<void> {
    const { commenterId } = await this.checkUnsubscribe(token);
    await this.db
      .updateTable('commenters')
      .set({ reply_mails_off_at: this.deps.clock.now().toISOString() })
      .where('id', '=', commenterId)
      .where('reply_mails_off_at', 'is', null)
      .execute();
  }

  private async mac(commenterId: number): Promise<string> {
    const key = createHmac('sha256', await this.deps.settings.ipSalt())
      .update('reply-mail-unsubscribe')
      .digest();
    return createHmac('sha256', key).update(String(commenterId)).digest('base64url');
  }

  // ---------------------------------------------------------------- the moderators' digest

  /** Starts (or restarts) the digest's chain of jobs; the job itself keeps to the interval. */
  async scheduleDigest(): Promise<void> {
    await this.deps.jobs.enqueue(digestJob, {}, { dedupeKey: digestKey });
  }

  /**
   * The job: when the interval since the last digest has passed and comments were held since
   * then, mails every active staff member who may moderate a digest, and plans the next run.
   */
  async runDigest(): Promise<{ sent: number }> {
    const now = this.deps.clock.now();
    const { digestHours } = await this.deps.settings.get();
    const next = (at: Date, trx?: Transaction<Database>) =>
      this.deps.jobs.enqueue(digestJob, {}, { runAt: at, dedupeKey: digestKey, ...(trx ? { trx } : {}) });
    if (digestHours === 0) {
      await next(new Date(now.getTime() + recheckMs));
      return { sent: 0 };
    }
    const intervalMs = digestHours * 3_600_000;
    const state = await this.db
      .selectFrom('comment_settings')
      .select('digest_sent_at')
      .where('id', '=', 1)
      .executeTakeFirst();
    const last = state?.digest_sent_at ?? null;
    if (last && now.getTime() - Date.parse(last) < intervalMs) {
      await next(new Date(Date.parse(last) + intervalMs));
      return { sent: 0 };
    }
    let held = this.db.selectFrom('comments').selectAll().where('status', '=', 'pending');
    if (last) held = held.where('created_at', '>', last);
    const fresh = await held
      .orderBy('created_at')
      .orderBy('id')
      .limit(digestItems + 1)
      .execute();
    if (fresh.length === 0) {
      await next(new Date(now.getTime() + Math.min(recheckMs, intervalMs)));
      return { sent: 0 };
    }
    const waiting = await this.db
      .selectFrom('comments')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    const moderators = (await this.deps.staff()).filter(
      (s) => s.status === 'active' && scopeOf(s.role, 'comments.moderate') !== null,
    );
    const message = await this.digestText(fresh.slice(0, digestItems), {
      total: Number(waiting.n),
      oldest: String(waiting.oldest ?? now.toISOString()),
      now,
      more: fresh.length > digestItems,
    });
    const sent = await this.db.transaction().execute(async (trx) => {
      // Another run that got here first has already sent this digest.
      let claim = trx.updateTable('comment_settings').set({ digest_sent_at: now.toISOString() }).where('id', '=', 1);
      claim = last ? claim.where('digest_sent_at', '=', last) : claim.where('digest_sent_at', 'is', null);
      if (Number((await claim.executeTakeFirst()).numUpdatedRows) !== 1) return 0;
      for (const moderator of moderators) {
        await this.deps.mail.send(
          { kind: 'comments.digest', to: moderator.email, ...message(moderator.name) },
          { trx },
        );
      }
      await next(new Date(now.getTime() + intervalMs), trx);
      return moderators.length;
    });
    return { sent };
  }

  private async digestText(
    items: q.CommentRow[],
    facts: { total: number; oldest: string; now: Date; more: boolean },
  ): Promise<(name: string) => { subject: string; text: string }> {
    const headlines = new Map<number, string>();
    for (const id of new Set(items.map((c) => c.article_id))) {
      headlines.set(id, (await this.deps.articles.findRecord(id))?.headline ?? 'A story no longer published');
    }
    const queue = `${this.deps.publicUrl}/newsroom/comments`;
    const site = this.deps.siteName();
    const lines = items.map((c) => {
      const excerpt = c.body.replace(/\s+/g, ' ').trim();
      return [
        `- On “${headlines.get(c.article_id)}”, ${waitedFor(facts.now.getTime() - Date.parse(c.created_at))} ago`,
        `  Held because: ${c.decision_reason ?? 'premoderation'}`,
        `  “${excerpt.length > 200 ? `${excerpt.slice(0, 200)}…` : excerpt}”`,
      ].join('\n');
    });
    const count = `${facts.total} comment${facts.total === 1 ? ' is' : 's are'} waiting for a moderator`;
    return (name) => ({
      subject: `${site}: ${count}`,
      text: [
        `Hello ${name},`,
        '',
        `${count}; the oldest has waited ${waitedFor(facts.now.getTime() - Date.parse(facts.oldest))}.`,
        '',
        `Held since the last digest${facts.more ? ` (the first ${digestItems})` : ''}:`,
        '',
        ...lines,
        '',
        `Open the moderation queue: ${queue}`,
      ].join('\n'),
    });
  }
}

/**
 * May the author of `parent` be mailed about a reply? Not once erased or banned, not
 * without an address (a reader's must be verified), and not after they unsubscribed. A
 * verified reader who ticks the box on a comment written after unsubscribing has asked again;
 * a guest's unsubscribe stands, since anyone can type a guest's address into the form.
 */
function mayMailAbout(author: q.CommenterRow, parent: q.CommentRow): boolean {
  if (author.erased_at || author.status === 'banned' || !author.email) return false;
  if (author.kind === 'reader' && !author.email_verified_at) return false;
  if (author.reply_mails_off_at) {
    const askedAgain =
      author.kind === 'reader' && Date.parse(parent.created_at) > Date.parse(author.reply_mails_off_at);
    if (!askedAgain) return false;
  }
  return true;
}

function waitedFor(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 90) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hours`;
  return `${Math.round(hours / 24)} days`;
}
