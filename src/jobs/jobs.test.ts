import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { testClock } from '../../test/helpers/clock.js';
import { createTestDatabase, eachDialect, type TestDatabase } from '../../test/helpers/db.js';
import { type Db, openPostgres, openSqlite } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { defaultBackoffMs, type JobContext, type JobLog, JobQueue } from './jobs.service.js';

const T0 = '2026-12-01T09:00:00.000Z';

function recordingLog() {
  const lines: { level: string; msg: string; o: object }[] = [];
  const log: JobLog = {
    info: (o, msg) => lines.push({ level: 'info', msg, o }),
    warn: (o, msg) => lines.push({ level: 'warn', msg, o }),
    error: (o, msg) => lines.push({ level: 'error', msg, o }),
  };
  return { log, lines };
}

test('the default backoff doubles from 10 s and stops at an hour', () => {
  assert.equal(defaultBackoffMs(1), 10_000);
  assert.equal(defaultBackoffMs(2), 20_000);
  assert.equal(defaultBackoffMs(3), 40_000);
  assert.equal(defaultBackoffMs(20), 3_600_000);
});

eachDialect('jobs', (dialect) => {
  let database: TestDatabase;
  let db: Db;
  const extra: Db[] = [];
  /** A second connection (pool) to the same database, as another process would have. */
  const connect = (): Db => {
    const other = dialect === 'sqlite' ? openSqlite(database.url) : openPostgres(database.url);
    extra.push(other);
    return other;
  };

  before(async () => {
    database = await createTestDatabase(dialect);
    db = database.db;
    await migrateToLatest(db);
  });
  after(async () => {
    for (const other of extra) await other.close().catch(() => {});
    await database.drop();
  });
  beforeEach(async () => {
    await db.kysely.deleteFrom('jobs').execute();
  });

  const jobRow = (id: number) =>
    db.kysely.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  test('a job runs when it is due, not before, with its payload', async () => {
    const clock = testClock(T0);
    const queue = new JobQueue({ db, clock, pollMs: 1000 });
    const seen: { payload: unknown; ctx: JobContext }[] = [];
    queue.register<{ articleId: number }>('publish', async (payload, ctx) => {
      seen.push({ payload, ctx });
    });
    const id = await queue.enqueue('publish', { articleId: 42 }, { runAt: new Date('2026-12-01T10:00:00Z') });

    assert.equal(await queue.runDue(), 0);
    clock.set('2026-12-01T09:59:59.999Z');
    assert.equal(await queue.runDue(), 0, 'one millisecond early is early');
    assert.equal(seen.length, 0);

    clock.set('2026-12-01T10:00:00Z');
    assert.equal(await queue.runDue(), 1);
    assert.deepEqual(seen, [{ payload: { articleId: 42 }, ctx: { jobId: id, attempt: 1, maxAttempts: 5 } }]);
    const row = await jobRow(id);
    assert.equal(row.status, 'done');
    assert.equal(row.finished_at, '2026-12-01T10:00:00.000Z');
    assert.equal(row.locked_by, null);
    assert.equal(await queue.runDue(), 0, 'a done job does not run again');
  });

  test('due jobs run oldest first', async () => {
    const clock = testClock(T0);
    const queue = new JobQueue({ db, clock, pollMs: 1000 });
    const order: string[] = [];
    queue.register<string>('note', async (name) => {
      order.push(name);
    });
    await queue.enqueue('note', 'second', { runAt: new Date('2026-12-01T08:30:00Z') });
    await queue.enqueue('note', 'first', { runAt: new Date('2026-12-01T08:00:00Z') });
    await queue.enqueue('note', 'third');
    await queue.enqueue('note', 'later', { runAt: new Date('2026-12-01T09:00:01Z') });
    assert.equal(await queue.runDue(), 3);
    assert.deepEqual(order, ['first', 'second', 'third']);
  });

  test('a failing job is retried with backoff, then marked failed with its error', async () => {
    const clock = testClock(T0);
    const { log, lines } = recordingLog();
    const queue = new JobQueue({ db, clock, pollMs: 1000, log });
    const attempts: number[] = [];
    queue.register('flaky', async (_payload, ctx) => {
      attempts.push(ctx.attempt);
      throw new Error(`relay said no (attempt ${ctx.attempt})`);
    });
    const id = await queue.enqueue('flaky', {}, { maxAttempts: 3 });

    assert.equal(await queue.runDue(), 1);
    let row = await jobRow(id);
    assert.equal(row.status, 'queued');
    assert.equal(row.attempts, 1);
    assert.equal(row.last_error, 'relay said no (attempt 1)');
    assert.equal(row.run_at, new Date(Date.parse(T0) + 10_000).toISOString(), 'first retry 10 s later');

    clock.advance(9_999);
    assert.equal(await queue.runDue(), 0, 'not before the backoff');
    clock.advance(1);
    assert.equal(await queue.runDue(), 1);
    row = await jobRow(id);
    assert.equal(row.status, 'queued');
    assert.equal(row.attempts, 2);
    assert.equal(row.run_at, new Date(clock.now().getTime() + 20_000).toISOString(), 'second retry 20 s later');

    clock.advance(20_000);
    assert.equal(await queue.runDue(), 1);
    row = await jobRow(id);
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, 3);
    assert.equal(row.last_error, 'relay said no (attempt 3)');
    assert.equal(row.finished_at, clock.now().toISOString());
    assert.deepEqual(attempts, [1, 2, 3]);

    clock.advance(3_600_000);
    assert.equal(await queue.runDue(), 0, 'a failed job stays failed');
    assert.ok(lines.some((l) => l.level === 'error' && l.msg.includes('last attempt')));

    const summary = await queue.summary();
    assert.equal(summary.failed, 1);
    assert.deepEqual(summary.recentFailures, [
      { id, kind: 'flaky', lastError: 'relay said no (attempt 3)', updatedAt: row.updated_at },
    ]);
  });

  test('a handler can choose its own backoff', async () => {
    const clock = testClock(T0);
    const queue = new JobQueue({ db, clock, pollMs: 1000 });
    let calls = 0;
    queue.register(
      'quick-retry',
      async () => {
        calls++;
        if (calls < 3) throw new Error('not yet');
      },
      { backoffMs: () => 0 },
    );
    const id = await queue.enqueue('quick-retry', null);
    assert.equal(await queue.runDue(), 3, 'retries due at once run in the same pass');
    assert.equal((await jobRow(id)).status, 'done');
  });

  test('a dedupe key reschedules a queued job, replaces a finished one, and cancels', async () => {
    const clock = testClock(T0);
    const queue = new JobQueue({ db, clock, pollMs: 1000 });
    const published: number[] = [];
    queue.register<{ articleId: number; version: number }>('publish', async (p) => {
      published.push(p.version);
    });

    const first = await queue.enqueue(
      'publish',
      { articleId: 7, version: 1 },
      { dedupeKey: 'publish:7', runAt: new Date('2026-12-01T12:00:00Z') },
    );
    const again = await queue.enqueue(
      'publish',
      { articleId: 7, version: 2 },
      { dedupeKey: 'publish:7', runAt: new Date('2026-12-01T11:00:00Z') },
    );
    assert.equal(again, first, 'the queued job is updated, not duplicated');
    const rows = await db.kysely.selectFrom('jobs').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.run_at, '2026-12-01T11:00:00.000Z');
    assert.deepEqual(JSON.parse(rows[0]?.payload ?? ''), { articleId: 7, version: 2 });

    clock.set('2026-12-01T11:00:00Z');
    assert.equal(await queue.runDue(), 1);
    assert.deepEqual(published, [2]);

    // Finished: a new request with the same key is a new job; the old row stays for the record.
    const replaced = await queue.enqueue(
      'publish',
      { articleId: 7, version: 3 },
      { dedupeKey: 'publish:7', runAt: new Date('2026-12-01T13:00:00Z') },
    );
    assert.notEqual(replaced, first);
    assert.equal((await jobRow(first)).status, 'done');
    assert.equal((await jobRow(first)).dedupe_key, null);
    assert.equal((await jobRow(replaced)).dedupe_key, 'publish:7');

    assert.equal(await queue.cancel('publish:7'), true);
    assert.equal(await queue.cancel('publish:7'), false, 'nothing left to cancel');
    assert.equal(await queue.cancel('publish:unknown'), false);
    clock.set('2026-12-01T14:00:00Z');
    assert.equal(await queue.runDue(), 0, 'a cancelled job never runs');
    assert.deepEqual(published, [2]);
  });

  test('a dedupe key replaces a failed job, and cancel leaves a running one alone', async () => {
    const clock = testClock(T0);
    const queue = new JobQueue({ db, clock, pollMs: 1000 });
    let fail = true;
    let release: () => void = () => {};
    let entered: () => void = () => {};
    const inHandler = new Promise<void>((resolve) => {
      entered = resolve;
    });
    queue.register('sync', async () => {
      if (fail) throw new Error('down');
      entered();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    const failed = await queue.enqueue('sync', {}, { dedupeKey: 'sync:feed', maxAttempts: 1 });
    await queue.runDue();
    assert.equal((await jobRow(failed)).status, 'failed');

    fail = false;
    const retry = await queue.enqueue('sync', {}, { dedupeKey: 'sync:feed' });
    assert.notEqual(retry, failed);
    assert.equal(
      await db.kysely.selectFrom('jobs').select('id').where('id', '=', failed).executeTakeFirst(),
      undefined,
      'the superseded failure is gone',
    );

    const running = queue.runDue();
    await inHandler;
    assert.equal(await queue.cancel('sync:feed'), false, 'a running job cannot be cancelled');
    // While it runs, the key is free for the next request, which waits its turn.
    const next = await queue.enqueue('sync', {}, { dedupeKey: 'sync:feed', runAt: new Date('2026-12-01T10:00:00Z') });
    assert.notEqual(next, retry);
    release();
    assert.equal(await running, 1);
    assert.equal((await jobRow(retry)).status, 'done');
    assert.equal((await jobRow(next)).status, 'queued');
  });

  test('a job enqueued in a rolled-back transaction never runs', async () => {
    const clock = testClock(T0);
    const queue = new JobQueue({ db, clock, pollMs: 1000 });
    const ran: string[] = [];
    queue.register<string>('notify', async (p) => {
      ran.push(p);
    });
    await assert.rejects(
      db.kysely.transaction().execute(async (trx) => {
        await queue.enqueue('notify', 'rolled back', { trx });
        await queue.enqueue('notify', 'rolled back too', { trx, dedupeKey: 'notify:x' });
        throw new Error('the article did not save');
      }),
      /did not save/,
    );
    await db.kysely.transaction().execute(async (trx) => {
      await queue.enqueue('notify', 'committed', { trx });
    });
    clock.advance(60_000);
    assert.equal(await queue.runDue(), 1);
    assert.deepEqual(ran, ['committed']);
  });

  test('two queues on separate connections run each of 20 jobs exactly once', async () => {
    const clock = testClock(T0);
    const ran: { n: number; worker: string }[] = [];
    const handler = (worker: string) => async (payload: { n: number }) => {
      // Long enough that both workers are busy at once.
      await sleep(5);
      ran.push({ n: payload.n, worker });
    };
    const a = new JobQueue({ db: connect(), clock, pollMs: 1000, workerId: 'a' });
    const b = new JobQueue({ db: connect(), clock, pollMs: 1000, workerId: 'b' });
    a.register('count', handler('a'));
    b.register('count', handler('b'));
    for (let n = 0; n < 20; n++) await a.enqueue('count', { n });

    const [byA, byB] = await Promise.all([a.runDue(), b.runDue()]);
    assert.equal(byA + byB, 20);
    assert.deepEqual(
      ran.map((r) => r.n).sort((x, y) => x - y),
      Array.from({ length: 20 }, (_, n) => n),
      'every job ran exactly once',
    );
    assert.ok(byA > 0 && byB > 0, `both workers took jobs (a: ${byA}, b: ${byB})`);
    const statuses = await db.kysely.selectFrom('jobs').select('status').distinct().execute();
    assert.deepEqual(
      statuses.map((s) => s.status),
      ['done'],
    );
  });

  test('a crashed worker’s job is taken back once its lock expires', async () => {
    const clock = testClock(T0);
    const { log, lines } = recordingLog();
    const crashed = new JobQueue({ db: connect(), clock, pollMs: 1000, workerId: 'crashed', lockMs: 60_000 });
    const survivor = new JobQueue({ db, clock, pollMs: 1000, workerId: 'survivor', lockMs: 60_000, log });
    let entered: () => void = () => {};
    const hung = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let unfreeze: () => void = () => {};
    crashed.register('resize', async () => {
      entered();
      // The worker hangs here, as a process would that was killed mid-job.
      await new Promise<void>((resolve) => {
        unfreeze = resolve;
      });
    });
    const attempts: number[] = [];
    survivor.register('resize', async (_p, ctx) => {
      attempts.push(ctx.attempt);
    });
    const id = await survivor.enqueue('resize', { imageId: 1 });
    const crashedRun = crashed.runDue();
    await hung;
    const held = await jobRow(id);
    assert.equal(held.status, 'running');
    assert.equal(held.locked_by, 'crashed');
    assert.equal(held.locked_until, new Date(Date.parse(T0) + 60_000).toISOString());

    assert.equal(await survivor.runDue(), 0, 'a live lock is respected');
    clock.advance(59_999);
    assert.equal(await survivor.runDue(), 0);
    clock.advance(1);
    assert.equal(await survivor.runDue(), 1, 'an expired lock is taken back');
    assert.deepEqual(attempts, [2], 'the lost run counts as an attempt');
    assert.ok(lines.some((l) => l.msg.includes('lock expired')));
    const done = await jobRow(id);
    assert.equal(done.status, 'done');

    // The "dead" worker waking up late must not overwrite the survivor's result.
    unfreeze();
    assert.equal(await crashedRun, 1);
    const after = await jobRow(id);
    assert.equal(after.status, 'done');
    assert.equal(after.finished_at, done.finished_at);
  });

  test('a job whose lock expires on its last attempt is marked failed, not run again', async () => {
    const clock = testClock(T0);
    const queue = new JobQueue({ db, clock, pollMs: 1000, lockMs: 1000 });
    let runs = 0;
    queue.register('bomb', async () => {
      runs++;
    });
    const id = await queue.enqueue('bomb', {}, { maxAttempts: 2 });
    // As if two workers had died running it.
    await db.kysely
      .updateTable('jobs')
      .set({ status: 'running', attempts: 2, locked_by: 'dead', locked_until: T0 })
      .where('id', '=', id)
      .execute();
    clock.advance(1);
    assert.equal(await queue.runDue(), 0);
    assert.equal(runs, 0);
    const row = await jobRow(id);
    assert.equal(row.status, 'failed');
    assert.match(row.last_error ?? '', /stopped before finishing/);
  });

  test('a scheduled job survives a restart', async () => {
    const clock = testClock(T0);
    const before = connect();
    const first = new JobQueue({ db: before, clock, pollMs: 1000 });
    first.register('publish', async () => {
      throw new Error('the first process must not run it');
    });
    const id = await first.enqueue('publish', { articleId: 9 }, { runAt: new Date('2026-12-01T18:00:00Z') });
    await first.stop();
    await before.close();

    clock.set('2026-12-02T07:00:00Z'); // the machine was down overnight
    const ran: unknown[] = [];
    const second = new JobQueue({ db: connect(), clock, pollMs: 1000 });
    second.register('publish', async (payload) => {
      ran.push(payload);
    });
    assert.equal(await second.runDue(), 1);
    assert.deepEqual(ran, [{ articleId: 9 }]);
    assert.equal((await jobRow(id)).status, 'done');
  });

  test('a job of a kind nobody here handles stays queued and is reported once', async () => {
    const clock = testClock(T0);
    const { log, lines } = recordingLog();
    const queue = new JobQueue({ db, clock, pollMs: 1000, log });
    const id = await queue.enqueue('wire.poll', { source: 'rt' });
    assert.equal(await queue.runDue(), 0);
    assert.equal(await queue.runDue(), 0);
    queue.register('other', async () => {});
    assert.equal(await queue.runDue(), 0);
    assert.equal((await jobRow(id)).status, 'queued');
    assert.equal(lines.filter((l) => l.msg.includes('no handler')).length, 1);
    assert.deepEqual(lines.find((l) => l.msg.includes('no handler'))?.o, { kind: 'wire.poll' });
  });

  test('start() polls, wakes at once for a job due now, and stop() waits for the running job', async (t) => {
    // Real time here: the poller's timers are real.
    const clock = { now: () => new Date() };
    const queue = new JobQueue({ db, clock, pollMs: 60_000 });
    const events: string[] = [];
    let finish: () => void = () => {};
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    queue.register<string>('slow', async (name) => {
      events.push(`start ${name}`);
      started();
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      events.push(`end ${name}`);
    });
    // The poller's timers are unref'd (they must not keep a stopping server alive); hold the loop open.
    const keepAlive = setInterval(() => {}, 1_000);
    t.after(() => clearInterval(keepAlive));
    queue.start();
    await sleep(50); // the first poll finds nothing; the next one is a minute away
    const began = Date.now();
    await queue.enqueue('slow', 'now');
    await running;
    assert.ok(Date.now() - began < 2_000, 'woken by enqueue, not by the next poll');

    const stopping = queue.stop().then(() => events.push('stopped'));
    await sleep(20);
    assert.deepEqual(events, ['start now'], 'stop() waits for the running job');
    finish();
    await stopping;
    assert.deepEqual(events, ['start now', 'end now', 'stopped']);
    assert.equal((await queue.summary()).running, 0);
  });

  test('summary counts by status and prune removes old done jobs only', async () => {
    const clock = testClock(T0);
    const queue = new JobQueue({ db, clock, pollMs: 1000 });
    queue.register('ok', async () => {});
    queue.register('bad', async () => {
      throw new Error('broken');
    });
    const old = await queue.enqueue('ok', 1);
    await queue.enqueue('bad', 2, { maxAttempts: 1 });
    await queue.runDue();
    clock.advance(40 * 86_400_000);
    const recent = await queue.enqueue('ok', 3);
    await queue.runDue();
    await queue.enqueue('ok', 4, { runAt: new Date(clock.now().getTime() + 60_000) });

    const summary = await queue.summary();
    assert.deepEqual(
      { queued: summary.queued, running: summary.running, failed: summary.failed },
      { queued: 1, running: 0, failed: 1 },
    );
    assert.equal(summary.recentFailures[0]?.lastError, 'broken');

    assert.equal(await queue.prune(new Date(clock.now().getTime() - 30 * 86_400_000)), 1);
    const left = await db.kysely.selectFrom('jobs').select(['id', 'status']).orderBy('id').execute();
    assert.ok(!left.some((j) => j.id === old), 'the old done job is gone');
    assert.ok(
      left.some((j) => j.id === recent),
      'a recent done job stays',
    );
    assert.ok(
      left.some((j) => j.status === 'failed'),
      'failed jobs stay',
    );
  });
});
