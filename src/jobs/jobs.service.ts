import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { type Clock, iso } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { JobStatus, JobsTable } from './jobs.table.js';

export interface JobContext {
  jobId: number;
  /** 1-based: 1 on the first run, 2 on the first retry... */
  attempt: number;
  /** The attempt after which a failure is final; a handler can tell its last chance by `attempt === maxAttempts`. */
  maxAttempts: number;
}

export type JobHandler<P> = (payload: P, ctx: JobContext) => Promise<void>;

export interface EnqueueOptions {
  /** When the job becomes due; now when not given. */
  runAt?: Date;
  /** At most one queued job per key ("publish:42"): enqueueing again reschedules it. */
  dedupeKey?: string;
  /** Runs before the job is marked failed; 5 when not given. */
  maxAttempts?: number;
  /** Insert inside the caller's transaction, so the job exists only if the caller's change commits. */
  trx?: Transaction<Database>;
}

export interface JobLog {
  info(o: object, msg: string): void;
  warn(o: object, msg: string): void;
  error(o: object, msg: string): void;
}

export interface JobsSummary {
  queued: number;
  running: number;
  failed: number;
  recentFailures: { id: number; kind: string; lastError: string | null; updatedAt: string }[];
}

type JobRow = Selectable<JobsTable>;

interface Registered {
  // biome-ignore lint/suspicious/noExplicitAny: handlers of every payload type share one map; each is typed at register()
  handler: JobHandler<any>;
  backoffMs: (attempt: number) => number;
}

const silentLog: JobLog = { info() {}, warn() {}, error() {} };

/** 10 s, 20 s, 40 s... doubling per attempt, never more than an hour. */
export const defaultBackoffMs = (attempt: number): number => Math.min(2 ** attempt * 5_000, 3_600_000);

const DEFAULT_MAX_ATTEMPTS = 5;
const MAX_ERROR_LENGTH = 2_000;

/**
 * The durable job runner: jobs are rows, so a scheduled publication survives a restart and
 * several instances on PostgreSQL share the work without running a job twice.
 *
 * Delivery is at least once: a worker that dies mid-job leaves a lock that expires after
 * `lockMs`, and the job runs again. Handlers should be safe to repeat.
 */
export class JobQueue {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly pollMs: number;
  private readonly log: JobLog;
  private readonly workerId: string;
  private readonly lockMs: number;
  private readonly handlers = new Map<string, Registered>();
  private readonly reportedUnknownKinds = new Set<string>();

  private started = false;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Number.POSITIVE_INFINITY;
  private loop: Promise<void> | null = null;
  private wakeAgain = false;

  constructor(opts: { db: Db; clock: Clock; pollMs: number; log?: JobLog; workerId?: string; lockMs?: number }) {
    this.db = opts.db;
    this.clock = opts.clock;
    this.pollMs = opts.pollMs;
    this.log = opts.log ?? silentLog;
    this.workerId = opts.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.lockMs = opts.lockMs ?? 5 * 60_000;
  }

  register<P>(kind: string, handler: JobHandler<P>, opts: { backoffMs?: (attempt: number) => number } = {}): void {
    if (this.handlers.has(kind)) throw new Error(`A handler for "${kind}" jobs is already registered.`);
    this.handlers.set(kind, { handler, backoffMs: opts.backoffMs ?? defaultBackoffMs });
  }

  /**
   * Inserts a queued job (inside opts.trx when given, so it commits with the caller's change).
   * With a dedupeKey, an existing queued job with that key is updated (payload, run_at) instead,
   * and a finished/failed one with that key is replaced; returns the job id.
   */
  async enqueue<P>(kind: string, payload: P, opts: EnqueueOptions = {}): Promise<number> {
    const db = opts.trx ?? this.db.kysely;
    const now = iso(this.clock.now());
    const runAt = opts.runAt ?? this.clock.now();
    const row = {
      kind,
      payload: JSON.stringify(payload ?? null),
      status: 'queued' as const,
      run_at: iso(runAt),
      attempts: 0,
      max_attempts: Math.max(1, Math.floor(opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)),
      last_error: null,
      locked_by: null,
      locked_until: null,
      dedupe_key: opts.dedupeKey ?? null,
      created_at: now,
      updated_at: now,
      finished_at: null,
    };
    let id: number;
    if (opts.dedupeKey === undefined) {
      id = (await db.insertInto('jobs').values(row).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      id = await this.upsertByKey(db, opts.dedupeKey, row);
    }
    const dueInMs = runAt.getTime() - this.clock.now().getTime();
    // A job inserted in the caller's transaction is invisible until it commits: look a moment later.
    if (dueInMs <= this.pollMs) this.schedule(Math.max(0, dueInMs) + (opts.trx ? 10 : 0));
    return id;
  }

  private async upsertByKey(
    db: Kysely<Database>,
    key: string,
    row: Omit<JobRow, 'id' | 'status'> & { status: 'queued' },
  ): Promise<number> {
    // A concurrent claim can turn the queued row into a running one between our statements;
    // then the upsert updates nothing and we go round once more.
    for (let round = 0; round < 5; round++) {
      // A done or running job keeps its row (for the audit trail) but gives up the key; a failed
      // one is superseded by the new request, so its error leaves the newsroom's failure list.
      await db
        .updateTable('jobs')
        .set({ dedupe_key: null })
        .where('dedupe_key', '=', key)
        .where('status', 'in', ['running', 'done'])
        .execute();
      await db.deleteFrom('jobs').where('dedupe_key', '=', key).where('status', '=', 'failed').execute();
      const upserted = await db
        .insertInto('jobs')
        .values(row)
        .onConflict((oc) =>
          oc
            .column('dedupe_key')
            .doUpdateSet((eb) => ({
              kind: eb.ref('excluded.kind'),
              payload: eb.ref('excluded.payload'),
              run_at: eb.ref('excluded.run_at'),
              max_attempts: eb.ref('excluded.max_attempts'),
              attempts: 0,
              last_error: null,
              updated_at: eb.ref('excluded.updated_at'),
            }))
            .where('jobs.status', '=', 'queued'),
        )
        .returning('id')
        .executeTakeFirst();
      if (upserted) return upserted.id;
    }
    throw new Error(`Could not enqueue the job "${key}": its row kept changing under us.`);
  }

  /** Removes a queued (not running) job by its dedupe key; true if one was removed. */
  async cancel(dedupeKey: string, trx?: Transaction<Database>): Promise<boolean> {
    const result = await (trx ?? this.db.kysely)
      .deleteFrom('jobs')
      .where('dedupe_key', '=', dedupeKey)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Claims and runs every job due now (run_at <= clock.now()), one at a time, until none is due; returns how many ran. */
  runDue(): Promise<number> {
    return this.drain(() => true);
  }

  /** Polls every pollMs (timer unref'd) and also wakes at once after enqueue() of a job due now or soon (in-process). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  /** Stops polling; resolves once the job running now (if any) has finished. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Number.POSITIVE_INFINITY;
    await this.loop;
  }

  /** For the newsroom: counts by status, and the failed jobs with their last error. */
  async summary(): Promise<JobsSummary> {
    const counts = await this.db.kysely
      .selectFrom('jobs')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .where('status', 'in', ['queued', 'running', 'failed'])
      .groupBy('status')
      .execute();
    const count = (status: JobStatus) => Number(counts.find((c) => c.status === status)?.n ?? 0);
    const failures = await this.db.kysely
      .selectFrom('jobs')
      .select(['id', 'kind', 'last_error', 'updated_at'])
      .where('status', '=', 'failed')
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(20)
      .execute();
    return {
      queued: count('queued'),
      running: count('running'),
      failed: count('failed'),
      recentFailures: failures.map((f) => ({
        id: f.id,
        kind: f.kind,
        lastError: f.last_error,
        updatedAt: f.updated_at,
      })),
    };
  }

  /** Deletes done jobs finished before `olderThan`; returns how many. Failed ones stay for the newsroom to see. */
  async prune(olderThan: Date): Promise<number> {
    const result = await this.db.kysely
      .deleteFrom('jobs')
      .where('status', '=', 'done')
      .where('finished_at', '<', iso(olderThan))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private async drain(keepGoing: () => boolean): Promise<number> {
    await this.releaseExpiredLocks();
    let ran = 0;
    while (keepGoing()) {
      const job = await this.claim();
      if (!job) break;
      await this.execute(job);
      ran++;
    }
    await this.reportUnknownKinds();
    return ran;
  }

  /**
   * Takes the oldest due job of a kind this instance knows. One statement: on PostgreSQL the
   * inner SELECT ... FOR UPDATE SKIP LOCKED locks the row so a concurrent claimer passes over
   * it instead of waiting, and the UPDATE marks it running before the lock is released at the
   * statement's commit. On SQLite the single UPDATE takes the write lock before it reads, so it
   * is safe even with a second process (a CLI) writing the same file.
   */
  private async claim(): Promise<JobRow | undefined> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return undefined;
    const now = this.clock.now();
    const pg = this.db.dialect === 'postgres';
    return this.db.kysely
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        attempts: eb('attempts', '+', 1),
        locked_by: this.workerId,
        locked_until: iso(new Date(now.getTime() + this.lockMs)),
        updated_at: iso(now),
      }))
      .where('id', '=', (eb) =>
        eb
          .selectFrom('jobs as due')
          .select('due.id')
          .where('due.status', '=', 'queued')
          .where('due.run_at', '<=', iso(now))
          .where('due.kind', 'in', kinds)
          .orderBy('due.run_at')
          .orderBy('due.id')
          .limit(1)
          .$if(pg, (qb) => qb.forUpdate().skipLocked()),
      )
      .returningAll()
      .executeTakeFirst();
  }

  /**
   * A running job whose lock has expired belonged to a worker that died (or hung): it goes back
   * to the queue, or to failed when that run was its last attempt (a job that kills its worker
   * every time must not loop forever).
   */
  private async releaseExpiredLocks(): Promise<void> {
    const now = iso(this.clock.now());
    const expired = await this.db.kysely
      .selectFrom('jobs')
      .select(['id', 'kind', 'locked_by', 'attempts', 'max_attempts'])
      .where('status', '=', 'running')
      .where('locked_until', '<=', now)
      .execute();
    for (const job of expired) {
      const final = job.attempts >= job.max_attempts;
      const released = await this.db.kysely
        .updateTable('jobs')
        .set({
          status: final ? 'failed' : 'queued',
          last_error: `The worker running it (${job.locked_by ?? 'unknown'}) stopped before finishing.`,
          locked_by: null,
          locked_until: null,
          updated_at: now,
          ...(final ? { finished_at: now } : {}),
        })
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('locked_until', '<=', now)
        .executeTakeFirst();
      if (Number(released.numUpdatedRows) > 0) {
        this.log.warn(
          { jobId: job.id, kind: job.kind, worker: job.locked_by, final },
          final ? 'job lock expired on its last attempt; marked failed' : 'job lock expired; requeued',
        );
      }
    }
  }

  private async execute(job: JobRow): Promise<void> {
    const registered = this.handlers.get(job.kind);
    if (!registered) return; // claim() only takes known kinds
    const ctx: JobContext = { jobId: job.id, attempt: job.attempts, maxAttempts: job.max_attempts };
    // Keep the lock while a long job (a big image) runs, so nobody takes it for a dead one.
    const heartbeat = setInterval(
      () => {
        this.db.kysely
          .updateTable('jobs')
          .set({ locked_until: iso(new Date(this.clock.now().getTime() + this.lockMs)) })
          .where('id', '=', job.id)
          .where('locked_by', '=', this.workerId)
          .where('status', '=', 'running')
          .execute()
          .catch((err) => this.log.warn({ err, jobId: job.id }, 'could not extend a job lock'));
      },
      Math.max(1_000, Math.floor(this.lockMs / 3)),
    );
    heartbeat.unref();
    let failure: { error: unknown } | null = null;
    const started = Date.now();
    try {
      await registered.handler(JSON.parse(job.payload), ctx);
    } catch (error) {
      failure = { error };
    } finally {
      clearInterval(heartbeat);
    }

    const now = this.clock.now();
    if (!failure) {
      const done = await this.lockedJob(job.id)
        .set({ status: 'done', locked_by: null, locked_until: null, updated_at: iso(now), finished_at: iso(now) })
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) {
        this.log.warn({ jobId: job.id, kind: job.kind }, 'job finished after its lock was taken by another worker');
      } else {
        this.log.info({ jobId: job.id, kind: job.kind, ms: Date.now() - started }, 'job done');
      }
      return;
    }

    const message = errorMessage(failure.error);
    const final = job.attempts >= job.max_attempts;
    const retryAt = new Date(now.getTime() + Math.max(0, registered.backoffMs(job.attempts)));
    await this.lockedJob(job.id)
      .set({
        status: final ? 'failed' : 'queued',
        last_error: message,
        locked_by: null,
        locked_until: null,
        updated_at: iso(now),
        ...(final ? { finished_at: iso(now) } : { run_at: iso(retryAt) }),
      })
      .executeTakeFirst();
    if (final) {
      this.log.error(
        { jobId: job.id, kind: job.kind, attempt: job.attempts, err: failure.error },
        'job failed on its last attempt',
      );
    } else {
      this.log.warn(
        { jobId: job.id, kind: job.kind, attempt: job.attempts, retryAt: iso(retryAt), error: message },
        'job failed; will retry',
      );
    }
  }

  /** An update of a job this worker still holds. */
  private lockedJob(id: number) {
    return this.db.kysely
      .updateTable('jobs')
      .where('id', '=', id)
      .where('locked_by', '=', this.workerId)
      .where('status', '=', 'running');
  }

  /** Due jobs nobody here can run stay queued (another instance may know them); say so once per kind. */
  private async reportUnknownKinds(): Promise<void> {
    const kinds = [...this.handlers.keys()];
    const rows = await this.db.kysely
      .selectFrom('jobs')
      .select('kind')
      .distinct()
      .where('status', '=', 'queued')
      .where('run_at', '<=', iso(this.clock.now()))
      .$if(kinds.length > 0, (qb) => qb.where('kind', 'not in', kinds))
      .execute();
    for (const { kind } of rows) {
      if (this.reportedUnknownKinds.has(kind)) continue;
      this.reportedUnknownKinds.add(kind);
      this.log.warn({ kind }, 'due jobs of a kind with no handler in this process are left queued');
    }
  }

  private schedule(delayMs: number): void {
    if (!this.started) return;
    const at = Date.now() + delayMs;
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.tick();
    }, delayMs);
    this.timer.unref();
  }

  private tick(): void {
    if (this.loop) {
      this.wakeAgain = true;
      return;
    }
    this.loop = this.drain(() => this.started)
      .then(
        () => undefined,
        (err) => this.log.error({ err }, 'running due jobs failed'),
      )
      .finally(() => {
        this.loop = null;
        const again = this.wakeAgain;
        this.wakeAgain = false;
        this.schedule(again ? 0 : this.pollMs);
      });
  }
}

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message || error.name : String(error);
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH)}…` : message;
}
