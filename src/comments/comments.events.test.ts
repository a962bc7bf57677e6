import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle } from '../../test/helpers/factories.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openPostgres } from '../db/database.js';

/**
 * Live "new comments" over Server-Sent Events, on a listening server: a comment that joins
 * an article's thread is announced on that article's open streams (on PostgreSQL, whichever
 * instance approved it), streams are limited, and shutting down ends them.
 */

interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
}

interface OpenStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Everything received so far. */
  text(): string;
  /** The next event (after those already taken) once it arrives. */
  next(): Promise<SseEvent>;
  /** Resolves once `fragment` has been received. */
  received(fragment: string): Promise<void>;
  ended: Promise<void>;
  close(): void;
}

function openStream(base: string, url: string, headers: Record<string, string> = {}): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${url}`, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      let buffer = '';
      const events: SseEvent[] = [];
      let taken = 0;
      const wake: (() => void)[] = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        events.length = 0;
        for (const block of buffer.split('\n\n').slice(0, -1)) {
          const event: SseEvent = {};
          for (const line of block.split('\n')) {
            const [name, ...rest] = line.split(': ');
            if (name === 'id' || name === 'event' || name === 'data') event[name] = rest.join(': ');
          }
          if (event.event) events.push(event);
        }
        for (const w of wake.splice(0)) w();
      });
      const ended = new Promise<void>((done) => res.on('close', () => done()));
      const until = async (ready: () => boolean) => {
        while (!ready()) await new Promise<void>((w) => wake.push(w));
      };
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        text: () => buffer,
        async next() {
          await until(() => events.length > taken);
          return events[taken++] as SseEvent;
        },
        received: (fragment) => until(() => buffer.includes(fragment)),
        ended,
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}

/** Waits for something the server does on its own time (a closed socket noticed). */
async function eventually(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

eachDialect('live comments over Server-Sent Events', (dialect) => {
  let t: TestApp;
  let base: string;
  let staffId: number;
  let n = 0;

  before(async () => {
    t = await buildTestApp(dialect);
    base = await listen(t.app);
    staffId = (await t.services.staff.createStaff({ email: 'live@newsroom.test', name: 'Live', role: 'moderator' })).id;
  });
  after(() => t.close());
  beforeEach(async () => {
    await t.services.comments.settings.update({
      newCommenterApprovals: 0,
      rateLimitSeconds: 0,
      minSubmitSeconds: 0,
      premoderateAll: false,
    });
  });

  const article = () => buildArticle(t.services, { published: true });
  const seed = (articleId: number, body = `Comment ${++n}.`) =>
    t.services.comments.submitComment({
      articleId,
      ip: `10.3.0.${n % 250}`,
      commenter: { kind: 'guest', name: `Reader ${n}`, email: `live${n}@example.com` },
      body,
    });
  const idOf = (e: SseEvent) => (JSON.parse(e.data ?? '{}') as { id: number }).id;

  test('a published comment reaches open streams at once; a held one only when a moderator approves it', async () => {
    const a = await article();
    const b = await article();
    const stream = await openStream(base, `/comments/${a.id}/events`);
    assert.equal(stream.status, 200);
    assert.match(String(stream.headers['content-type']), /^text\/event-stream/);
    assert.equal(stream.headers['cache-control'], 'no-store');
    assert.equal(stream.headers['x-cache'], undefined, 'never through the page cache');
    await stream.received('retry: 5000');

    const posted = await t.app.inject({
      method: 'POST',
      url: '/api/comments',
      headers: { origin: 'http://news.test' },
      payload: { articleId: a.id, name: 'Poster', email: 'poster@example.com', body: 'Hello, live readers.' },
    });
    assert.equal(posted.statusCode, 201);
    const first = await stream.next();
    assert.equal(first.event, 'comment');
    assert.equal(first.id, String(posted.json().comment.id));
    const postedId = posted.json().comment.id;
    assert.deepEqual(JSON.parse(first.data ?? ''), { id: postedId, parentId: null, rootId: postedId });

    await t.services.comments.settings.update({ premoderateAll: true });
    const held = await seed(a.id, 'Waiting for a moderator.');
    assert.equal(held.status, 'pending');
    await t.services.comments.settings.update({ premoderateAll: false });
    await seed(b.id, 'On another story.');
    const reply = await t.services.comments.submitComment({
      articleId: a.id,
      parentId: posted.json().comment.id,
      ip: '10.3.1.1',
      commenter: { kind: 'guest', name: 'Replier', email: 'replier@example.com' },
      body: 'A published reply.',
    });
    // Events come in order: the next one is the reply, so neither the held comment nor the other story's came first.
    const second = await stream.next();
    assert.equal(idOf(second), reply.id);
    assert.deepEqual(JSON.parse(second.data ?? ''), {
      id: reply.id,
      parentId: posted.json().comment.id,
      rootId: posted.json().comment.id,
    });

    await t.services.comments.moderate(held.id, 'approve', staffId);
    assert.equal(idOf(await stream.next()), held.id);
    stream.close();
  });

  test('an idle stream carries heartbeats; a reconnecting browser’s Last-Event-ID is accepted', async () => {
    const a = await article();
    const events = t.services.commentEvents;
    await eventually(() => events.size === 0);
    const saved = events.limits.heartbeatMs;
    events.limits.heartbeatMs = 20;
    try {
      const stream = await openStream(base, `/comments/${a.id}/events`, { 'last-event-id': '12345' });
      assert.equal(stream.status, 200);
      await stream.received(': still here\n\n');
      stream.close();
      const odd = await openStream(base, `/comments/${a.id}/events`, { 'last-event-id': 'not a number' });
      assert.equal(odd.status, 200);
      odd.close();
    } finally {
      events.limits.heartbeatMs = saved;
    }
  });

  test('streams are limited per address (429) and in all (503), with a message; a closed one frees its place', async () => {
    const a = await article();
    const events = t.services.commentEvents;
    await eventually(() => events.size === 0);
    const saved = { ...events.limits };
    events.limits.perAddress = 2;
    const open: OpenStream[] = [];
    try {
      open.push(await openStream(base, `/comments/${a.id}/events`), await openStream(base, `/comments/${a.id}/events`));
      const third = await openStream(base, `/comments/${a.id}/events`);
      assert.equal(third.status, 429);
      assert.equal(third.headers['retry-after'], '60');
      await third.ended;
      assert.equal(JSON.parse(third.text()).error.code, 'rate_limited');
      assert.match(JSON.parse(third.text()).error.message, /Too many pages with live comments/);

      open.shift()?.close();
      await eventually(() => events.size === 1);
      const again = await openStream(base, `/comments/${a.id}/events`);
      assert.equal(again.status, 200);
      open.push(again);

      events.limits.perAddress = 100;
      events.limits.total = 2;
      const busy = await openStream(base, `/comments/${a.id}/events`);
      assert.equal(busy.status, 503);
      await busy.ended;
      assert.equal(JSON.parse(busy.text()).error.code, 'service_unavailable');
    } finally {
      Object.assign(events.limits, saved);
      for (const s of open) s.close();
    }
  });

  test('a stream for a story that is not published is a 404', async () => {
    const draft = await buildArticle(t.services);
    assert.equal((await openStream(base, `/comments/${draft.id}/events`)).status, 404);
    assert.equal((await openStream(base, '/comments/999999/events')).status, 404);
    assert.equal((await openStream(base, '/comments/abc/events')).status, 404);
  });

  test('closing the server ends open streams instead of waiting for them', { timeout: 30_000 }, async () => {
    const other = await buildTestApp(dialect);
    const otherBase = await listen(other.app);
    const a = await buildArticle(other.services, { published: true });
    const stream = await openStream(otherBase, `/comments/${a.id}/events`);
    assert.equal(stream.status, 200);
    await stream.received('retry:');
    await other.close();
    await stream.ended;
    assert.equal(other.services.commentEvents.size, 0);
  });

  if (dialect === 'postgres') {
    test('a comment approved on another instance reaches a stream on this one', { timeout: 30_000 }, async () => {
      const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-media-'));
      const second = await buildApp(
        loadConfig({
          NEWSDESK_LOG_LEVEL: 'warn',
          NEWSDESK_MEDIA_DIR: mediaDir,
          NEWSDESK_PUBLIC_URL: 'http://news.test',
          NEWSDESK_JOBS: 'false',
        }),
        { db: openPostgres(t.database.url) },
      );
      try {
        const a = await article();
        await t.services.comments.settings.update({ premoderateAll: true });
        const held = await seed(a.id, 'Held on the first instance.');
        await t.services.comments.settings.update({ premoderateAll: false });
        const stream = await openStream(base, `/comments/${a.id}/events`);
        await stream.received('retry:');

        await second.services.comments.moderate(held.id, 'approve', staffId);
        assert.equal(idOf(await stream.next()), held.id);
        const there = await second.services.comments.submitComment({
          articleId: a.id,
          ip: '10.3.2.1',
          commenter: { kind: 'guest', name: 'Elsewhere', email: 'elsewhere@example.com' },
          body: 'Posted through the other instance.',
        });
        assert.equal(idOf(await stream.next()), there.id);
        stream.close();
      } finally {
        await second.close();
        fs.rmSync(mediaDir, { recursive: true, force: true });
      }
    });
  }
});
