import type { Transaction } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import { type Clock, iso } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { JobLog, JobQueue } from '../jobs/jobs.service.js';
import type { OutboxStatus, OutboxTable } from './mail.table.js';

export type { OutboxStatus } from './mail.table.js';

export interface MailMessage {
  /** What the message is, for the outbox listing: 'staff.invitation', 'staff.password_reset'... */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra header fields, such as List-Unsubscribe (RFC 2369) and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
}

export interface OutboxItem {
  id: number;
  kind: string;
  to: string;
  subject: string;
  text: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

type SendJob = { outboxId: number };

export const MAIL_SEND_JOB = 'mail.send';

/**
 * About an hour and a half of retries with the queue's default backoff (10 s doubling,
 * capped at an hour): a relay that is down for a maintenance window does not lose mail.
 */
const MAX_SEND_ATTEMPTS = 10;

// One address, no display name: something@domain.tld, no spaces, quotes, brackets or line breaks.
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

/** True when `to` looks like a single deliverable address (the relay has the last word). */
export function isPlausibleAddress(to: string): boolean {
  return to.length <= 254 && ADDRESS.test(to) && !to.includes('..');
}

/** Extra header fields as stored: names that are tokens, values on one line (no header injection). */
function extraHeaders(headers: Record<string, string> | undefined): string | null {
  if (!headers || Object.keys(headers).length === 0) return null;
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(name) || /[\r\n]/.test(value)) {
      throw new AppError('bad_request', `The mail header ${JSON.stringify(name)} is not valid.`);
    }
  }
  return JSON.stringify(headers);
}

/**
 * Mail from the newsroom (invitations, password resets, notifications). Every message is
 * written to the outbox first; with an SMTP relay configured a 'mail.send' job delivers it
 * (retried while the relay is down), without one it is kept for the owner to read in the
 * newsroom. Delivery is at least once: a crash between the relay's "queued" and our update
 * sends the message again on the retry.
 */
export class MailService {
  private readonly db: Db;
  private readonly jobs: JobQueue;
  private readonly clock: Clock;
  private readonly smtpUrl: string | null;
  private readonly from: string;
  private readonly log: JobLog | undefined;
  private transport: Transporter | null = null;

  /** Whether mail leaves the building (an SMTP relay) or stays in the outbox. */
  get configured(): boolean {
    return this.smtpUrl !== null;
  }

  constructor(opts: { db: Db; jobs: JobQueue; clock: Clock; smtpUrl: string | null; from: string; log?: JobLog }) {
    this.db = opts.db;
    this.jobs = opts.jobs;
    this.clock = opts.clock;
    this.smtpUrl = opts.smtpUrl;
    this.from = opts.from;
    this.log = opts.log;
  }

  /**
   * Records the message in the outbox and, when SMTP is configured, enqueues its delivery
   * (in opts.trx if given, so an invitation is only mailed if the invitation is saved).
   * Returns the outbox id.
   */
  async send(message: MailMessage, opts: { trx?: Transaction<Database> } = {}): Promise<number> {
    const to = message.to.trim();
    if (!isPlausibleAddress(to)) {
      throw new AppError('validation_failed', 'That does not look like an email address.', {
        fields: [{ field: 'to', message: 'must be an email address like name@example.com' }],
      });
    }
    const now = iso(this.clock.now());
    const run = async (trx: Transaction<Database>) => {
      const { id } = await trx
        .insertInto('outbox')
        .values({
          kind: message.kind,
          to_address: to,
          // A subject is one line; nodemailer would fold a line break away too, this keeps the outbox honest.
          subject: message.subject.replace(/[\r\n]+/g, ' '),
          text_body: message.text,
          html_body: message.html ?? null,
          headers: extraHeaders(message.headers),
          status: this.smtpUrl ? 'queued' : 'kept',
          created_at: now,
          sent_at: null,
          last_error: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (this.smtpUrl) {
        await this.jobs.enqueue<SendJob>(MAIL_SEND_JOB, { outboxId: id }, { trx, maxAttempts: MAX_SEND_ATTEMPTS });
      }
      return id;
    };
    return opts.trx ? run(opts.trx) : this.db.kysely.transaction().execute(run);
  }

  /** Registers the 'mail.send' job handler on the queue; call once at start. */
  registerJobs(): void {
    this.jobs.register<SendJob>(MAIL_SEND_JOB, (payload, ctx) => this.deliver(payload.outboxId, ctx));
  }

  private async deliver(outboxId: number, ctx: { attempt: number; maxAttempts: number }): Promise<void> {
    const row = await this.db.kysely.selectFrom('outbox').selectAll().where('id', '=', outboxId).executeTakeFirst();
    // Gone (deleted) or already delivered by an earlier run of this job: nothing to do.
    if (!row || row.status === 'sent') return;
    const transport = this.getTransport();
    if (!transport) {
      // SMTP was switched off since the message was queued: keep it for the newsroom.
      await this.update(outboxId, { status: 'kept' });
      return;
    }
    try {
      await transport.sendMail({
        from: this.from,
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        ...(row.html_body !== null ? { html: row.html_body } : {}),
        ...(row.headers ? { headers: JSON.parse(row.headers) as Record<string, string> } : {}),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = ctx.attempt >= ctx.maxAttempts;
      await this.update(outboxId, { attempts: ctx.attempt, last_error: message, status: final ? 'failed' : 'queued' });
      this.log?.warn({ outboxId, attempt: ctx.attempt, final, error: message }, 'mail delivery failed');
      throw error;
    }
    await this.update(outboxId, {
      status: 'sent',
      sent_at: iso(this.clock.now()),
      attempts: ctx.attempt,
      last_error: null,
    });
    this.log?.info({ outboxId, kind: row.kind }, 'mail sent');
  }

  private async update(
    id: number,
    values: Partial<Pick<OutboxTable, 'status' | 'last_error' | 'sent_at'>> & { attempts?: number },
  ): Promise<void> {
    await this.db.kysely.updateTable('outbox').set(values).where('id', '=', id).execute();
  }

  private getTransport(): Transporter | null {
    if (!this.smtpUrl) return null;
    this.transport ??= nodemailer.createTransport({
      url: this.smtpUrl,
      // Fail within seconds when the relay is unreachable; the job is retried later.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return this.transport;
  }

  /** The outbox, newest first, for the newsroom. */
  async listOutbox(opts: { page: number; limit: number }): Promise<{ items: OutboxItem[]; total: number }> {
    const limit = Math.max(1, Math.min(200, Math.floor(opts.limit)));
    const page = Math.max(1, Math.floor(opts.page));
    const rows = await this.db.kysely
      .selectFrom('outbox')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(limit)
      .offset((page - 1) * limit)
      .execute();
    const { total } = await this.db.kysely
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow();
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        to: r.to_address,
        subject: r.subject,
        text: r.text_body,
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
        createdAt: r.created_at,
        sentAt: r.sent_at,
      })),
      total: Number(total),
    };
  }

  /** Closes the SMTP transport. */
  close(): void {
    this.transport?.close();
    this.transport = null;
  }
}
