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
import { type FeedServer, startFeedServer } from '../helpers/feed-server.js';
import { freePort, projectRoot, type ServerProcess, spawnServer } from '../helpers/server-process.js';
import { addVersion, makeItem, makeSource } from '../helpers/wire.js';

/**
 * The wire desk in a real browser against the real server and a local agency feed: the
 * owner adds the agency in the Sources page, polls it, reads the item in the inbox, adopts
 * it with the keyboard, adds a paragraph in the editor and publishes; the reader page then
 * credits "<agency> with additional input by <desk>" and names the original in its JSON-LD.
 * No API call fails and nothing reaches the console on the way.
 */

const agency = 'Harbour Press Agency';
const desk = 'Courier News Desk';
const cranes = 'Saltmere harbour cranes back in service after storm damage';
const cranesOriginal = 'https://wire.harbourpress.example/2026/11/28/saltmere-cranes';
const deskParagraph = 'Courier reporters at the quay counted eleven ships waiting to berth on Saturday morning.';

describeInChromium('wire desk in Chromium', () => {
  let dir: string;
  let server: ServerProcess;
  let feeds: FeedServer;
  let browser: Browser;
  let base: string;
  let env: Record<string, string>;
  let ownerId: number;
  const problems: string[] = [];

  before(
    async () => {
      // The app is served from its build; `npm test` builds it first, this covers a lone run.
      const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-admin.ts'], {
        cwd: projectRoot,
        encoding: 'utf8',
      });
      assert.equal(built.status, 0, built.stderr);

      feeds = await startFeedServer();
      feeds.serveFixture('/hpa/top.rss', 'harbour-rss.xml', { etag: '"hpa-1"' });
      feeds.serveFixture('/news/ferry', 'article-page.html');

      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-wire-e2e-'));
      env = {
        DATABASE_URL: path.join(dir, 'newsroom.db'),
        NEWSDESK_MEDIA_DIR: path.join(dir, 'media'),
        NEWSDESK_SEED_DEMO: 'false',
        NEWSDESK_LOG_LEVEL: 'warn',
        // Polls happen when the desk asks ("Poll now"), not behind the test's back.
        NEWSDESK_JOBS: 'false',
        // The feed server is on this machine's loopback, which the SSRF guard refuses otherwise.
        NEWSDESK_WIRE_ALLOW_HOSTS: '127.0.0.1',
      };
      const services = await createServices(loadConfig(env));
      ownerId = (
        await services.staff.createOwner({ name: 'Ana Reyes', email: 'ana@courier.test', password: testPassword })
      ).staff.id;
      await services.taxonomy.createSection({ slug: 'harbour', name: 'Harbour' });
      await services.settings.update({ deskName: desk });
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
    await feeds?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Signs the owner in, then records every failed API call, console error, exception and CSP report. */
  async function signIn(): Promise<Page> {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    await watchContext(context, problems);
    const page = await context.newPage();
    await page.goto(`${base}/newsroom/login`);
    await page.getByLabel('Email').fill('ana@courier.test');
    await page.getByLabel('Password').fill(testPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
    // Before signing in, the app's "who am I?" is answered 401 by design; from here on nothing may fail.
    page.on('response', (response) => {
      if (response.url().includes('/api/') && response.status() >= 400) {
        problems.push(`${response.request().method()} ${response.url()} answered ${response.status()}`);
      }
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    return page;
  }

  test('the owner adds an agency, polls it, works the inbox by keyboard, adopts a story, adds to it and publishes it with the credit', {
    timeout: 120_000,
  }, async () => {
    const page = await signIn();
    const nav = page.getByRole('navigation', { name: 'Newsroom' });

    // The inbox starts empty, and leads to the sources.
    await nav.getByRole('link', { name: 'Wire' }).click();
    await page.getByRole('heading', { name: 'Wire', level: 1 }).waitFor();
    await page.getByText('Nothing waiting').waitFor();
    await page.getByRole('link', { name: 'Wire sources' }).click();
    await page.getByRole('heading', { name: 'Wire sources', level: 1 }).waitFor();

    // Every field of a source, with the credit line shown as it will read.
    await page.getByRole('button', { name: 'Add a source' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a wire source' });
    await dialog.getByLabel('Name').fill(agency);
    await dialog.getByLabel('Feed address').fill(feeds.url('/hpa/top.rss'));
    await dialog.getByLabel('Format').selectOption('rss');
    await dialog.getByLabel('Poll every (minutes)').fill('15');
    await dialog.getByLabel('Default section').selectOption({ label: 'Harbour' });
    await dialog.getByLabel('Usage terms').fill('Web use only. No resale, no archive beyond 30 days.');
    await dialog.getByLabel('Copyright notice').fill('© 2026 Harbour Press Agency');
    await dialog.getByLabel('Keep it out of Google News').check();
    await dialog.getByText(`${agency} with additional input by ${desk}`).waitFor();
    await dialog.getByRole('button', { name: 'Add source' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row').filter({ hasText: agency });
    await row.getByText('Never').waitFor();
    await page.getByRole('button', { name: `Poll now: ${agency}` }).click();
    await row.getByRole('status').getByText('Read the feed: 2 new, 0 updated, 0 unchanged, 0 duplicates.').waitFor();
    assert.match((await row.textContent()) ?? '', /2 items/);

    // The inbox, newest first: the tram story (with its problems) above the cranes.
    await nav.getByRole('link', { name: 'Wire' }).click();
    await page.getByRole('heading', { name: 'Wire', level: 1 }).waitFor();
    const rows = page.locator('.wire-list > li');
    await rows.first().waitFor();
    assert.deepEqual(
      (await page.locator('.wire-row__headline').allTextContents()).map((t) => t.trim()),
      ['Eastvale council approves tram line & new depot', cranes],
    );
    await page.getByRole('button', { name: 'Eastvale council approves tram line & new depot' }).click();
    const preview = page.locator('.wire-preview');
    await preview.getByRole('heading', { name: 'Eastvale council approves tram line & new depot', level: 2 }).waitFor();
    await preview.getByText('Problems with this item as received').waitFor();
    assert.doesNotMatch(
      (await preview.innerHTML()) ?? '',
      /<script|onclick|javascript:/i,
      'agency script never reaches the page',
    );

    // j and k move through the list; i sets the tram story aside, and the cranes take its place.
    await page.keyboard.press('j');
    await preview.getByRole('heading', { name: cranes, level: 2 }).waitFor();
    await page.keyboard.press('k');
    await preview.getByRole('heading', { name: 'Eastvale council approves tram line & new depot', level: 2 }).waitFor();
    await page.keyboard.press('i');
    await page.getByRole('status').getByText('Ignored: Eastvale council approves tram line & new depot').waitFor();
    await preview.getByRole('heading', { name: cranes, level: 2 }).waitFor();
    assert.deepEqual(
      (await page.locator('.wire-row__headline').allTextContents()).map((t) => t.trim()),
      [cranes],
      'the inbox shows what is still waiting',
    );

    // The cranes in full, with the agency's terms; a adopts it into a draft in the source's section.
    await preview.getByText('Web use only. No resale, no archive beyond 30 days.').first().waitFor();
    await preview.getByText(/SALTMERE \(HPA\) — Two container cranes/).waitFor();
    assert.equal(
      await preview.getByLabel('File the draft in').inputValue(),
      String(await sectionIdOf(page, 'Harbour')),
    );
    await page.keyboard.press('a');

    // The editor opens on the draft, with its provenance and the agency's credit.
    await page.waitForURL(/\/newsroom\/articles\/\d+$/);
    assert.equal(await page.getByLabel('Headline').inputValue(), cranes);
    const wirePanel = page.getByRole('region', { name: 'Wire copy' });
    const creditLine = wirePanel.locator('.wire-panel__credit q');
    await creditLine.waitFor();
    assert.equal(await creditLine.textContent(), agency);
    await wirePanel.getByText('Nothing yet: the text is the agency’s, as received.').waitFor();
    await wirePanel.getByRole('link', { name: cranes }).waitFor();
    assert.equal(await wirePanel.getByRole('link', { name: cranes }).getAttribute('href'), cranesOriginal);

    // The desk adds a paragraph of its own, saves, and the credit says so.
    // The agency's text is in the editor, ready to be added to.
    const body = page.locator('.ProseMirror');
    await body.getByText(/^SALTMERE \(HPA\) — Two container cranes/).waitFor();
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(deskParagraph);
    await wirePanel.getByLabel('Show readers what the desk added').check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/^Saved/).waitFor();
    const credit = `${agency} with additional input by ${desk}`;
    await creditLine.getByText(credit, { exact: true }).waitFor();
    // Added, and nothing of the agency's taken away.
    await wirePanel.getByText('1 paragraph added.', { exact: true }).waitFor();
    assert.deepEqual(
      await wirePanel.getByRole('list', { name: 'Paragraphs the desk wrote' }).getByRole('listitem').allTextContents(),
      [deskParagraph],
    );

    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.locator('.editor-bar .badge--published').waitFor();
    const readerPath = await page.getByRole('link', { name: 'View the article' }).getAttribute('href');
    assert.ok(readerPath, 'the published article links to its page');

    // The reader page: the credit line in sight, the original named in the metadata.
    const reader = await page.context().newPage();
    reader.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error on ${reader.url()}: ${message.text()}`);
    });
    const answer = await reader.goto(new URL(readerPath, base).href);
    assert.equal(answer?.status(), 200);
    assert.equal((await reader.locator('.article__credit').textContent())?.trim(), credit);
    await reader
      .locator('.article__body')
      .getByText(/^SALTMERE \(HPA\) — Two container cranes/)
      .waitFor();
    await reader.locator('.article__body').getByText(deskParagraph).waitFor();
    await reader.getByRole('heading', { name: 'What our desk added' }).waitFor();
    const jsonLd = (await reader.locator('script[type="application/ld+json"]').allTextContents()).map(
      (text) => JSON.parse(text) as unknown,
    );
    const graph = jsonLd.flatMap((d) => {
      const doc = d as { '@graph'?: unknown[] };
      return Array.isArray(doc['@graph']) ? doc['@graph'] : [d];
    }) as Record<string, unknown>[];
    const news = graph.find((node) => node.isBasedOn !== undefined);
    assert.ok(news, `JSON-LD carries isBasedOn: ${JSON.stringify(jsonLd)}`);
    assert.equal(news.isBasedOn, cranesOriginal);
    assert.equal(news.creditText, credit);

    // Back in the inbox, the story is no longer waiting.
    await page.goto(`${base}/newsroom/wire?status=adopted`);
    await page.getByRole('button', { name: cranes }).waitFor();

    assert.deepEqual(problems, [], 'no failed API call, console error, exception or CSP violation');
  });

  test('a web article added from its address opens in the inbox, credited to its site', {
    timeout: 60_000,
  }, async () => {
    const page = await signIn();
    await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Wire' }).click();
    await page.getByRole('heading', { name: 'Wire', level: 1 }).waitFor();
    await page.getByLabel('Add a web article from its address').fill(feeds.url('/news/ferry'));
    await page.getByRole('button', { name: 'Add from URL' }).click();

    const preview = page.locator('.wire-preview');
    await preview.getByRole('heading', { name: 'Island ferry back on timetable after storm', level: 2 }).waitFor();
    const row = page.locator('.wire-row', { hasText: 'Island ferry back on timetable after storm' });
    await row.getByText('From a web page').waitFor();
    assert.equal(await row.getAttribute('aria-current'), 'true', 'the new item is the one shown');
    assert.deepEqual(problems, [], 'no failed API call, console error, exception or CSP violation');
  });

  test('an agency update to copy the desk changed waits on the Wire page, beside its article, until someone deals with it', {
    timeout: 120_000,
  }, async () => {
    // Behind the scenes, as the desk and the agency would have it: adopted, changed, published,
    // then the agency sends a new version and the lifecycle job raises the alert.
    const headline = 'Lock gates jammed: ferries use the outer berth';
    const services = await createServices(loadConfig(env));
    try {
      const harbour = await services.db.kysely
        .selectFrom('sections')
        .select('id')
        .where('slug', '=', 'harbour')
        .executeTakeFirstOrThrow();
      const source = await makeSource(services, { name: 'Saltmere Wire', defaultSectionId: harbour.id });
      const item = await makeItem(services, {
        source,
        headline: 'Lock gates jammed at the inner harbour',
        bodyHtml: '<p>The gates stuck open at high tide.</p>',
        url: 'https://saltmere-wire.example/lock-gates',
      });
      const { article } = await services.wireDesk.adopt({ itemIds: [item.id] }, { id: ownerId, role: 'owner' });
      await services.articles.updateArticle(article.id, { headline });
      await services.articles.publishArticle(article.id);
      await addVersion(services, item.id, { bodyHtml: '<p>The gates stuck open at high tide on Sunday.</p>' });
      await services.jobs.runDue();
    } finally {
      await closeServices(services);
    }

    const page = await signIn();
    await page.goto(`${base}/newsroom/wire`);
    const box = page.getByRole('region', { name: 'Agency changes to deal with (1)' });
    await box.waitFor();
    await box.getByText('Agency update', { exact: true }).waitFor();
    await box.getByText(/Saltmere Wire updated this story \(version 2\)/).waitFor();

    // The article is one click away, and its editor shows the same alert with the diff.
    await box.getByRole('link', { name: headline }).click();
    await page.getByLabel('Headline').waitFor();
    assert.equal(await page.getByLabel('Headline').inputValue(), headline);
    await page.getByText('Alerts (1)').waitFor();

    await page.goBack();
    await box.getByRole('button', { name: /Mark as dealt with/ }).click();
    await box.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { name: 'Wire', level: 1 }).waitFor();
    assert.equal(await page.getByRole('region', { name: /Agency changes to deal with/ }).count(), 0, 'dealt with');

    assert.deepEqual(problems, [], 'no failed API call, console error, exception or CSP violation');
  });
});

/** A section's id as the newsroom lists it (the adopt form files the draft by id). */
async function sectionIdOf(page: Page, name: string): Promise<number> {
  const answer = await page.request.get(new URL('/api/admin/sections', page.url()).href);
  const body = (await answer.json()) as { items?: { id: number; name: string }[] } | { id: number; name: string }[];
  const list = Array.isArray(body) ? body : (body.items ?? []);
  const found = list.find((s) => s.name === name);
  assert.ok(found, `section ${name} exists`);
  return found.id;
}
