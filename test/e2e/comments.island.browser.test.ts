import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildIsland } from '../../scripts/build-island.js';
import { closeServices, createServices } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { describeInChromium, launchChromium } from '../helpers/browser.js';
import { paragraphs } from '../helpers/factories.js';
import { freePort, type ServerProcess, spawnServer } from '../helpers/server-process.js';

/**
 * The comments island in a real browser, under the reader pages' strict CSP: posting and
 * replying without a page load, and live "new comments" that wait for the reader's press.
 * Every page is watched for console errors and CSP violations; there must be none.
 */

interface Watched {
  page: Page;
  problems: string[];
}

describeInChromium('the comments island in Chromium', () => {
  let dir: string;
  let server: ServerProcess;
  let browser: Browser;
  let base: string;
  let articleUrl: string;
  const contexts: BrowserContext[] = [];
  const watched: Watched[] = [];

  before(
    async () => {
      // `npm test` builds it first; built here too when this file runs alone.
      await buildIsland();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-island-e2e-'));
      const env = {
        DATABASE_URL: path.join(dir, 'island.db'),
        NEWSDESK_MEDIA_DIR: path.join(dir, 'media'),
        NEWSDESK_SEED_DEMO: 'false',
        NEWSDESK_LOG_LEVEL: 'warn',
      };
      const services = await createServices(loadConfig(env));
      const section = await services.taxonomy.createSection({ slug: 'coast', name: 'Coast' });
      const article = await services.articles.createArticle({
        headline: 'Ferry timetable changes for the winter',
        sectionId: section.id,
        body: paragraphs('Fewer crossings from November, the operator says.'),
      });
      await services.articles.publishArticle(article.id);
      // Several posts from one test address in seconds: the rate limit and trust rules stand aside.
      await services.comments.settings.update({ rateLimitSeconds: 0, newCommenterApprovals: 0, minSubmitSeconds: 0 });
      await closeServices(services);

      const port = await freePort();
      server = spawnServer({ ...env, PORT: String(port), HOST: '127.0.0.1' });
      const line = await server.waitForLine('Newsdesk is listening at', 60_000);
      base = line.slice(line.indexOf('http://')).trim();
      browser = await launchChromium();
      const page = await (await browser.newContext()).newPage();
      await page.goto(base);
      const href = await page.locator('.card__headline a').first().getAttribute('href');
      assert.ok(href);
      articleUrl = `${base}${href}`;
      await page.context().close();
    },
    { timeout: 120_000 },
  );

  afterEach(async () => {
    for (const w of watched.splice(0)) assert.deepEqual(w.problems, [], 'no console errors or CSP violations');
    for (const context of contexts.splice(0)) await context.close();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A reader's page with the island running, watched for errors and CSP violations. */
  async function readerPage(): Promise<Page> {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const problems: string[] = [];
    await context.exposeBinding('__cspViolation', (_source, what: string) => {
      problems.push(`CSP: ${what}`);
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __cspViolation(what: string): void }).__cspViolation(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      );
      // Marks the document: a page load would lose it.
      const marks = window as unknown as { __sameDocument: boolean; __liveOpen: boolean };
      marks.__sameDocument = true;
      marks.__liveOpen = false;
      // Tells the test when the live stream is connected, so it posts only after that.
      const Native = window.EventSource;
      window.EventSource = class extends Native {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          this.addEventListener('open', () => {
            marks.__liveOpen = true;
          });
        }
      };
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    watched.push({ page, problems });
    await page.goto(articleUrl);
    // The island marks the form it has taken over.
    await page.locator('#comment-form .comment-form__status').waitFor({ state: 'attached' });
    return page;
  }

  const stillSameDocument = (page: Page) =>
    page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
  const commentTexts = (page: Page) => page.locator('#comments .comments__list .comment__body').allTextContents();

  test('a reader posts a comment and a reply without the page reloading', async () => {
    const page = await readerPage();
    const src = await page.locator('script#comments-island').getAttribute('src');
    assert.match(String(src), /^\/assets\/comments-island\.[0-9a-f]{12}\.js$/);

    // A mistake first: the errors are linked to the field and announced, and nothing is sent.
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.locator('#comment-form [role="alert"]').waitFor();
    const comment = page.locator('#comment-form').getByLabel('Comment', { exact: true });
    assert.equal(await comment.getAttribute('aria-invalid'), 'true');
    assert.match(String(await comment.getAttribute('aria-describedby')), /comment-body-error/);
    assert.match(String(await page.locator('#comment-body-error').textContent()), /Write your comment/);

    await page.getByLabel('Name', { exact: true }).fill('Morwenna');
    await page.getByLabel('Email', { exact: true }).fill('morwenna@example.test');
    await comment.fill('The winter timetable leaves **no** evening crossing.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    const posted = page.locator('#comments .comments__list > li > article', { hasText: 'leaves no evening crossing' });
    await posted.waitFor();
    assert.equal(await stillSameDocument(page), true, 'posted without a page load');
    assert.equal(await posted.locator('.comment__body strong').textContent(), 'no');
    assert.equal(await page.locator('#comment-form [aria-invalid]').count(), 0, 'the old errors are gone');
    assert.equal(await comment.inputValue(), '', 'the form is ready for another comment');
    assert.equal(await page.locator('.comments__count').textContent(), '1 comment');
    const postedId = await posted.getAttribute('id');
    assert.equal(await page.evaluate(() => document.activeElement?.id), postedId, 'focus moves to the new comment');

    // A reply, in a form opened under the comment, with the name and email already there.
    await posted.getByRole('link', { name: /Reply/ }).click();
    const replyForm = page.locator(`#reply-form-${postedId?.replace('comment-', '')}`);
    await replyForm.waitFor();
    assert.equal(await replyForm.getByLabel('Name', { exact: true }).inputValue(), 'Morwenna');
    const replyBody = replyForm.getByLabel('Comment', { exact: true });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'body');
    await replyBody.fill('And the first morning boat leaves later too.');
    await replyForm.getByRole('button', { name: 'Post reply' }).click();
    const reply = page.locator(`#comments li:has(> #${postedId}) > .comments__replies article`, {
      hasText: 'first morning boat',
    });
    await reply.waitFor();
    assert.equal(await replyForm.count(), 0, 'the reply form closes');
    assert.equal(await stillSameDocument(page), true);
    assert.equal(await page.locator('.comments__count').textContent(), '2 comments');
  });

  test('another reader’s comment shows as "1 new comment — show it", and the thread waits until it is pressed', async () => {
    const reader = await readerPage();
    await reader.waitForFunction(() => (window as unknown as { __liveOpen: boolean }).__liveOpen);
    const before = await commentTexts(reader);

    const other = await readerPage();
    await other.getByLabel('Name', { exact: true }).fill('Petroc');
    await other.getByLabel('Email', { exact: true }).fill('petroc@example.test');
    await other.getByLabel('Comment', { exact: true }).fill('The harbour café will open for the late boat.');
    await other.getByRole('button', { name: 'Post comment' }).click();
    await other.locator('.comment__body', { hasText: 'harbour café' }).waitFor();

    const show = reader.getByRole('button', { name: '1 new comment — show it' });
    await show.waitFor();
    assert.deepEqual(await commentTexts(reader), before, 'nothing moved under the reader');
    assert.equal(await reader.locator('.comment__body', { hasText: 'harbour café' }).count(), 0);
    await show.click();
    const arrived = reader.locator('#comments .comments__list article', { hasText: 'harbour café' });
    await arrived.waitFor();
    assert.equal(await reader.evaluate(() => document.activeElement?.id), await arrived.getAttribute('id'));
    assert.equal(await show.count(), 0, 'the button goes once pressed');
    assert.equal(await stillSameDocument(reader), true);

    // Two more before the reader looks: one button for both.
    for (const text of ['Buses will meet the late boat.', 'The café takes cards now.']) {
      await other.getByLabel('Comment', { exact: true }).fill(text);
      await other.getByRole('button', { name: 'Post comment' }).click();
      await other.locator('.comment__body', { hasText: text }).waitFor();
    }
    const showBoth = reader.getByRole('button', { name: '2 new comments — show them' });
    await showBoth.waitFor();
    assert.equal(await reader.locator('.comment__body', { hasText: 'Buses will meet' }).count(), 0);
    await showBoth.click();
    await reader.locator('.comment__body', { hasText: 'The café takes cards now.' }).waitFor();
    await reader.locator('.comment__body', { hasText: 'Buses will meet the late boat.' }).waitFor();
  });
});
