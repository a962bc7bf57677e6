import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { testClock } from '../../test/helpers/clock.js';
import { createTestDatabase, eachDialect, type TestDatabase } from '../../test/helpers/db.js';
import { freePort } from '../../test/helpers/server-process.js';
import { parseMessage, type SmtpSink, startSmtpSink } from '../../test/helpers/smtp-sink.js';
import type { Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { AppError } from '../errors.js';
import { JobQueue } from '../jobs/jobs.service.js';
import { isPlausibleAddress, MAIL_SEND_JOB, MailService } from './mail.service.js';

const T0 = '2026-12-01T09:00:00.000Z';
const FROM = 'The Daily Newsroom <newsroom@daily.test>';

test('plausible addresses', () => {
  for (const good of ['ana@example.com', 'ana.lima+news@mail.example.co.uk', 'o’brien@example.ie']) {
    assert.ok(isPlausibleAddress(good), good);
  }
  for (const bad of [
    '',
    'ana',
    'ana@example',
    'ana@@example.com',
    'ana lima@example.com',
    'Ana <ana@example.com>',
    'ana@example.com, eve@example.com',
    'ana@example.com\r\nBcc: eve@example.com',
    'ana@example..com',
    `${'a'.repeat(250)}@example.com`,
  ]) {
    assert.ok(!isPlausibleAddress(bad), JSON.stringify(bad));
  }
});

eachDialect('mail', (dialect) => {
  let database: TestDatabase;
  let db: Db;
  let sink: SmtpSink;

  before(async () => {
    [database, sink] = await Promise.all([createTestDatabase(dialect), startSmtpSink()]);
    db = database.db;
    await migrateToLatest(db);
  });
  after(async () => {
    await sink.stop();
    await database.drop();
  });
  beforeEach(async () => {
    await db.kysely.deleteFrom('outbox').execute();
    await db.kysely.deleteFrom('jobs').execute();
    sink.clear();
  });

  function setup(smtpUrl: string | null) {
    const clock = testClock(T0);
    const jobs = new JobQueue({ db, clock, pollMs: 1000 });
    const mail = new MailService({ db, jobs, clock, smtpUrl, from: FROM });
    mail.registerJobs();
    return { clock, jobs, mail };
  }
  const outboxRow = (id: number) =>
    db.kysely.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  test('with SMTP configured, a message is delivered by a job and marked sent', async (t) => {
    const { jobs, mail } = setup(sink.url);
    t.after(() => mail.close());
    const link = 'https://daily.test/newsroom/invitation/4f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d?next=%2Fnewsroom&x=1';
    const text = [
      'Hello Ana,',
      '',
      `You’ve been invited to join The Daily’s newsroom as an editor. Accept here: ${link}`,
      '',
      `${'A long line that nodemailer will wrap with soft line breaks, because it is long. '.repeat(3)}Ünïcödé — ok.`,
    ].join('\n');
    const id = await mail.send({
      kind: 'staff.invitation',
      to: 'ana@example.com',
      subject: 'You’re invited to The Daily — join the newsroom',
      text,
      html: `<p>Hello Ana,</p><p><a href="${link.replaceAll('&', '&amp;')}">Accept the invitation</a></p>`,
    });
    assert.equal((await outboxRow(id)).status, 'queued');
    assert.equal(sink.messages.length, 0, 'nothing goes out before the job runs');

    assert.equal(await jobs.runDue(), 1);
    const received = await sink.waitFor((m) => m.to.includes('ana@example.com'));
    assert.deepEqual(received.to, ['ana@example.com']);
    assert.equal(received.from, 'newsroom@daily.test');
    assert.equal(received.header('from'), FROM);
    assert.equal(received.header('to'), 'ana@example.com');
    assert.equal(received.subject, 'You’re invited to The Daily — join the newsroom');
    assert.equal(received.text, text);
    assert.match(received.html ?? '', /<a href="https:\/\/daily\.test\/newsroom\/invitation\//);
    assert.deepEqual(received.links, [link]);

    const row = await outboxRow(id);
    assert.equal(row.status, 'sent');
    assert.equal(row.sent_at, T0);
    assert.equal(row.attempts, 1);
    assert.equal(row.last_error, null);
    const { items } = await mail.listOutbox({ page: 1, limit: 10 });
    assert.equal(items[0]?.status, 'sent');
  });

  test('line breaks in a subject cannot add headers or recipients', async (t) => {
    const { jobs, mail } = setup(sink.url);
    t.after(() => mail.close());
    const hostile = 'Password reset\r\nBcc: eve@evil.test\r\nX-Injected: yes\n\nInjected body';
    const viaService = await mail.send({
      kind: 'staff.password_reset',
      to: 'ana@example.com',
      subject: hostile,
      text: 'Hi',
    });
    assert.doesNotMatch((await outboxRow(viaService)).subject, /[\r\n]/);
    // And nodemailer alone holds too: a row written with the line breaks still in it.
    const { id: direct } = await db.kysely
      .insertInto('outbox')
      .values({
        kind: 'staff.password_reset',
        to_address: 'bob@example.com',
        subject: hostile,
        text_body: 'Hi',
        html_body: null,
        status: 'queued',
        created_at: T0,
        sent_at: null,
        last_error: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await jobs.enqueue(MAIL_SEND_JOB, { outboxId: direct });
    assert.equal(await jobs.runDue(), 2);

    for (const to of ['ana@example.com', 'bob@example.com']) {
      const received = await sink.waitFor((m) => m.to.includes(to));
      assert.deepEqual(received.to, [to], 'no recipient was added');
      assert.equal(received.header('bcc'), undefined);
      assert.equal(received.header('x-injected'), undefined);
      assert.match(received.subject, /^Password reset/);
      assert.doesNotMatch(received.subject, /[\r\n]/);
      assert.equal(received.text, 'Hi');
    }
    assert.equal(sink.messages.length, 2);
    assert.ok(!sink.messages.some((m) => m.to.includes('eve@evil.test')));
  });

  test('with the relay down, the message stays queued with the error, and goes out once it is back', async (t) => {
    const port = await freePort();
    const { clock, jobs, mail } = setup(`smtp://127.0.0.1:${port}`);
    t.after(() => mail.close());
    const id = await mail.send({
      kind: 'staff.invitation',
      to: 'cleo@example.com',
      subject: 'Welcome',
      text: 'Hi Cleo',
    });

    assert.equal(await jobs.runDue(), 1);
    let row = await outboxRow(id);
    assert.equal(row.status, 'queued');
    assert.equal(row.attempts, 1);
    assert.match(row.last_error ?? '', /ECONNREFUSED|connect/i);
    const job = await db.kysely
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', MAIL_SEND_JOB)
      .executeTakeFirstOrThrow();
    assert.equal(job.status, 'queued');
    assert.equal(job.run_at, new Date(Date.parse(T0) + 10_000).toISOString(), 'retried after the backoff');

    const late = await startSmtpSink({ port });
    t.after(() => late.stop());
    assert.equal(await jobs.runDue(), 0, 'not before the backoff');
    clock.advance(10_000);
    assert.equal(await jobs.runDue(), 1);
    const received = await late.waitFor((m) => m.to.includes('cleo@example.com'));
    assert.equal(received.text, 'Hi Cleo');
    row = await outboxRow(id);
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 2);
    assert.equal(row.last_error, null);
  });

  test('after the last attempt the message is marked failed', async (t) => {
    const port = await freePort();
    const { clock, jobs, mail } = setup(`smtp://127.0.0.1:${port}`);
    t.after(() => mail.close());
    const id = await mail.send({ kind: 'staff.invitation', to: 'dan@example.com', subject: 'Welcome', text: 'Hi' });
    let runs = 0;
    for (let i = 0; i < 20; i++) {
      runs += await jobs.runDue();
      clock.advance(3_600_000);
    }
    assert.equal(runs, 10, 'ten attempts in all');
    const row = await outboxRow(id);
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, 10);
    assert.match(row.last_error ?? '', /ECONNREFUSED|connect/i);
    assert.equal((await jobs.summary()).failed, 1);
  });

  test('without SMTP, mail is kept in the outbox for the newsroom to read', async (t) => {
    const { jobs, mail } = setup(null);
    t.after(() => mail.close());
    const ids: number[] = [];
    for (const name of ['ana', 'bob', 'cleo']) {
      ids.push(
        await mail.send({
          kind: 'staff.invitation',
          to: `${name}@example.com`,
          subject: `Welcome, ${name}`,
          text: `Join us, ${name}: https://daily.test/newsroom/invitation/${name}`,
        }),
      );
    }
    assert.equal(await db.kysely.selectFrom('jobs').select('id').executeTakeFirst(), undefined, 'no job is queued');
    assert.equal(await jobs.runDue(), 0);

    const first = await mail.listOutbox({ page: 1, limit: 2 });
    assert.equal(first.total, 3);
    assert.deepEqual(
      first.items.map((i) => i.to),
      ['cleo@example.com', 'bob@example.com'],
      'newest first',
    );
    assert.deepEqual(first.items[0], {
      id: ids[2],
      kind: 'staff.invitation',
      to: 'cleo@example.com',
      subject: 'Welcome, cleo',
      text: 'Join us, cleo: https://daily.test/newsroom/invitation/cleo',
      status: 'kept',
      attempts: 0,
      lastError: null,
      createdAt: T0,
      sentAt: null,
    });
    const second = await mail.listOutbox({ page: 2, limit: 2 });
    assert.deepEqual(
      second.items.map((i) => i.to),
      ['ana@example.com'],
    );
    assert.equal(sink.messages.length, 0);
  });

  test('a bad address is refused and nothing is stored', async (t) => {
    const { mail } = setup(sink.url);
    t.after(() => mail.close());
    for (const to of ['not-an-address', 'ana@example.com\r\nBcc: eve@evil.test', 'Ana <ana@example.com>']) {
      await assert.rejects(
        mail.send({ kind: 'staff.invitation', to, subject: 'Hi', text: 'Hi' }),
        (err: unknown) => err instanceof AppError && err.code === 'validation_failed' && err.status === 422,
      );
    }
    assert.equal((await mail.listOutbox({ page: 1, limit: 10 })).total, 0);
  });

  test('a message sent in a rolled-back transaction is neither stored nor delivered', async (t) => {
    const { jobs, mail } = setup(sink.url);
    t.after(() => mail.close());
    await assert.rejects(
      db.kysely.transaction().execute(async (trx) => {
        await mail.send({ kind: 'staff.invitation', to: 'ana@example.com', subject: 'Hi', text: 'Hi' }, { trx });
        throw new Error('the invitation was not saved');
      }),
      /not saved/,
    );
    assert.equal(await jobs.runDue(), 0);
    assert.equal((await mail.listOutbox({ page: 1, limit: 10 })).total, 0);
    assert.equal(sink.messages.length, 0);
  });
});

test('the SMTP sink decodes base64 bodies and split encoded-word subjects', () => {
  const body = Buffer.from('Привет, Ана!\r\nСсылка: https://daily.test/r/1\r\n').toString('base64');
  const raw = [
    'From: a@daily.test',
    'To: ana@example.com',
    `Subject: =?UTF-8?B?${Buffer.from('Сброс пароля').toString('base64')}?=`,
    ` =?UTF-8?Q?_=E2=80=94_The_Daily?=`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    body.slice(0, 20),
    body.slice(20),
    '',
  ].join('\r\n');
  const parsed = parseMessage('a@daily.test', ['ana@example.com'], raw);
  assert.equal(parsed.subject, 'Сброс пароля — The Daily');
  assert.equal(parsed.text, 'Привет, Ана!\nСсылка: https://daily.test/r/1');
  assert.deepEqual(parsed.links, ['https://daily.test/r/1']);
  assert.equal(parsed.html, null);
});
