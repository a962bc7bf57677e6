import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { closeServices, createServices } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createTestDatabase, eachDialect, type TestDatabase } from './helpers/db.js';
import { paragraphs } from './helpers/factories.js';
import { freePort, type ServerProcess, spawnServer } from './helpers/server-process.js';

/**
 * "A comment is committed before the reader is told it was received": readers post through
 * the plain form, the server is killed with SIGKILL right after the last acknowledgement, and
 * every acknowledged comment is found afterwards, on both databases.
 */
eachDialect('comments survive a crash', (dialect) => {
  let database: TestDatabase;
  let dir: string;
  let env: Record<string, string>;
  let server: ServerProcess | undefined;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-comments-crash-'));
    database = await createTestDatabase(dialect);
    await database.db.close();
    env = {
      DATABASE_URL: dialect === 'postgres' ? database.url : path.join(dir, 'newsdesk.db'),
      NEWSDESK_MEDIA_DIR: path.join(dir, 'media'),
      NEWSDESK_SEED_DEMO: 'false',
      NEWSDESK_LOG_LEVEL: 'warn',
    };
  });
  after(async () => {
    await server?.stop();
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const open = async () => createServices(loadConfig(env));

  test('every acknowledged comment is there after kill -9', { timeout: 120_000 }, async () => {
    const setup = await open();
    const section = await setup.taxonomy.createSection({ slug: 'harbour', name: 'Harbour' });
    const article = await setup.articles.createArticle({
      headline: 'Ferry fares to rise in spring',
      sectionId: section.id,
      body: paragraphs('The council approved the new fares.'),
    });
    await setup.articles.publishArticle(article.id);
    // Thirty readers from one address in a few seconds: let the rate limit and the trust rules stand aside.
    await setup.comments.settings.update({ rateLimitSeconds: 0, newCommenterApprovals: 0, minSubmitSeconds: 0 });
    await closeServices(setup);

    const port = await freePort();
    server = spawnServer({ ...env, PORT: String(port), HOST: '127.0.0.1' });
    await server.waitForLine('Newsdesk is listening at', 60_000);
    const base = `http://127.0.0.1:${port}`;

    const acknowledged: number[] = [];
    const post = async (i: number) => {
      const res = await fetch(`${base}/comments`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
        body: new URLSearchParams({
          articleId: String(article.id),
          name: `Reader ${i}`,
          email: `reader${i}@example.test`,
          body: `Fares should rise more slowly, says reader number ${i}.`,
          renderedAt: String(Date.now() - 60_000),
        }),
      });
      assert.equal(res.status, 303, await res.text());
      const id = Number(/\/received\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
      assert.ok(id > 0, `an id in ${res.headers.get('location')}`);
      acknowledged.push(id);
    };
    // Ten at a time, as readers would arrive.
    for (let round = 0; round < 3; round++) {
      await Promise.all(Array.from({ length: 10 }, (_, k) => post(round * 10 + k)));
    }
    // No goodbye: the process dies the moment the last reader has been told "received".
    server.child.kill('SIGKILL');
    await server.exited;

    const after = await open();
    try {
      const rows = await after.db.kysely
        .selectFrom('comments')
        .select(['id', 'status'])
        .where('article_id', '=', article.id)
        .execute();
      const stored = new Set(rows.map((r) => r.id));
      assert.equal(acknowledged.length, 30);
      for (const id of acknowledged) assert.ok(stored.has(id), `comment ${id} was acknowledged and must be stored`);
      assert.equal(rows.length, 30, 'nothing duplicated');
      const approved = rows.filter((r) => r.status === 'approved').length;
      assert.equal(await after.comments.countApproved(article.id), approved, 'the count agrees with the rows');
      const kept = await after.articles.findRecord(article.id);
      assert.equal(kept?.comment_count, approved, 'the count kept on the article agrees too');
    } finally {
      await closeServices(after);
    }
  });
});
