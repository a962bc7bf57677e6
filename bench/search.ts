import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { parseSearchParams } from '../src/search/search.params.js';
import { searchPageSize } from '../src/search/search.routes.js';

/**
 * The search benchmark: `npx tsx bench/search.ts`. On the large SQLite archive (built once
 * with seed:large, as `npm run bench` does), runs a set of realistic reader searches many
 * times, in-process, and reports p50/p99 for (1) the search service call (ranking, snippets
 * and cards) and (2) the whole /search page through app.inject (parameters, search, the
 * latest stories when nothing matched, render, gzip), without network or page cache.
 * Updates the "Search" section of bench/RESULTS.md.
 */

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '30' },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const work = path.join(root, 'bench', '.work');
const dbFile = path.join(work, `large-${values.articles}.db`);
const mediaDir = path.join(work, `media-${values.articles}`);
const rounds = Number(values.rounds);

/** What readers of the archive would type: subjects, places, people, topics, phrases, misses, filters. */
const queries = [
  'harbour',
  'council',
  'ferry',
  'bridge closure',
  'budget',
  'school merger',
  'Saltgate',
  'Marrow Point',
  'Ashby Cross trains',
  'harbour bridge cables',
  'wind farm',
  'flooding',
  'reopened',
  'inspectors corroded cable',
  'mayor by-election',
  'Farah Brightwater',
  'Topic 17',
  'earthquake',
  'container volumes port',
  'hauliers',
  'zeppelin',
  'quokka harbour',
  'the',
  'harbour&section=city',
  'council&from=2024-01-01&to=2024-12-31',
  'ferry&section=business&from=2020-01-01',
  'harbour&page=2',
  'council&page=10',
];

function ensureArchive() {
  if (fs.existsSync(dbFile)) return;
  console.log(`building the ${values.articles}-article archive (once)...`);
  execFileSync(process.execPath, ['--import', 'tsx', 'src/db/seed/large.ts', '--articles', String(values.articles)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: dbFile, NEWSDESK_MEDIA_DIR: mediaDir },
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

const ms = (n: number) => `${n.toFixed(2)} ms`;

async function main() {
  ensureArchive();
  const config = loadConfig({
    DATABASE_URL: dbFile,
    NEWSDESK_MEDIA_DIR: mediaDir,
    NEWSDESK_LOG_LEVEL: 'warn',
    NEWSDESK_JOBS: 'false',
    NEWSDESK_PAGE_CACHE: 'false',
  });
  const app = await buildApp(config);
  const { services } = app;
  try {
    const k = services.db.kysely;
    const articles = Number(
      (await sql<{ n: number }>`select count(*) as n from articles where status = 'published'`.execute(k)).rows[0]?.n,
    );
    const indexed = Number((await sql<{ n: number }>`select count(*) as n from search_index`.execute(k)).rows[0]?.n);
    if (indexed < articles) {
      console.log(`indexing ${articles} articles (the index holds ${indexed})...`);
      const started = performance.now();
      await services.search.rebuildIndex();
      console.log(`indexed in ${Math.round(performance.now() - started)} ms`);
    }

    const requests = queries.map((q) => {
      const query = Object.fromEntries(new URLSearchParams(`q=${q}`));
      const params = parseSearchParams(query, {
        sectionBySlug: (slug) => services.taxonomy.sectionBySlug(slug),
        timeZone: services.settings.get().timeZone,
      });
      return { q, url: `/search?q=${q}`, params };
    });

    const service: number[] = [];
    const page: number[] = [];
    const perQuery = new Map<string, { service: number[]; hits: number }>();
    // Two rounds unmeasured (statement preparation, page cache of the database file), then measure.
    for (let round = -2; round < rounds; round++) {
      for (const { q, url, params } of requests) {
        let started = performance.now();
        const result = await services.search.search({
          words: params.words,
          ...(params.section ? { sectionId: params.section.id } : {}),
          ...(params.from ? { from: params.from } : {}),
          ...(params.to ? { to: params.to } : {}),
          page: params.page,
          pageSize: searchPageSize,
        });
        const serviceMs = performance.now() - started;
        started = performance.now();
        const res = await app.inject({
          method: 'GET',
          url,
          headers: { accept: 'text/html', 'accept-encoding': 'gzip' },
        });
        const pageMs = performance.now() - started;
        if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
        if (round < 0) continue;
        service.push(serviceMs);
        page.push(pageMs);
        const entry = perQuery.get(q) ?? { service: [], hits: result.items.length };
        entry.service.push(serviceMs);
        perQuery.set(q, entry);
      }
    }

    const s = summary(service);
    const p = summary(page);
    console.log(`\n${queries.length} queries x ${rounds} rounds on ${articles.toLocaleString('en-US')} articles`);
    console.log(`search service: p50 ${ms(s.p50)}  p90 ${ms(s.p90)}  p99 ${ms(s.p99)}  max ${ms(s.max)}`);
    console.log(`whole page:     p50 ${ms(p.p50)}  p90 ${ms(p.p90)}  p99 ${ms(p.p99)}  max ${ms(p.max)}`);
    const slowest = [...perQuery.entries()]
      .map(([q, e]) => ({ q, hits: e.hits, ...summary(e.service) }))
      .sort((a, b) => b.p50 - a.p50)
      .slice(0, 5);
    console.log('slowest queries (service p50):');
    for (const x of slowest) console.log(`  ${x.q.padEnd(40)} ${ms(x.p50).padStart(10)}  (${x.hits} on the page)`);

    const section = `## Search

Run with \`npx tsx bench/search.ts\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, Node ${process.version},
SQLite archive of ${articles.toLocaleString('en-US')} articles (FTS5 index built by seed:large). ${queries.length} realistic
searches (subjects, places, names, topics, phrases, stemmed words, misses, section and date filters, deep pages)
x ${rounds} rounds, in-process, one at a time, page cache off.

| Measured | p50 | p90 | p99 | max |
|---|---:|---:|---:|---:|
| Search service call (rank, snippets, cards; 20 a page) | ${ms(s.p50)} | ${ms(s.p90)} | ${ms(s.p99)} | ${ms(s.max)} |
| Whole /search page via app.inject (render, gzip) | ${ms(p.p50)} | ${ms(p.p90)} | ${ms(p.p99)} | ${ms(p.max)} |

Slowest searches (service p50): ${slowest.map((x) => `"${x.q}" ${ms(x.p50)}`).join('; ')}.
Aim: p99 under 50 ms. \`npm run bench\` keeps this section; this script rewrites only its own.
`;
    const resultsFile = path.join(root, 'bench', 'RESULTS.md');
    const current = fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8') : '# Benchmark results\n';
    const at = current.indexOf('\n## Search\n');
    const before = at === -1 ? current.trimEnd() : current.slice(0, at).trimEnd();
    fs.writeFileSync(resultsFile, `${before}\n\n${section}`);
    console.log(`\nwrote the Search section of ${path.relative(root, resultsFile)}`);
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
