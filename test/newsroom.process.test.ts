import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { closeServices, createServices } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createTestDatabase, eachDialect, type TestDatabase } from './helpers/db.js';
import { freePort, projectRoot, type ServerProcess, spawnServer } from './helpers/server-process.js';

/** Runs the admin command line as an operator would, `node --import tsx src/cli.ts ...`. */
function cli(args: string[], env: Record<string, string>, input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, NEWSDESK_LOG_LEVEL: 'warn', NEWSDESK_SEED_DEMO: 'false', ...env },
    input: input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, withinMs: number): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`${what} did not happen within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

eachDialect('newsroom from the shell and across restarts', (dialect) => {
  let database: TestDatabase;
  let dir: string;
  let env: Record<string, string>;
  const servers: ServerProcess[] = [];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-newsroom-'));
    database = await createTestDatabase(dialect);
    const url = dialect === 'postgres' ? (database.url as string) : path.join(dir, 'newsdesk.db');
    // The server and the CLI open the database themselves; the test's own handle steps aside.
    await database.db.close();
    env = { DATABASE_URL: url, NEWSDESK_MEDIA_DIR: path.join(dir, 'media') };
  });
  after(async () => {
    for (const server of servers) await server.stop();
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('`npm run newsdesk -- user create` makes the owner from the shell; bad input gets a clear answer', () => {
    const made = cli(
      ['user', 'create', '--role', 'owner', '--email', 'ana@courier.test', '--name', 'Ana Reyes', '--password-stdin'],
      env,
      'a long enough password\n',
    );
    assert.equal(made.code, 0, made.err);
    assert.match(made.out, /Created owner ana@courier\.test/);

    const invited = cli(['user', 'create', '--role', 'editor', '--email', 'bo@courier.test'], env);
    assert.equal(invited.code, 0, invited.err);
    assert.match(invited.out, /\/newsroom\/invite\/[\w-]{20,}/, 'without SMTP the shell prints the link');

    const listed = cli(['user', 'list'], env);
    assert.match(listed.out, /owner\s+active\s+ana@courier\.test/);
    assert.match(listed.out, /editor\s+invited\s+bo@courier\.test/);

    const badRole = cli(['user', 'create', '--role', 'emperor', '--email', 'x@courier.test'], env);
    assert.equal(badRole.code, 1);
    assert.match(badRole.err, /--role must be one of owner, editor, author, contributor, moderator/);
    const duplicate = cli(['user', 'create', '--role', 'editor', '--email', 'ANA@courier.test'], env);
    assert.equal(duplicate.code, 1);
    assert.match(duplicate.err, /already uses this address/);
  });

  test('a scheduled article is published on time even when the server was killed in between', async () => {
    const config = loadConfig({ ...env, NEWSDESK_LOG_LEVEL: 'warn' });
    const services = await createServices(config);
    const section = await services.taxonomy.createSection({ slug: 'harbour', name: 'Harbour' });
    await closeServices(services);

    const start = async () => {
      const port = await freePort();
      const server = spawnServer({
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        NEWSDESK_SEED_DEMO: 'false',
        NEWSDESK_LOG_LEVEL: 'warn',
        NEWSDESK_JOBS_POLL_MS: '200',
      });
      servers.push(server);
      await server.waitForLine('Newsdesk is listening at', 30_000);
      return { server, base: `http://127.0.0.1:${port}` };
    };

    const first = await start();
    const signIn = await fetch(`${first.base}/api/admin/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ana@courier.test', password: 'a long enough password' }),
    });
    assert.equal(signIn.status, 200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };

    const created = await fetch(`${first.base}/api/admin/articles`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        headline: 'Night ferry timetable changes on Monday',
        sectionId: section.id,
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'New times.' }] }] },
      }),
    });
    assert.equal(created.status, 201);
    const { id } = (await created.json()) as { id: number };
    const at = new Date(Date.now() + 4000);
    const scheduled = await fetch(`${first.base}/api/admin/articles/${id}/schedule`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ at: at.toISOString() }),
    });
    assert.equal(scheduled.status, 200, await scheduled.clone().text());

    // No goodbye: the process dies as in a power cut, with the publication still ahead.
    first.server.child.kill('SIGKILL');
    await first.server.exited;
    while (Date.now() < at.getTime() + 500) await new Promise((resolve) => setTimeout(resolve, 100));

    const second = await start();
    const article = await until(
      'the scheduled publication after the restart',
      async () => {
        const res = await fetch(`${second.base}/api/admin/articles/${id}`, { headers: { cookie } });
        const body = (await res.json()) as { status: string; url: string | null; publishedAt: string };
        return body.status === 'published' ? body : undefined;
      },
      15_000,
    );
    assert.ok(article.url);
    assert.ok(Date.parse(article.publishedAt) >= at.getTime(), 'not before its time');
    const page = await fetch(`${second.base}${article.url}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Night ferry timetable changes on Monday/);
  });
});
