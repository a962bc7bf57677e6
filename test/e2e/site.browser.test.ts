import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describeInChromium, launchChromium, watchContext } from '../helpers/browser.js';
import { freePort, projectRoot, type ServerProcess, spawnServer } from '../helpers/server-process.js';

/**
 * The reader site in a real browser, against the real server started as an operator
 * would, with the demo newsroom. Chromium is required in CI; elsewhere the suite is
 * reported as skipped when it is not installed.
 */

/** "Saturday, November 28, 2026": the site's default locale and time zone. */
const mastheadDate = (at: Date) =>
  new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'Europe/London',
  }).format(at);
/** The same day as YYYY-MM-DD, for the masthead's `<time datetime>`. */
const isoDate = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'Europe/London',
  }).format(at);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

describeInChromium('reader site in Chromium', () => {
  let dir: string;
  let server: ServerProcess;
  let browser: Browser;
  let base: string;
  /** The lead story on the front page: an article with a feature image and related stories. */
  let leadUrl: string;
  const contexts: BrowserContext[] = [];

  before(
    async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-e2e-'));
      const port = await freePort();
      server = spawnServer({
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: path.join(dir, 'site.db'),
        NEWSDESK_MEDIA_DIR: path.join(dir, 'media'),
        NEWSDESK_SEED_DEMO: 'true',
        NEWSDESK_LOG_LEVEL: 'warn',
      });
      // The demo newsroom is seeded on the first start, which takes a while.
      const line = await server.waitForLine('Newsdesk is listening at', 90_000);
      base = line.slice(line.indexOf('http://')).trim();
      assert.equal(base, `http://localhost:${port}`);
      browser = await launchChromium();
      const context = await newContext();
      const page = await context.newPage();
      await page.goto(base);
      const href = await page.locator('.card--lead .card__headline a').getAttribute('href');
      assert.ok(href, 'the front page has a lead story');
      leadUrl = new URL(href, base).href;
      await context.close();
      contexts.length = 0;
    },
    { timeout: 150_000 },
  );

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    const context = await browser.newContext(options);
    context.setDefaultTimeout(15_000);
    context.setDefaultNavigationTimeout(30_000);
    contexts.push(context);
    return context;
  }

  /**
   * A page that records what a reader's console would show: errors, uncaught exceptions
   * and Content-Security-Policy violations (reported by the browser as events).
   */
  async function watchedPage(options: BrowserContextOptions = {}): Promise<{ page: Page; problems: string[] }> {
    const context = await newContext(options);
    const problems: string[] = [];
    if (options.javaScriptEnabled !== false) await watchContext(context, problems);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    return { page, problems };
  }

  const text = async (page: Page, selector: string) =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

  async function followLink(page: Page, link: ReturnType<Page['locator']>): Promise<string> {
    const href = await link.getAttribute('href');
    assert.ok(href, 'the link has an address');
    const target = new URL(href, page.url()).href;
    await link.click();
    await page.waitForURL(target);
    return target;
  }

  test('front page: masthead date, sections and breaking bar; the lead story opens a complete article', async () => {
    const { page, problems } = await watchedPage();
    const loadStart = new Date();
    await page.goto(base);
    const loadEnd = new Date();

    // Masthead date in the site's time zone (either side of a midnight during the load).
    const shown = await text(page, '.masthead__date time');
    assert.match(shown, /^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}$/);
    assert.ok([mastheadDate(loadStart), mastheadDate(loadEnd)].includes(shown), `masthead shows "${shown}"`);
    const datetime = await page.locator('.masthead__date time').getAttribute('datetime');
    assert.ok(
      [isoDate(loadStart), isoDate(loadEnd)].includes(datetime ?? ''),
      `masthead <time datetime="${datetime}"> is not the day shown`,
    );

    // Section navigation.
    const nav = page.getByRole('navigation', { name: 'Sections' });
    assert.ok(await nav.isVisible(), 'the section navigation is visible');
    const navLinks = await nav
      .locator('a')
      .evaluateAll((links) =>
        links.map((a) => ({ text: a.textContent?.trim() ?? '', href: a.getAttribute('href') ?? '' })),
      );
    assert.equal(navLinks[0]?.text, 'Home');
    assert.ok(navLinks.length >= 4, `only ${navLinks.length} links in the section navigation`);
    for (const link of navLinks.slice(1)) assert.match(link.href, /^\/[a-z0-9-]+$/, `nav link ${link.text}`);
    assert.equal(await nav.locator('a[aria-current="page"]').textContent(), 'Home');

    // Breaking news bar.
    const breaking = page.getByRole('region', { name: 'Breaking news' });
    assert.ok(await breaking.isVisible(), 'the breaking news bar is visible');
    assert.equal(await text(page, '.breaking__label'), 'Breaking');
    assert.ok((await breaking.locator('a').count()) > 0, 'the breaking bar links a story');

    // The lead story's headline opens its article.
    const lead = page.locator('.card--lead .card__headline a');
    const leadHeadline = ((await lead.textContent()) ?? '').trim();
    assert.ok(leadHeadline.length > 0);
    assert.equal(await followLink(page, lead), leadUrl);

    assert.equal(await text(page, 'h1'), leadHeadline);
    assert.equal(await page.locator('h1').count(), 1, 'an article page has one h1');
    const published = await page.locator('.article__times time[datetime]').first().getAttribute('datetime');
    assert.ok(published && !Number.isNaN(Date.parse(published)), `publication time "${published}"`);

    // The feature image: responsive, sized, not lazy (it is above the fold), and loaded.
    const img = page.locator('.article__image img');
    assert.equal(await img.count(), 1, 'the lead story has a feature image');
    const attrs = await img.evaluate((el: HTMLImageElement) => ({
      srcset: el.getAttribute('srcset'),
      width: el.getAttribute('width'),
      height: el.getAttribute('height'),
      loading: el.getAttribute('loading'),
      alt: el.getAttribute('alt'),
    }));
    assert.ok(attrs.srcset && attrs.srcset.split(',').length > 1, `srcset "${attrs.srcset}"`);
    assert.ok(Number(attrs.width) > 0 && Number(attrs.height) > 0, `width ${attrs.width}, height ${attrs.height}`);
    assert.notEqual(attrs.loading, 'lazy');
    assert.ok(attrs.alt && attrs.alt.length > 0, 'the feature image has alt text');
    await page.waitForFunction((el) => (el as HTMLImageElement).complete, await img.elementHandle(), {
      timeout: 15_000,
    });
    const natural = await img.evaluate((el: HTMLImageElement) => ({ w: el.naturalWidth, src: el.currentSrc }));
    assert.ok(natural.w > 0, `the feature image did not load (${natural.src})`);

    // Related stories, and following one lands on another article.
    const related = page.getByRole('region', { name: 'Related stories' });
    assert.ok(await related.isVisible(), 'the related stories box is visible');
    const relatedLinks = related.locator('.card__headline a');
    assert.ok((await relatedLinks.count()) > 0, 'the related box links stories');
    const relatedHeadline = ((await relatedLinks.first().textContent()) ?? '').trim();
    const relatedUrl = await followLink(page, relatedLinks.first());
    assert.notEqual(relatedUrl, leadUrl);
    assert.match(new URL(relatedUrl).pathname, /^\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+$/);
    assert.equal(await text(page, 'h1'), relatedHeadline);

    assert.deepEqual(problems, []);
  });

  test('an inline "Read more" card in an article leads to the article it names', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${base}/story/harbour-bridge-closure`);
    const articles = await page
      .locator('.listing .card__headline a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    assert.ok(articles.length > 0, 'the developing story lists its articles');

    let found = false;
    for (const url of articles) {
      await page.goto(url);
      const card = page.locator('.article__body aside.read-more a');
      if ((await card.count()) === 0) continue;
      found = true;
      const headline = await text(page, '.article__body aside.read-more .read-more__headline');
      assert.ok(headline.length > 0, 'the card shows a headline');
      assert.equal(await text(page, '.article__body aside.read-more .read-more__label'), 'Read more');
      const target = await followLink(page, card.first());
      assert.notEqual(target, url);
      assert.equal(await text(page, 'h1'), headline);
      break;
    }
    assert.ok(found, `none of the ${articles.length} articles of the story has a "Read more" card`);
    assert.deepEqual(problems, []);
  });

  test('front page and article pages load without console errors or CSP violations', async () => {
    const { page, problems } = await watchedPage();
    for (const url of [base, leadUrl, `${base}/story/harbour-bridge-closure`]) {
      await page.goto(url, { waitUntil: 'load' });
      // Let late resources (responsive images picked after layout) report too.
      await page.waitForLoadState('networkidle');
    }
    const section = page.getByRole('navigation', { name: 'Sections' }).locator('a').nth(1);
    await followLink(page, section);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(problems, []);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const which of ['front page', 'article page'] as const) {
      test(`axe finds no serious or critical accessibility problems: ${which}, ${colorScheme} colour scheme`, async () => {
        // The site's CSP forbids inline scripts, so the audit script needs bypassCSP.
        const context = await newContext({ bypassCSP: true, colorScheme });
        const page = await context.newPage();
        await page.goto(which === 'front page' ? base : leadUrl, { waitUntil: 'load' });
        assert.equal(
          await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
          colorScheme === 'dark',
        );
        const source = fs.readFileSync(path.join(projectRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
        await page.addScriptTag({ content: source });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
          const result = await axe.run();
          return result.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            helpUrl: v.helpUrl,
            nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
          }));
        });
        const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        const report = blocking
          .map(
            (v) =>
              `${v.id} (${v.impact}): ${v.help}\n` +
              v.nodes
                .map(
                  (n) =>
                    `    ${JSON.stringify(n.target)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
                )
                .join('\n'),
          )
          .join('\n');
        assert.equal(blocking.length, 0, `axe violations on the ${which} (${colorScheme}):\n${report}`);
      });
    }
  }

  test('at 320px wide, the front page and an article page do not scroll sideways', async () => {
    const { page, problems } = await watchedPage({ viewport: { width: 320, height: 720 } });
    for (const url of [base, leadUrl]) {
      await page.goto(url, { waitUntil: 'load' });
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = Array.from(document.querySelectorAll('body *'))
          .filter((el) => el.getBoundingClientRect().right > width + 0.5)
          .filter((el) => !Array.from(el.children).some((c) => c.getBoundingClientRect().right > width + 0.5))
          .slice(0, 10)
          .map((el) => {
            const cls = el.getAttribute('class');
            return `${el.tagName.toLowerCase()}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`;
          });
        return { scrollWidth: document.documentElement.scrollWidth, wide };
      });
      assert.ok(
        overflow.scrollWidth <= 320,
        `${url} is ${overflow.scrollWidth}px wide at a 320px viewport; too wide: ${overflow.wide.join(', ')}`,
      );
    }
    assert.deepEqual(problems, []);
  });

  test('with JavaScript turned off, an article shows its text', async () => {
    const { page, problems } = await watchedPage({ javaScriptEnabled: false });
    await page.goto(leadUrl);
    assert.ok((await text(page, 'h1')).length > 0);
    const body = page.locator('.article__body');
    assert.ok(await body.isVisible(), 'the article body is visible');
    const paragraphs = await body
      .locator('p')
      .evaluateAll((ps) => ps.map((p) => (p.textContent ?? '').trim()).filter((t) => t.length > 0));
    assert.ok(paragraphs.length >= 2, `only ${paragraphs.length} paragraphs of text`);
    assert.ok(paragraphs.join(' ').length > 300, 'the article body is only a few words');
    assert.ok(await body.locator('p').first().isVisible(), 'the first paragraph is visible');
    assert.deepEqual(problems, []);
  });
});
