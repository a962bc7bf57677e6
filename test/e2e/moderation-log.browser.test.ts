import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { closeServices, createServices } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { testPassword } from '../helpers/admin.js';
import { describeInChromium, launchChromium, watchContext } from '../helpers/browser.js';
import { paragraphs } from '../helpers/factories.js';
import { freePort, projectRoot, type ServerProcess, spawnServer } from '../helpers/server-process.js';

/**
 * The site-wide moderation log in the newsroom: a moderator's decision shows with their
 * name, the action and their reason; the pipeline's decisions show as the automatic filter;
 * filters narrow it and "Load more" reaches older decisions.
 */

describeInChromium('moderation log in Chromium', () => {
  let dir: string;
  let server: ServerProcess;
  let browser: Browser;
  let base: string;
  let heldId: number;
  const problems: string[] = [];

  before(
    async () => {
      // The app is served from its build; `npm test` builds it first, this covers a lone run.
      const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-admin.ts'], {
        cwd: projectRoot,
        encoding: 'utf8',
      });
      assert.equal(built.status, 0, built.stderr);

      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-modlog-e2e-'));
      const env = {
        DATABASE_URL: path.join(dir, 'newsroom.db'),
        NEWSDESK_MEDIA_DIR: path.join(dir, 'media'),
        NEWSDESK_SEED_DEMO: 'false',
        NEWSDESK_LOG_LEVEL: 'warn',
        NEWSDESK_JOBS: 'false',
      };
      const services = await createServices(loadConfig(env));
      await services.staff.createOwner({ name: 'Ana Reyes', email: 'ana@courier.test', password: testPassword });
      await services.staff.createStaff({
        email: 'mo@courier.test',
        name: 'Mo Derator',
        role: 'moderator',
        password: testPassword,
      });
      const section = await services.taxonomy.createSection({ slug: 'harbour', name: 'Harbour' });
      const article = await services.articles.createArticle({
        headline: 'Ferry timetable cut for the winter',
        sectionId: section.id,
        body: paragraphs('Two crossings a day will go from December.'),
      });
      await services.articles.publishArticle(article.id);
      const { comments } = services;
      // Older history first, enough for more than one page of the log (50 a page).
      await comments.settings.update({ newCommenterApprovals: 0, rateLimitSeconds: 0, minSubmitSeconds: 0 });
      for (let i = 1; i <= 55; i++) {
        await comments.submitComment({
          articleId: article.id,
          commenter: { kind: 'guest', name: `Regular ${i}`, email: `regular${i}@example.test` },
          body: `Crossing number ${i} was on time today.`,
          ip: `10.0.0.${i}`,
        });
      }
      // The pipeline decides twice: a banned word rejects, a new commenter's first comment waits.
      await comments.settings.update({ newCommenterApprovals: 1, bannedWords: ['turnip'] });
      await comments.submitComment({
        articleId: article.id,
        commenter: { kind: 'guest', name: 'Tam Shouty', email: 'tam@example.test' },
        body: 'Whoever planned this is a turnip.',
        ip: '10.0.1.1',
      });
      const held = await comments.submitComment({
        articleId: article.id,
        commenter: { kind: 'guest', name: 'Wren Pascoe', email: 'wren@example.test' },
        body: 'The captain of the morning boat was rude to my grandmother and should be sacked.',
        ip: '10.0.1.2',
      });
      assert.equal(held.status, 'pending');
      heldId = held.id;
      await closeServices(services);

      const port = await freePort();
      server = spawnServer({ ...env, PORT: String(port), HOST: '127.0.0.1' });
      const line = await server.waitForLine('Newsdesk is listening at', 60_000);
      base = line.slice(line.indexOf('http://')).trim();
      browser = await launchChromium();
    },
    { timeout: 180_000 },
  );

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    await watchContext(context, problems);
    const page = await context.newPage();
    await page.goto(`${base}/newsroom/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(testPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
    return page;
  }

  /** The rows of the log table, as the text a moderator reads. */
  const rows = (page: Page) => page.locator('table.moderation-log tbody tr');
  const rowWith = (page: Page, text: string) => rows(page).filter({ hasText: text });

  test('a moderator rejects a comment and finds the decision, with their name and reason, beside the automatic ones', {
    timeout: 120_000,
  }, async () => {
    const page = await signIn('mo@courier.test');
    const session = await (await page.request.get(`${base}/api/admin/session`)).json();
    const decided = await page.request.post(`${base}/api/admin/comments/${heldId}/decisions`, {
      headers: { 'x-csrf-token': session.csrfToken },
      data: { action: 'reject', reason: 'Personal attack on a crew member' },
    });
    assert.equal(decided.status(), 200, await decided.text());

    await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Moderation log' }).click();
    await page.getByRole('heading', { name: 'Moderation log', level: 1 }).waitFor();

    // Newest first: the moderator's rejection heads the log.
    const mine = rows(page).first();
    await mine.waitFor();
    const text = (await mine.textContent()) ?? '';
    assert.match(text, /Mo Derator/);
    assert.match(text, /Rejected/);
    assert.match(text, /Personal attack on a crew member/);
    assert.match(text, /The captain of the morning boat/, 'the comment, as an excerpt');
    assert.match(text, /Wren Pascoe/, 'the commenter');

    // The same comment's earlier hold, and the banned word, were the pipeline's.
    const hold = rowWith(page, 'new commenter');
    assert.match((await hold.textContent()) ?? '', /Automatic filter.*Held for a moderator/);
    const banned = rowWith(page, 'banned word: turnip');
    assert.match((await banned.textContent()) ?? '', /Automatic filter.*Rejected/);
    assert.match((await banned.textContent()) ?? '', /Tam Shouty/);

    // Older decisions are one "Load more" away.
    assert.equal(await rows(page).count(), 50);
    assert.equal(await rowWith(page, 'Crossing number 1 was on time').count(), 0);
    await page.getByRole('button', { name: 'Load more' }).click();
    await rowWith(page, 'Crossing number 1 was on time').waitFor();
    assert.equal(await rows(page).count(), 58);
    assert.equal(await page.getByRole('button', { name: 'Load more' }).count(), 0, 'nothing older');

    // Only the automatic decisions: the moderator's row goes.
    await page.getByLabel('Decided by').selectOption({ label: 'Automatic (no moderator)' });
    await rowWith(page, 'Personal attack on a crew member').waitFor({ state: 'detached' });
    await rowWith(page, 'banned word: turnip').waitFor();
    // Only what this moderator rejected: one row.
    await page.getByLabel('Action').selectOption({ label: 'Rejected' });
    await page.getByLabel('Decided by').selectOption({ label: 'Mo Derator (you)' });
    await rowWith(page, 'Personal attack on a crew member').waitFor();
    await rowWith(page, 'banned word: turnip').waitFor({ state: 'detached' });
    assert.equal(await rows(page).count(), 1);
    assert.match(new URL(page.url()).search, /action=reject/, 'the filters are in the address');

    // The comment is one click from its queue.
    await rowWith(page, 'Personal attack on a crew member')
      .getByRole('link', { name: /In the Rejected queue/ })
      .click();
    await page.getByRole('heading', { name: 'Comments', level: 1 }).waitFor();
    assert.equal(await page.getByRole('tab', { name: 'Rejected' }).getAttribute('aria-selected'), 'true');
    await page.getByRole('listitem', { name: 'Comment by Wren Pascoe' }).waitFor();
    const active = page.locator('.mod-item[aria-current="true"]');
    await active.filter({ hasText: 'The captain of the morning boat' }).waitFor();

    // A comment further down its queue than the first page (50): the queue reads on until
    // it finds it, and that row is the active one, in focus, ready for a shortcut.
    await page.goto(`${base}/newsroom/moderation-log`);
    await page.getByRole('button', { name: 'Load more' }).click();
    await rowWith(page, 'Crossing number 1 was on time')
      .getByRole('link', { name: /In the Recent queue/ })
      .click();
    assert.equal(await page.getByRole('tab', { name: 'Recent' }).getAttribute('aria-selected'), 'true');
    await active.filter({ hasText: 'Crossing number 1 was on time' }).waitFor();
    assert.equal(await active.evaluate((el) => el === document.activeElement), true, 'the row has the focus');
    assert.ok((await page.locator('.mod-item').count()) > 50, 'a second page was read to find it');

    assert.deepEqual(problems, [], 'no CSP violation or uncaught error');
  });
});
