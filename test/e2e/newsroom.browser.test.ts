import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { closeServices, createServices } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { describeInChromium, launchChromium, watchContext } from '../helpers/browser.js';
import { paragraphs } from '../helpers/factories.js';
import { freePort, projectRoot, type ServerProcess, spawnServer } from '../helpers/server-process.js';

/**
 * The newsroom in a real browser against the real server: the first-run owner writes an
 * article with a figure and a "Read more" card, publishes it and finds it on the reader
 * site; a contributor can write and submit but not publish.
 */

describeInChromium('newsroom in Chromium', () => {
  let dir: string;
  let server: ServerProcess;
  let browser: Browser;
  let base: string;
  let figureFile: string;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  before(
    async () => {
      // The app is served from its build; `npm test` builds it first, this covers a lone run.
      const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-admin.ts'], {
        cwd: projectRoot,
        encoding: 'utf8',
      });
      assert.equal(built.status, 0, built.stderr);

      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-newsroom-e2e-'));
      const env = {
        DATABASE_URL: path.join(dir, 'newsroom.db'),
        NEWSDESK_MEDIA_DIR: path.join(dir, 'media'),
        NEWSDESK_SEED_DEMO: 'false',
        NEWSDESK_LOG_LEVEL: 'warn',
      };
      // A small newsroom: one section and one published story for the Read-more card to find.
      const services = await createServices(loadConfig(env));
      const section = await services.taxonomy.createSection({ slug: 'harbour', name: 'Harbour' });
      const older = await services.articles.createArticle({
        headline: 'Lighthouse keeper retires after forty years',
        sectionId: section.id,
        body: paragraphs('The lamp was tended by one family for four decades.'),
      });
      await services.articles.publishArticle(older.id);
      await closeServices(services);

      figureFile = path.join(dir, 'harbour-wall.png');
      await sharp({ create: { width: 1400, height: 900, channels: 3, background: '#3d6b8a' } })
        .png()
        .toFile(figureFile);

      const port = await freePort();
      server = spawnServer({ ...env, PORT: String(port), HOST: '127.0.0.1', NEWSDESK_JOBS_POLL_MS: '200' });
      const line = await server.waitForLine('Newsdesk is listening at', 60_000);
      base = line.slice(line.indexOf('http://')).trim();
      browser = await launchChromium();
    },
    { timeout: 120_000 },
  );

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    await watchContext(context, problems);
    const page = await context.newPage();
    return page;
  }

  /** The Admin API as the signed-in page sees it (same cookies), with the CSRF header. */
  async function api(page: Page, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, data?: unknown) {
    const session = await (await page.request.get(`${base}/api/admin/session`)).json();
    const res = await page.request.fetch(`${base}${url}`, {
      method,
      headers: { 'x-csrf-token': session.csrfToken },
      ...(data !== undefined ? { data } : {}),
    });
    return { status: res.status(), body: await res.json().catch(() => null) };
  }

  test('the owner sets up the newsroom, writes an article with a figure and a Read more card, publishes it and finds it on the site', {
    timeout: 120_000,
  }, async () => {
    const page = await newPage();
    await page.goto(`${base}/newsroom/`);
    await page.getByRole('heading', { name: 'Create the owner account' }).waitFor();
    await page.getByLabel('Name').fill('Ana Reyes');
    await page.getByLabel('Email').fill('ana@courier.test');
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create the owner account' }).click();
    await page.getByRole('heading', { name: 'Articles' }).waitFor();

    await page.getByRole('link', { name: 'New article' }).click();
    await page.getByLabel('Headline').fill('Harbour wall repairs finish ahead of winter storms');
    await page.getByLabel('Section').selectOption({ label: 'Harbour' });
    const body = page.locator('.ProseMirror');
    await body.click();
    await page.keyboard.type('Crews laid the last stones on Friday, two weeks early.');

    await page.getByRole('button', { name: 'Insert figure' }).click();
    const figureDialog = page.getByRole('dialog', { name: 'Add a figure' });
    await figureDialog.getByLabel('Upload an image').setInputFiles(figureFile);
    await figureDialog.getByLabel('Alt text').fill('Stone masons on the new harbour wall at low tide');
    await figureDialog.getByLabel('Caption').fill('The repaired wall on Friday');
    await figureDialog.getByLabel('Credit').fill('Courier photo');
    await figureDialog.getByRole('button', { name: 'Add figure' }).click();
    await figureDialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Insert Read more card' }).click();
    const readMore = page.getByRole('dialog', { name: 'Add a Read more card' });
    await readMore.getByLabel('Search published articles').fill('lighthouse');
    await readMore.getByRole('button', { name: 'Lighthouse keeper retires after forty years' }).click();
    await readMore.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/^Saved/).waitFor();
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.locator('.badge--published').first().waitFor();

    const listed = await api(page, 'GET', '/api/admin/articles?q=harbour%20wall');
    assert.equal(listed.status, 200);
    const article = listed.body.items[0];
    assert.equal(article.status, 'published');
    assert.ok(article.url, 'a published article has a reader address');

    // The figure's variants are made by a job (status 'processing' until then); on a busy
    // machine that can take a while, so wait for the job first, then for the page to follow.
    // A failure says which of the two did not happen.
    const library = await api(page, 'GET', '/api/admin/media');
    assert.equal(library.status, 200);
    const uploaded = library.body.items.find((i: { originalName: string }) => i.originalName === 'harbour-wall.png');
    assert.ok(uploaded, 'the uploaded figure is in the media library');
    let image = uploaded;
    for (const until = Date.now() + 90_000; image.status === 'processing' && Date.now() < until; ) {
      await page.waitForTimeout(250);
      image = (await api(page, 'GET', `/api/admin/media/${uploaded.id}`)).body;
    }
    assert.equal(image.status, 'ready', `the figure's sizes were made (error: ${image.error})`);

    const reader = await newPage();
    let shown = false;
    for (const until = Date.now() + 30_000; !shown && Date.now() < until; ) {
      await reader.goto(`${base}${article.url}`);
      shown = (await reader.locator('figure img').count()) > 0;
      if (!shown) await reader.waitForTimeout(300);
    }
    assert.ok(shown, 'the published page shows the figure once its sizes are ready');
    assert.equal(
      await reader.locator('h1').first().textContent(),
      'Harbour wall repairs finish ahead of winter storms',
    );
    await reader.getByText('Crews laid the last stones on Friday, two weeks early.').waitFor();
    const img = reader.locator('figure img').first();
    assert.equal(await img.getAttribute('alt'), 'Stone masons on the new harbour wall at low tide');
    assert.match(
      String(await img.getAttribute('src')),
      /^\/media\/images\//,
      'readers get a variant, not the original',
    );
    assert.match(
      (await reader.locator('figure figcaption').first().textContent()) ?? '',
      /The repaired wall on Friday/,
    );
    const card = reader.getByRole('link', { name: /Lighthouse keeper retires after forty years/ });
    await card.click();
    await reader.waitForURL(/\/harbour\/\d{4}\/\d{2}\/\d{2}\/lighthouse-keeper-retires-after-forty-years$/);
    assert.deepEqual(problems, [], 'no CSP violation or uncaught error');
  });

  test('the owner finds every page working, autosave keeps a draft, and history compares versions', {
    timeout: 120_000,
  }, async () => {
    const page = await newPage();
    // Every Admin API call the app makes must succeed on this walk (the sign-in check aside).
    const failed: string[] = [];
    page.on('response', (res) => {
      const url = new URL(res.url());
      if (url.pathname.startsWith('/api/admin/') && res.status() >= 400 && url.pathname !== '/api/admin/session') {
        failed.push(`${res.request().method()} ${url.pathname} ${res.status()}`);
      }
    });
    await page.goto(`${base}/newsroom/login`);
    await page.getByLabel('Email').fill('ana@courier.test');
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Articles' }).waitFor();

    const nav = page.getByRole('navigation', { name: 'Newsroom' });
    for (const [link, heading] of [
      ['Media', 'Media'],
      ['Sections & tags', 'Sections, tags, authors and stories'],
      ['Staff', 'Staff'],
      ['Settings', 'Settings'],
      ['Outbox', 'Outbox'],
      ['API keys', 'Content API keys'],
      ['Articles', 'Articles'],
    ] as const) {
      await nav.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    }
    await page.getByText('Harbour wall repairs finish ahead of winter storms').waitFor();

    await page.getByRole('link', { name: 'New article' }).click();
    await page.getByLabel('Headline').fill('Autosaved: tide gauge replaced');
    await page.getByLabel('Section').selectOption({ label: 'Harbour' });
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('The old gauge had stood since 1962.');
    // Nobody presses Save: the draft is kept a few seconds after the last change.
    await page.waitForURL(/\/newsroom\/articles\/\d+$/, { timeout: 20_000 });
    await page.getByText(/^Saved/).waitFor({ timeout: 20_000 });
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByLabel('Standfirst').fill('A new gauge reports every minute.');
    await page.waitForFunction(
      async (articleId) => {
        const res = await fetch(`/api/admin/articles/${articleId}`);
        return (await res.json()).standfirst === 'A new gauge reports every minute.';
      },
      id,
      { timeout: 20_000, polling: 500 },
    );

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/^Saved/).waitFor();
    await page.getByText('History', { exact: true }).click();
    await page.getByRole('button', { name: 'Compare version 1 with the current article' }).click();
    const diff = page.getByRole('dialog', { name: 'Version 1 compared with the current article' });
    await diff.waitFor();
    // The legend has an <ins> of its own: wait for the diff itself, which arrives from the server.
    await diff.locator('.diff__text ins').first().waitFor();
    assert.match((await diff.locator('.diff').allTextContents()).join(' '), /A new gauge reports every minute\./);

    assert.deepEqual(failed, [], 'every Admin API call succeeded');
    assert.deepEqual(problems, [], 'no CSP violation or uncaught error');
  });

  test('a moderator works the pending queue with a keyboard shortcut and a bulk action', {
    timeout: 120_000,
  }, async () => {
    const page = await newPage();
    await page.goto(`${base}/newsroom/login`);
    await page.getByLabel('Email').fill('ana@courier.test');
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Articles' }).waitFor();
    // Every comment waits for a moderator, and readers may post quickly in a test.
    const settings = await api(page, 'PATCH', '/api/admin/comment-settings', {
      premoderateAll: true,
      rateLimitSeconds: 0,
      minSubmitSeconds: 0,
    });
    assert.equal(settings.status, 200, JSON.stringify(settings.body));
    const listed = await api(page, 'GET', '/api/admin/articles?q=lighthouse');
    const articleId = listed.body.items[0].id as number;
    for (const name of ['Iris', 'Jago', 'Kensa']) {
      const res = await page.request.post(`${base}/comments`, {
        form: {
          articleId: String(articleId),
          name,
          email: `${name.toLowerCase()}@example.test`,
          body: `${name} remembers the keeper's last night on the light.`,
          renderedAt: String(Date.now() - 60_000),
        },
        headers: { origin: base },
        maxRedirects: 0,
      });
      assert.equal(res.status(), 303, await res.text());
    }

    await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Comments' }).click();
    await page.getByRole('heading', { name: 'Comments', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Pending' }).click();
    await page.getByRole('listitem', { name: 'Comment by Iris' }).waitFor();
    // Keys, not buttons: the focused comment is the one a approves.
    await page.getByRole('listitem', { name: 'Comment by Iris' }).focus();
    await page.keyboard.press('a');
    await page.getByRole('listitem', { name: 'Comment by Iris' }).waitFor({ state: 'detached' });
    await page.getByRole('checkbox', { name: 'Select comment by Jago' }).check();
    await page.getByRole('checkbox', { name: 'Select comment by Kensa' }).check();
    await page.getByRole('button', { name: 'Reject selected' }).click();
    await page.getByRole('listitem', { name: 'Comment by Kensa' }).waitFor({ state: 'detached' });

    const pending = await api(page, 'GET', '/api/admin/comments?queue=pending');
    assert.equal(pending.body.items.length, 0);
    const rejected = await api(page, 'GET', '/api/admin/comments?queue=rejected');
    assert.deepEqual(rejected.body.items.map((i: { commenter: { name: string } }) => i.commenter.name).sort(), [
      'Jago',
      'Kensa',
    ]);
    const reader = await (await page.request.get(`${base}${listed.body.items[0].url}`)).text();
    assert.match(reader, /Iris remembers the keeper/);
    assert.doesNotMatch(reader, /Jago remembers/);
    await api(page, 'PATCH', '/api/admin/comment-settings', { premoderateAll: false });
    assert.deepEqual(problems, [], 'no CSP violation or uncaught error');
  });

  test('a contributor writes and submits for review, but cannot publish', { timeout: 120_000 }, async () => {
    // The owner signs in through the form and invites a contributor.
    const owner = await newPage();
    await owner.goto(`${base}/newsroom/`);
    await owner.getByRole('heading', { name: 'Sign in' }).waitFor();
    await owner.getByLabel('Email').fill('ana@courier.test');
    await owner.getByLabel('Password').fill('not the password');
    await owner.getByRole('button', { name: 'Sign in' }).click();
    await owner
      .getByRole('alert')
      .filter({ hasText: /do not match/ })
      .waitFor();
    await owner.getByLabel('Password').fill('a long enough password');
    await owner.getByRole('button', { name: 'Sign in' }).click();
    await owner.getByRole('heading', { name: 'Articles' }).waitFor();
    const invited = await api(owner, 'POST', '/api/admin/staff', {
      email: 'cai@courier.test',
      name: 'Cai',
      role: 'contributor',
    });
    assert.equal(invited.status, 201);
    const outbox = await api(owner, 'GET', '/api/admin/outbox');
    const mail = outbox.body.items.find((m: { to: string }) => m.to === 'cai@courier.test');
    const link = /https?:\/\/\S+\/newsroom\/invite\/\S+/.exec(mail.text)?.[0];
    assert.ok(link, 'the invitation holds a link');

    const page = await newPage();
    await page.goto(`${base}${new URL(link).pathname}`);
    await page.getByLabel('Name').fill('Cai Morgan');
    await page.getByLabel('New password', { exact: true }).fill('contributor password');
    await page.getByLabel('Repeat the new password').fill('contributor password');
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.getByRole('heading', { name: 'Articles' }).waitFor();

    await page.getByRole('link', { name: 'New article' }).click();
    await page.getByLabel('Headline').fill('Market stalls return to the quay');
    await page.getByLabel('Section').selectOption({ label: 'Harbour' });
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('Twelve stalls opened on Saturday morning.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByText(/^Saved/)
      .waitFor()
      .catch(async (error) => {
        await page.screenshot({ path: path.join(os.tmpdir(), 'newsroom-contributor.png'), fullPage: true });
        const alerts = await page.getByRole('alert').allTextContents();
        throw new Error(`not saved; alerts: ${alerts.join(' | ')}`, { cause: error });
      });

    assert.equal(await page.getByRole('button', { name: 'Publish now' }).count(), 0, 'no Publish button');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.locator('.badge--in_review').first().waitFor();

    const mine = await api(page, 'GET', '/api/admin/articles');
    const id = mine.body.items[0].id;
    const forced = await api(page, 'PUT', `/api/admin/articles/${id}/publication`);
    assert.equal(forced.status, 403, 'the server refuses even without the button');
    assert.equal(forced.body.error.code, 'forbidden');
    assert.equal((await page.request.get(`${base}/harbour`)).status(), 200);
    assert.deepEqual(problems, [], 'no CSP violation or uncaught error');
  });
});
