import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { articlePath } from '../src/articles/articles.paths.js';

/**
 * The load benchmark: `npm run bench`. Measures, on the large archive (built once with
 * seed:large), the ceiling (a bare Node server sending the same bytes), cached article and
 * front pages, cache misses over random articles, a deep section page, memory and start-up.
 * Writes bench/RESULTS.md.
 */

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    threads: { type: 'string', default: '2' },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const work = path.join(root, 'bench', '.work');
const dbFile = path.join(work, `large-${values.articles}.db`);
const mediaDir = path.join(work, `media-${values.articles}`);
fs.mkdirSync(work, { recursive: true });

function wrkPath(): string {
  try {
    return execFileSync('which', ['wrk']).toString().trim();
  } catch {
    console.error('wrk is not installed: apt-get install wrk (Debian package)');
    process.exit(1);
  }
}
const wrk = wrkPath();

function ensureArchive() {
  if (fs.existsSync(dbFile)) return;
  console.log(`building the ${values.articles}-article archive (once)...`);
  execFileSync(process.execPath, ['--import', 'tsx', 'src/db/seed/large.ts', '--articles', String(values.articles)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: dbFile, NEWSDESK_MEDIA_DIR: mediaDir },
  });
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms`);
}

interface Server {
  child: ChildProcess;
  startupMs: number;
}

async function startNewsdesk(port: number, cache: boolean): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: dbFile,
      NEWSDESK_MEDIA_DIR: mediaDir,
      NEWSDESK_SEED_DEMO: 'false',
      NEWSDESK_LOG_LEVEL: 'warn',
      NEWSDESK_PAGE_CACHE: cache ? 'true' : 'false',
    },
  });
  await waitFor(`http://127.0.0.1:${port}/health`);
  return { child, startupMs: performance.now() - started };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

function memoryMb(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

interface WrkResult {
  rps: number;
  p50: string;
  p99: string;
  errors: string;
}

function toMs(value: string): number {
  const m = value.match(/^([\d.]+)(us|ms|s)$/);
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
}

function runWrk(url: string, extra: string[] = [], connections = String(values.connections)): WrkResult {
  const out = execFileSync(
    wrk,
    [
      '-t',
      String(values.threads),
      '-c',
      connections,
      '-d',
      `${values.duration}s`,
      '--latency',
      '-H',
      'Accept-Encoding: br, gzip',
      ...extra,
      url,
    ],
    { cwd: root, env: { ...process.env, PATHS_FILE: path.join(work, 'paths.txt') } },
  ).toString();
  const rps = Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? 0);
  const p50 = out.match(/\s50%\s+(\S+)/)?.[1] ?? '?';
  const p99 = out.match(/\s99%\s+(\S+)/)?.[1] ?? '?';
  const errors = [out.match(/Non-2xx or 3xx responses: (\d+)/)?.[0], out.match(/Socket errors: .*/)?.[0]]
    .filter(Boolean)
    .join('; ');
  return { rps, p50: `${toMs(p50).toFixed(2)} ms`, p99: `${toMs(p99).toFixed(2)} ms`, errors: errors || 'none' };
}

async function main() {
  ensureArchive();
  const db = new Database(dbFile, { readonly: true });
  const sections = new Map(
    (db.prepare('select id, slug from sections').all() as { id: number; slug: string }[]).map((s) => [s.id, s.slug]),
  );
  const tzRow = db.prepare("select value from settings where key = 'timeZone'").get() as { value: string } | undefined;
  const tz = tzRow ? (JSON.parse(tzRow.value) as string) : 'Europe/London';
  const rows = db
    .prepare("select slug, section_id, first_published_at from articles where status = 'published'")
    .all() as { slug: string; section_id: number; first_published_at: string }[];
  const paths = rows.map((r) => articlePath(sections.get(r.section_id) ?? 'news', r.first_published_at, r.slug, tz));
  fs.writeFileSync(path.join(work, 'paths.txt'), `${paths.join('\n')}\n`);
  const biggest = db
    .prepare(
      "select s.slug, count(*) as n from articles a join sections s on s.id = a.section_id where a.status = 'published' group by s.slug order by n desc limit 1",
    )
    .get() as { slug: string; n: number };
  db.close();
  const deepPage = Math.min(2000, Math.floor(biggest.n / 20));
  const results: { name: string; r: WrkResult; ratio?: string }[] = [];

  // 1. Newsdesk with its cache on: start-up, cached pages, memory.
  const port = 3901;
  const cached = await startNewsdesk(port, true);
  const articleUrl = `http://127.0.0.1:${port}${paths[Math.floor(paths.length / 2)]}`;
  for (const url of [articleUrl, `http://127.0.0.1:${port}/`]) {
    await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
    await new Promise((r) => setTimeout(r, 200)); // brotli is made after the first answer
  }
  const sample = await fetch(articleUrl, { headers: { 'accept-encoding': 'br, gzip' } });
  const sampleBody = Buffer.from(await sample.arrayBuffer());
  const rawBody = execFileSync('curl', ['-s', '-H', 'Accept-Encoding: br, gzip', articleUrl]);
  const sampleHeaders: (string | number)[] = [];
  sample.headers.forEach((value, name) => {
    if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)) sampleHeaders.push(name, value);
  });
  fs.writeFileSync(path.join(work, 'sample.body'), rawBody);
  fs.writeFileSync(path.join(work, 'sample.headers.json'), JSON.stringify(sampleHeaders));

  const article = runWrk(articleUrl);
  const front = runWrk(`http://127.0.0.1:${port}/`);
  const memCached = memoryMb(cached.child.pid as number);
  await stop(cached.child);

  // 2. The ceiling: the same bytes from a bare Node server.
  const bare = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/bare-server.ts',
      path.join(work, 'sample.body'),
      path.join(work, 'sample.headers.json'),
      '3902',
    ],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
  await waitFor('http://127.0.0.1:3902/');
  const ceiling = runWrk('http://127.0.0.1:3902/');
  await stop(bare);

  // 3. Cache off: every request renders a random article of the archive.
  const uncached = await startNewsdesk(port, false);
  const misses = runWrk(`http://127.0.0.1:${port}`, ['-s', 'bench/random-paths.lua']);
  // The same load from 8 connections: latency when the server is not saturated.
  const missesLight = runWrk(`http://127.0.0.1:${port}`, ['-s', 'bench/random-paths.lua'], '8');
  const deep = runWrk(`http://127.0.0.1:${port}/${biggest.slug}?page=${deepPage}`);
  const deepLight = runWrk(`http://127.0.0.1:${port}/${biggest.slug}?page=${deepPage}`, [], '8');
  const memUncached = memoryMb(uncached.child.pid as number);
  await stop(uncached.child);

  // 4. Start-up to the first answer, three times, on the large archive.
  const startups: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = await startNewsdesk(port, true);
    startups.push(s.startupMs);
    await stop(s.child);
  }

  const ratio = (r: WrkResult) => `${(r.rps / ceiling.rps).toFixed(2)}x`;
  results.push({ name: 'Ceiling: bare Node http, same bytes', r: ceiling });
  results.push({ name: 'Cached article page', r: article, ratio: ratio(article) });
  results.push({ name: 'Cached front page', r: front, ratio: ratio(front) });
  results.push({
    name: `Cache off: random articles of ${rows.length.toLocaleString('en-US')}`,
    r: misses,
    ratio: ratio(misses),
  });
  results.push({ name: 'Cache off: random articles, 8 connections', r: missesLight, ratio: ratio(missesLight) });
  results.push({
    name: `Cache off: /${biggest.slug}?page=${deepPage} (${biggest.n.toLocaleString('en-US')} stories)`,
    r: deep,
    ratio: ratio(deep),
  });
  results.push({ name: 'Cache off: the same deep page, 8 connections', r: deepLight, ratio: ratio(deepLight) });

  const table = [
    '| Scenario | req/s | vs ceiling | p50 | p99 | errors |',
    '|---|---:|---:|---:|---:|---|',
    ...results.map(
      ({ name, r, ratio: x }) =>
        `| ${name} | ${Math.round(r.rps).toLocaleString('en-US')} | ${x ?? '1.00x'} | ${r.p50} | ${r.p99} | ${r.errors} |`,
    ),
  ].join('\n');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const report = `# Benchmark results

Run with \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${cpu}),
${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, SQLite archive of ${rows.length.toLocaleString('en-US')} articles
(\`npm run seed:large -- --articles ${values.articles}\`). Load from wrk ${values.threads} threads, ${values.connections}
connections, ${values.duration} s per scenario, \`Accept-Encoding: br, gzip\`, on the same machine as the server
(wrk and the server share the cores). The cached pages answer brotli; the ceiling server sends the cached
article's exact bytes and headers (${sampleBody.length.toLocaleString('en-US')} bytes decoded, ${rawBody.length.toLocaleString('en-US')} bytes on the wire).

${table}

| Measure | Value |
|---|---|
| Server memory after the cached runs (RSS / peak) | ${memCached.rss} MB / ${memCached.peak} MB |
| Server memory after the cache-off runs (RSS / peak) | ${memUncached.rss} MB / ${memUncached.peak} MB |
| Start-up to first answer on the archive (3 runs, includes TypeScript loading) | ${startups.map((s) => `${Math.round(s)} ms`).join(', ')} |

Aims (issue 2): cached pages at least 0.7x the ceiling; cache misses at least 0.1x with p99 under 50 ms;
under 300 MB RSS with 100,000 articles; start-up under 2 s.
`;
  // The "## " sections below this report belong to other scripts (search, comments): keep them.
  const resultsFile = path.join(root, 'bench', 'RESULTS.md');
  const previous = fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8') : '';
  const othersAt = previous.indexOf('\n## ');
  fs.writeFileSync(resultsFile, othersAt === -1 ? report : `${report}\n${previous.slice(othersAt + 1)}`);
  console.log(report);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
