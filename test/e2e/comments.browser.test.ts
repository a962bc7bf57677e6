import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { closeServices, createServices } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { describeInChromium, launchChromium } from '../helpers/browser.js';
import { paragraphs } from '../helpers/factories.js';
import { freePort, type ServerProcess, spawnServer } from '../helpers/server-process.js';
import { xssVectors } from '../helpers/xss-vectors.js';

/**
 * Reader comments in a real browser: the form works with JavaScript off, and a long list
 * of known XSS vectors posted as comments never runs (no dialog, no script element, no
 * handler attribute reaches the DOM) when the page is read with JavaScript on.
 */

describeInChromium('comments in Chromium', () => {
  let dir: string;
  let server: ServerProcess;
  let browser: Browser;
  let base: string;
  let articlePath: string;
  let articleId: number;
  const contexts: BrowserContext[] = [];

  before(
    async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-comments-e2e-'));
      const env = {
        DATABASE_URL: path.join(dir, 'comments.db'),
        NEWSDESK_MEDIA_DIR: path.join(dir, 'media'),
        NEWSDESK_SEED_DEMO: 'false',
        NEWSDESK_LOG_LEVEL: 'warn',
      };
      const services = await createServices(loadConfig(env));
      const section = await services.taxonomy.createSection({ slug: 'harbour', name: 'Harbour' });
      const article = await services.articles.createArticle({
        headline: 'Harbour lights switched to LEDs',
        sectionId: section.id,
        body: paragraphs('The old bulbs were replaced over the weekend.'),
      });
      await services.articles.publishArticle(article.id);
      articleId = article.id;
      // Many posts from one test address in seconds: the rate limit and trust rules stand aside here.
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
      articlePath = href;
      await page.context().close();
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

  test('with JavaScript off, a reader posts a comment through the plain form and finds it on the page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${base}${articlePath}`);
    await page.getByText('What are your views on this? Share them in the comments below.').waitFor();
    await page.getByRole('button', { name: 'Post comment' }).click();
    // An empty comment comes back with its error beside the field and announced.
    await page.getByRole('alert').first().waitFor();
    assert.equal(await page.getByLabel('Comment', { exact: true }).getAttribute('aria-invalid'), 'true');

    await page.getByLabel('Name').fill('Morwenna');
    await page.getByLabel('Email', { exact: true }).fill('morwenna@example.test');
    await page.getByLabel('Comment', { exact: true }).fill('The new lights are **much** brighter from the pier.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.waitForURL(/\/comments\/\d+\/received\/\d+/);
    await page
      .getByRole('link', { name: /Back to the story/ })
      .last()
      .click();
    await page.waitForURL(/\?comment=\d+#comment-\d+$/);
    await page.getByText('The new lights are much brighter from the pier.').waitFor();
    assert.equal(await page.locator('#comments .comment__body strong').first().textContent(), 'much');
    assert.equal(
      await page
        .locator('body')
        .textContent()
        .then((t) => t?.includes('morwenna@example.test')),
      false,
    );
  });

  test(`${xssVectors.length} XSS vectors posted as comments never run in the browser`, {
    timeout: 120_000,
  }, async () => {
    assert.ok(xssVectors.length >= 50);
    for (const [i, vector] of xssVectors.entries()) {
      const res = await fetch(`${base}/comments`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
        body: new URLSearchParams({
          articleId: String(articleId),
          name: `Tester ${i} ${vector.slice(0, 40)}`,
          email: `tester${i}@example.test`,
          body: `Vector ${i}: ${vector}`,
          renderedAt: String(Date.now() - 60_000),
        }),
      });
      assert.ok([303, 422].includes(res.status), `vector ${i} answered ${res.status}`);
    }

    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const ran: string[] = [];
    await context.exposeBinding('__xssRan', (_source, what: string) => {
      ran.push(what);
    });
    // Many vectors call alert(); any call, or any dialog, means a script ran.
    await context.addInitScript(() => {
      const report = (window as unknown as { __xssRan(what: string): void }).__xssRan;
      for (const name of ['alert', 'confirm', 'prompt'] as const) {
        (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) =>
          report(`${name}(${args.join(',')})`);
      }
    });
    const page = await context.newPage();
    page.on('dialog', async (dialog) => {
      ran.push(`dialog: ${dialog.message()}`);
      await dialog.dismiss();
    });

    // Every page of the thread, following "Load more comments".
    let url: string | null = `${base}${articlePath}`;
    let pages = 0;
    let seenVectors = 0;
    while (url && pages < 20) {
      await page.goto(url);
      await page.waitForTimeout(200);
      const found = await page.evaluate(() => {
        const section = document.querySelector('#comments');
        if (!section) return { scripts: -1, handlers: [] as string[], vectors: 0, more: null as string | null };
        const handlers: string[] = [];
        for (const el of Array.from(section.querySelectorAll('*'))) {
          for (const attr of el.getAttributeNames()) {
            if (attr.toLowerCase().startsWith('on')) handlers.push(`${el.tagName}[${attr}]`);
            const value = el.getAttribute(attr) ?? '';
            if (/^\s*(javascript|data|vbscript):/i.test(value)) handlers.push(`${el.tagName}[${attr}=${value}]`);
          }
        }
        const scripts = section.querySelectorAll(
          'script, iframe, object, embed, svg, math, style, img, form form',
        ).length;
        const vectors = Array.from(section.querySelectorAll('article')).filter((a) =>
          /Vector \d+:/.test(a.textContent ?? ''),
        ).length;
        const more = section.querySelector('.comments__more a')?.getAttribute('href') ?? null;
        return { scripts, handlers, vectors, more };
      });
      assert.equal(found.scripts, 0, `no active element in the comments on ${url}`);
      assert.deepEqual(found.handlers, [], `no handler attribute on ${url}`);
      seenVectors += found.vectors;
      url = found.more ? new URL(found.more, base).href : null;
      pages++;
    }
    assert.ok(seenVectors >= 40, `the vectors were posted and shown as text (${seenVectors} seen)`);
    assert.deepEqual(ran, [], 'no script ran');
  });
});
