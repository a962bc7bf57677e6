import fs from 'node:fs';
import { chromium } from 'playwright-core';

const base = 'http://127.0.0.1:3400';
const css = () => fs.readFileSync('/work/main/src/site/assets/site.css');
const axe = fs.readFileSync('/work/main/node_modules/axe-core/axe.min.js', 'utf8');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const probe = await browser.newPage();
await probe.goto(`${base}/`);
const article = await probe.getAttribute('.card--lead .card__headline a', 'href');
await probe.close();
const targets = { front: '/', article, section: '/business', notfound: '/nope-xyz' };
const only = process.argv[2] ? process.argv[2].split(',') : Object.keys(targets);
const widths = process.argv[3] ? process.argv[3].split(',').map(Number) : [1280, 375, 320];
const schemes = process.argv[4] ? process.argv[4].split(',') : ['light', 'dark'];
for (const scheme of schemes)
  for (const width of widths) {
    const ctx = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 }, colorScheme: scheme });
    await ctx.route('**/assets/site.*.css', (r) => r.fulfill({ body: css(), contentType: 'text/css' }));
    for (const name of only) {
      const page = await ctx.newPage();
      await page.goto(base + targets[name], { waitUntil: 'load' });
      const ov = await page.evaluate(() => {
        const w = document.documentElement.clientWidth;
        const bad = [...document.querySelectorAll('body *')]
          .filter((e) => {
            const r = e.getBoundingClientRect();
            return r.right > w + 1 && !e.closest('.sections-nav ul');
          })
          .slice(0, 5)
          .map((e) => `${e.tagName}.${e.className}`);
        return { sw: document.documentElement.scrollWidth, w, bad };
      });
      await page.evaluate(axe);
      const res = await page.evaluate(async () =>
        (await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] })).violations.map(
          (v) =>
            `${v.id}: ${v.nodes.length} ${v.nodes
              .slice(0, 3)
              .map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`)
              .join(' | ')}`,
        ),
      );
      const file = `/tmp/shots/${name}-${width}-${scheme}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file, JSON.stringify(ov), res.length ? res : 'axe ok');
      await page.close();
    }
    await ctx.close();
  }
await browser.close();
