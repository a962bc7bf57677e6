import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import type { LogEvent } from 'kysely';
import pg from 'pg';
import { closeServices, createServices, type Services } from '../src/app.js';
import { articlePath } from '../src/articles/articles.paths.js';
import type { BodyDoc } from '../src/articles/body/body.schema.js';
import { loadConfig } from '../src/config.js';
import { type Db, openPostgres, openSqlite } from '../src/db/database.js';
import { seedDemo } from '../src/db/seed/demo.js';
import {
  checkKeptCounts,
  commentText,
  copyComments,
  finishBulkWrite,
  randomFrom,
  type WrittenThread,
  writeCommenters,
  writeThread,
} from './comments-thread.js';

/**
 * The comments benchmark: `npm run bench:comments` (or `npx tsx bench/comments.ts`).
 *
 * Two published articles with the same body, one with 20,000 approved comments and one
 * with 20. With the page cache off (every request renders), it measures with wrk the
 * article page and the /comments/:articleId page of both; then the comment form's POST
 * latency alone and while wrk reads the big article's page; and it prints the query plans
 * of the thread queries. SQLite always; PostgreSQL too when DATABASE_URL names one (a
 * database of its own is created there and dropped after). Writes the "Comments" section
 * of bench/RESULTS.md.
 */

const { values } = parseArgs({
  options: {
    comments: { type: 'string', default: '20000' },
    small: { type: 'string', default: '20' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
    threads: { type: 'string', default: '2' },
    posters: { type: 'string', default: '4' },
    rebuild: { type: 'boolean', default: false },
  },
});
const bigCount = Number(values.comments);
const smallCount = Number(values.small);
const duration = Number(values.duration);
const posters = Number(values.posters);
const root = path.resolve(import.meta.dirname, '..');
const work = path.join(root, 'bench', '.work');
fs.mkdirSync(work, { recursive: true });
const pgUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : null;

function wrkPath(): string {
  try {
    return execFileSync('which', ['wrk']).toString().trim();
  } catch {
    console.error('wrk is not installed: apt-get install wrk (Debian package)');
    process.exit(1);
  }
}
const wrk = wrkPath();

// ---------------------------------------------------------------- measuring

interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  errors: string;
}

const toMs = (value: string) => {
  const m = value.match(/^([\d.]+)(us|ms|s)$/);
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
};

function parseWrk(out: string): WrkResult {
  const errors = [out.match(/Non-2xx or 3xx responses: (\d+)/)?.[0], out.match(/Socket errors: .*/)?.[0]]
    .filter(Boolean)
    .join('; ');
  return {
    rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? 0),
    p50: toMs(out.match(/\s50%\s+(\S+)/)?.[1] ?? ''),
    p99: toMs(out.match(/\s99%\s+(\S+)/)?.[1] ?? ''),
    errors: errors || 'none',
  };
}

/** wrk in the background, so something else can run while it reads; with a gap (ms) between a connection's requests. */
function runWrk(url: string, seconds = duration, gapMs = 0): Promise<WrkResult> {
  const args = ['-t', String(values.threads), '-c', String(values.connections), '-d', `${seconds}s`, '--latency'];
  if (gapMs > 0) args.push('-s', path.join(root, 'bench', 'paced.lua'));
  const child = spawn(wrk, [...args, '-H', 'Accept-Encoding: br, gzip', url], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, WRK_GAP_MS: String(Math.round(gapMs)) },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(parseWrk(out)) : reject(new Error(`wrk exited with ${code}`))));
  });
}

interface Spread {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

function spread(samples: number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return { count: sorted.length, p50: at(50), p90: at(90), p99: at(99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

/** The share of the CPU busy over `ms`, from /proc/stat (Linux). */
async function cpuBusy(over = 1000): Promise<number> {
  const read = () => {
    const fields = (fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { idle, total: fields.reduce((a, b) => a + b, 0) };
  };
  const a = read();
  await new Promise((r) => setTimeout(r, over));
  const b = read();
  return b.total === a.total ? 0 : 1 - (b.idle - a.idle) / (b.total - a.total);
}

/**
 * Other work on the machine (a test run, a build) skews every figure: wait, up to a few
 * minutes, until the CPU is nearly idle before a measurement, and note how busy it was.
 */
const busyBefore: number[] = [];
async function quiet(): Promise<void> {
  const until = Date.now() + 180_000;
  let busy = await cpuBusy();
  while (busy > 0.15 && Date.now() < until) busy = await cpuBusy(3000);
  busyBefore.push(busy);
  if (busy > 0.15) console.log(`  (the machine is ${Math.round(busy * 100)}% busy with other work; measuring anyway)`);
}

const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)} ms` : '?');
const whole = (n: number) => Math.round(n).toLocaleString('en-US');

// ---------------------------------------------------------------- the database

interface Built {
  bigId: number;
  smallId: number;
  /** The twin whose whole thread is the big one's first page. */
  twinId: number;
  bigPath: string;
  smallPath: string;
  twinPath: string;
  twinCount: number;
  big: WrittenThread;
  small: WrittenThread;
  /** When the seeded thread ends: the benchmark's own posts come after. */
  seededUntil: string;
  buildSeconds: number;
}

function configFor(databaseUrl: string, mediaDir: string) {
  return loadConfig({
    DATABASE_URL: databaseUrl,
    NEWSDESK_MEDIA_DIR: mediaDir,
    NEWSDESK_LOG_LEVEL: 'warn',
    NEWSDESK_JOBS: 'false',
    NEWSDESK_PAGE_CACHE: 'false',
  });
}

/** The demo newsroom, three twin articles published three days ago, and their threads. */
async function build(db: Db, databaseUrl: string, mediaDir: string): Promise<Built> {
  const started = performance.now();
  const services = await createServices(configFor(databaseUrl, mediaDir), { db });
  try {
    console.log('  the demo newsroom...');
    await seedDemo(services);
    const k = services.db.kysely;
    const template = await k
      .selectFrom('articles')
      .select(['id', 'body', 'standfirst', 'section_id', 'feature_image_id'])
      .where('status', '=', 'published')
      .where('feature_image_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const { authorIds, tagIds } = await services.articles.membershipOf(template.id);
    const publishedAt = new Date(Date.now() - 3 * 86_400_000);
    const twin = async (headline: string) => {
      const draft = await services.articles.createArticle({
        headline,
        standfirst: template.standfirst,
        body: JSON.parse(template.body) as BodyDoc,
        sectionId: template.section_id,
        authorIds,
        tagIds,
        featureImageId: template.feature_image_id,
        commentsMode: 'open',
      });
      return services.articles.publishArticle(draft.id, publishedAt);
    };
    const bigArticle = await twin('Harbour bridge closure: readers have their say');
    const smallArticle = await twin('Harbour bridge closure: what happens next');
    const twinArticle = await twin('Harbour bridge closure: the council answers');
    const until = new Date(Date.now() - 3_600_000);
    console.log(`  ${bigCount.toLocaleString('en-US')} + ${smallCount} comments...`);
    const commenters = await writeCommenters(k, 4000, publishedAt.toISOString());
    const approvals = new Map<number, number>();
    const threadFrom = new Date(publishedAt.getTime() + 300_000);
    const big = await writeThread(
      k,
      {
        articleId: bigArticle.id,
        approved: bigCount,
        hidden: Math.round(bigCount * 0.02),
        topLevelShare: 0.3,
        from: threadFrom,
        until,
        seed: 20,
      },
      commenters,
      approvals,
    );
    const small = await writeThread(
      k,
      {
        articleId: smallArticle.id,
        approved: smallCount,
        hidden: 0,
        topLevelShare: 0.3,
        from: threadFrom,
        until,
        seed: 7,
      },
      commenters,
      approvals,
    );
    const firstPage = await services.comments.listThread({ articleId: bigArticle.id });
    const twinCount = await copyComments(
      k,
      firstPage.comments.flatMap((c) => [c.id, ...c.replies.map((r) => r.id)]),
      twinArticle.id,
      approvals,
    );
    await finishBulkWrite(k, db.dialect, approvals);
    const problems = await checkKeptCounts(k, [bigArticle.id, smallArticle.id, twinArticle.id]);
    if (problems.length > 0) throw new Error(`the bulk write left wrong counts: ${problems.join('; ')}`);
    // Readers' comments publish at once (no first-comment hold), so every post runs the whole
    // write: the comment, the parent's and the article's counts, the log. Rate limits stay at
    // their defaults: each post comes from a new commenter on an address of its own.
    await services.comments.settings.update({ newCommenterApprovals: 0 });
    const where = (a: { section_id: number; first_published_at: string | null; slug: string }) =>
      articlePath(
        services.taxonomy.sectionById(a.section_id)?.slug ?? 'news',
        a.first_published_at,
        a.slug,
        services.settings.get().timeZone,
      );
    return {
      bigId: bigArticle.id,
      smallId: smallArticle.id,
      twinId: twinArticle.id,
      bigPath: where(bigArticle),
      smallPath: where(smallArticle),
      twinPath: where(twinArticle),
      twinCount,
      big,
      small,
      seededUntil: until.toISOString(),
      buildSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await closeServices(services);
  }
}

interface Target {
  name: 'SQLite' | 'PostgreSQL';
  url: string;
  mediaDir: string;
  built: Built;
  open(onQuery?: (e: LogEvent) => void): Db;
  cleanup(): Promise<void>;
}

/** SQLite: built once (bench/.work), copied afresh for each run so the posts of a run do not pile up. */
async function sqliteTarget(): Promise<Target> {
  const pristine = path.join(work, `comments-${bigCount}.db`);
  const infoFile = `${pristine}.json`;
  const mediaDir = path.join(work, 'comments-media');
  // Comments close 14 days after publication: a copy older than a week is built again.
  const stale =
    !fs.existsSync(infoFile) ||
    Date.now() - Date.parse((JSON.parse(fs.readFileSync(infoFile, 'utf8')) as Built).seededUntil) > 7 * 86_400_000;
  if (values.rebuild || stale || !fs.existsSync(pristine)) {
    console.log(`SQLite: building ${path.relative(root, pristine)} (once)...`);
    for (const f of [pristine, `${pristine}-wal`, `${pristine}-shm`, infoFile]) fs.rmSync(f, { force: true });
    fs.rmSync(mediaDir, { recursive: true, force: true });
    const built = await build(openSqlite(pristine), pristine, mediaDir);
    console.log(`  built in ${Math.round(built.buildSeconds)} s`);
    fs.writeFileSync(infoFile, JSON.stringify(built));
  }
  const built = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as Built;
  const run = path.join(work, `comments-${bigCount}-run.db`);
  for (const f of [run, `${run}-wal`, `${run}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(pristine, run);
  return {
    name: 'SQLite',
    url: run,
    mediaDir,
    built,
    open: (onQuery) => openSqlite(run, onQuery ? { onQuery } : {}),
    async cleanup() {
      for (const f of [run, `${run}-wal`, `${run}-shm`]) fs.rmSync(f, { force: true });
    },
  };
}

/** PostgreSQL: a database of its own on the server DATABASE_URL names, built and dropped each run. */
async function postgresTarget(adminUrl: string): Promise<Target> {
  const name = `nd_bench_comments_${process.pid}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const mediaDir = path.join(work, 'comments-media-pg');
  fs.rmSync(mediaDir, { recursive: true, force: true });
  console.log(`PostgreSQL: building database ${name}...`);
  const built = await build(openPostgres(url.toString()), url.toString(), mediaDir);
  console.log(`  built in ${Math.round(built.buildSeconds)} s`);
  return {
    name: 'PostgreSQL',
    url: url.toString(),
    mediaDir,
    built,
    open: (onQuery) => openPostgres(url.toString(), onQuery ? { onQuery } : {}),
    async cleanup() {
      await admin(`drop database if exists ${name} with (force)`);
      fs.rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- the thread queries, in-process

interface Plan {
  label: string;
  sql: string;
  plan: string[];
  fullScan: boolean;
}

/** The service calls the article page and the comment pages make, timed, and the plans of their queries. */
async function threadQueries(target: Target): Promise<{ plans: Plan[]; big: Spread; small: Spread; twin: Spread }> {
  let capture: { sql: string; parameters: readonly unknown[] }[] | null = null;
  const db = target.open((event) => {
    if (capture && event.level === 'query') capture.push({ sql: event.query.sql, parameters: event.query.parameters });
  });
  const services: Services = await createServices(configFor(target.url, target.mediaDir), { db });
  try {
    const { comments } = services;
    const { bigId, smallId, twinId, big } = target.built;
    const time = async (articleId: number) => {
      for (let i = 0; i < 20; i++) await comments.listThread({ articleId });
      const samples: number[] = [];
      for (let i = 0; i < 300; i++) {
        const started = performance.now();
        await comments.listThread({ articleId });
        samples.push(performance.now() - started);
      }
      return spread(samples);
    };
    await quiet();
    const smallTimes = await time(smallId);
    const twinTimes = await time(twinId);
    const bigTimes = await time(bigId);

    const calls: { label: string; run: () => Promise<unknown> }[] = [];
    for (const sort of ['oldest', 'newest', 'liked'] as const) {
      const first = await comments.listThread({ articleId: bigId, sort });
      calls.push({
        label: `thread, ${sort} first`,
        run: () => comments.listThread({ articleId: bigId, sort }),
      });
      if (first.next) {
        const after = first.next;
        calls.push({
          label: `thread, ${sort} first, page 2`,
          run: () => comments.listThread({ articleId: bigId, sort, after }),
        });
      }
    }
    // The largest branch, and the latest one with more than a page of replies: a plan that walks
    // comments in time order would find the first cheaply and the second only after all earlier ones.
    const late = await services.db.kysely
      .selectFrom('comments')
      .select(['root_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('article_id', '=', bigId)
      .where('depth', '>', 0)
      .where('visible', '=', 1)
      .groupBy('root_id')
      .having((eb) => eb.fn.countAll(), '>', 25)
      .orderBy('root_id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const branches = [
      { rootId: big.largestBranchRoot, what: `the largest branch (${big.largestBranch} replies)` },
      { rootId: late?.root_id ?? null, what: `the latest branch with a second page (${late?.n ?? 0} replies)` },
    ];
    for (const { rootId, what } of branches) {
      if (rootId === null) continue;
      const first = await comments.listReplies({ rootId });
      calls.push({ label: `replies of ${what}`, run: () => comments.listReplies({ rootId }) });
      if (first.next) {
        const after = first.next;
        calls.push({
          label: `replies of ${what}, page 2`,
          run: () => comments.listReplies({ rootId, after }),
        });
      }
    }

    const plans: Plan[] = [];
    for (const call of calls) {
      capture = [];
      await call.run();
      const ran = capture.filter((q) => /\bfrom "comments"/.test(q.sql));
      capture = null;
      for (const [i, query] of ran.entries()) {
        const plan = await explain(target, db, query.sql, query.parameters);
        const fullScan = plan.some((line) =>
          target.name === 'SQLite'
            ? /\bSCAN (comments|commenters)\b/.test(line)
            : /Seq Scan on (comments|commenters)\b/.test(line),
        );
        plans.push({ label: `${call.label}: ${whatItReads(query.sql, i)}`, sql: query.sql, plan, fullScan });
      }
    }
    return { plans, big: bigTimes, small: smallTimes, twin: twinTimes };
  } finally {
    await closeServices(services);
  }
}

/** What a thread query reads, told from its SQL (the service may split or merge its queries). */
function whatItReads(text: string, index: number): string {
  if (/\bcount\(/i.test(text)) return 'branch sizes';
  if (/union all|row_number\(\)/i.test(text)) return 'first replies of each branch';
  if (/"comments"\."depth" = \$?\d*\??/.test(text)) return 'top-level comments';
  if (/"comments"\."root_id" = /.test(text)) return 'replies of one branch';
  return `query ${index + 1}`;
}

async function explain(target: Target, db: Db, text: string, parameters: readonly unknown[]): Promise<string[]> {
  if (target.name === 'SQLite') {
    const raw = new SQLite(target.url, { readonly: true });
    try {
      const rows = raw.prepare(`explain query plan ${text}`).all(...parameters) as {
        id: number;
        parent: number;
        detail: string;
      }[];
      const depth = new Map<number, number>([[0, -1]]);
      return rows.map((r) => {
        const d = (depth.get(r.parent) ?? -1) + 1;
        depth.set(r.id, d);
        return `${'  '.repeat(d)}${r.detail}`;
      });
    } finally {
      raw.close();
    }
  }
  const pool = db.pool as pg.Pool;
  const result = await pool.query<{ 'QUERY PLAN': string }>(
    `explain (analyze, costs off, timing off, summary off) ${text}`,
    parameters as unknown[],
  );
  return result.rows.map((r) => r['QUERY PLAN']);
}

/**
 * A plan in one line for the results file: each distinct step once with how often it ran
 * (a union of twenty branch reads is one step twenty times) and, on PostgreSQL, the rows
 * it read and those its filter threw away.
 */
function inShort(plan: string[]): string[] {
  const steps = new Map<string, { times: number; rows: number; removed: number; measured: boolean }>();
  let last: string | null = null;
  for (const raw of plan) {
    const line = raw.trim().replace(/^->\s*/, '');
    const removed = /^Rows Removed by Filter: (\d+)/.exec(line);
    if (removed) {
      const step = last ? steps.get(last) : undefined;
      if (step) step.removed += Number(removed[1]);
      continue;
    }
    const actual = /\s*\(actual rows=(\d+) loops=(\d+)\)/.exec(line);
    // PostgreSQL's detail lines (conditions, sort methods, memory) stay in the printed plan.
    if (!actual && /^[A-Z][a-z]+( [A-Z][a-z]+)*:/.test(line)) continue;
    const name = line
      .replace(/\s*\(actual rows=\d+ loops=\d+\)/, '')
      .replace(/\s*\(never executed\)/, '')
      // A union's copies are aliased comments_1, commenters_2... (PostgreSQL) or b123 (SQLite): the same step.
      .replace(/ on (\w+) \1_\d+\b/, ' on $1')
      .replace(/\b([a-z])\d+\b/g, '$1…')
      .replace(/\(subquery-\d+\)/g, '(subquery)');
    const step = steps.get(name) ?? { times: 0, rows: 0, removed: 0, measured: false };
    step.times++;
    if (actual) {
      step.rows += Number(actual[1]) * Number(actual[2]);
      step.measured = true;
    }
    steps.set(name, step);
    last = name;
  }
  return [...steps].map(([name, step]) => {
    const facts = [
      step.times > 1 ? `x${step.times}` : null,
      step.measured ? `${step.rows.toLocaleString('en-US')} rows` : null,
      step.removed > 0 ? `${step.removed.toLocaleString('en-US')} filtered out` : null,
    ].filter(Boolean);
    return `\`${name}\`${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`;
  });
}

// ---------------------------------------------------------------- the server

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms`);
}

async function startNewsdesk(target: Target, port: number, cache: boolean): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: target.url,
      NEWSDESK_MEDIA_DIR: target.mediaDir,
      NEWSDESK_SEED_DEMO: 'false',
      NEWSDESK_LOG_LEVEL: 'warn',
      NEWSDESK_PAGE_CACHE: cache ? 'true' : 'false',
      NEWSDESK_PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
  });
  await waitFor(`http://127.0.0.1:${port}/health`);
  return child;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

interface PageFacts {
  /** Comments on the page: a check that it is the page we mean to measure. */
  shown: number;
  bytes: number;
  /** As sent to wrk (brotli). */
  wireBytes: number;
}

async function pageFacts(url: string): Promise<PageFacts> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  const html = await res.text();
  const wireBytes = await new Promise<number>((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'br, gzip' } }, (raw) => {
        let n = 0;
        raw.on('data', (chunk: Buffer) => {
          n += chunk.length;
        });
        raw.on('end', () => resolve(n));
      })
      .on('error', reject);
  });
  return {
    shown: html.match(/<article class="comment[ "]/g)?.length ?? 0,
    bytes: Buffer.byteLength(html),
    wireBytes,
  };
}

// ---------------------------------------------------------------- posting

interface PostRun {
  latency: Spread;
  perSecond: number;
  failures: Map<number, number>;
  acknowledged: number;
}

let posted = 0;
const runTag = Date.now().toString(36);

/** A loopback address of its own for each post (Linux answers all of 127/8), so the per-address limit sees a new reader. */
function addressFor(n: number): string {
  return `127.${10 + Math.floor(n / 62_500)}.${(Math.floor(n / 250) % 250) + 1}.${(n % 250) + 1}`;
}

function postOnce(
  port: number,
  articleId: number,
  parentId: number | null,
  text: string,
): Promise<{ ms: number; status: number }> {
  const n = ++posted;
  const form = new URLSearchParams({
    articleId: String(articleId),
    ...(parentId ? { parentId: String(parentId) } : {}),
    name: `Bench reader ${n}`,
    email: `bench.${runTag}.${n}@example.org`,
    body: text,
    website: '',
    // The form was shown twenty seconds ago: a person typed this.
    renderedAt: String(Date.now() - 20_000),
    clientKey: randomUUID(),
  }).toString();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/comments',
        localAddress: addressFor(n),
        agent: false,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(form),
          origin: `http://127.0.0.1:${port}`,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0 }));
      },
    );
    req.on('error', reject);
    req.end(form);
  });
}

/** `posters` readers posting one after another for `seconds`: three in ten are replies to a published comment. */
async function postFor(port: number, built: Built, seconds: number): Promise<PostRun> {
  const random = randomFrom(posted + 1);
  const parents = built.big.approvedIds;
  const samples: number[] = [];
  const failures = new Map<number, number>();
  let acknowledged = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: posters }, async () => {
      while (performance.now() < until) {
        const parent = random() < 0.3 ? (parents[Math.floor(random() * parents.length)] ?? null) : null;
        const { ms: took, status } = await postOnce(port, built.bigId, parent, commentText(random, posted));
        samples.push(took);
        if (status === 303) acknowledged++;
        else failures.set(status, (failures.get(status) ?? 0) + 1);
      }
    }),
  );
  return {
    latency: spread(samples),
    perSecond: samples.length / ((performance.now() - started) / 1000),
    failures,
    acknowledged,
  };
}

// ---------------------------------------------------------------- one database

interface DialectResult {
  target: Target;
  reads: { label: string; facts: PageFacts; r: WrkResult }[];
  /** The article pages with the page cache on: what readers get once a page has been rendered. */
  cachedReads: { label: string; r: WrkResult }[];
  service: { big: Spread; small: Spread; twin: Spread };
  alone: PostRun;
  /** Posts while wrk reads the big article's page: cache off at about half its capacity, cache off flat out, cache on flat out. */
  loaded: { what: string; posts: PostRun; reads: WrkResult }[];
  plans: Plan[];
  stored: { byStatus: Record<string, number>; acknowledged: number; problems: string[] };
}

async function benchmark(target: Target, port: number): Promise<DialectResult> {
  const { built } = target;
  console.log(`\n${target.name}: thread queries in-process and their plans`);
  const queries = await threadQueries(target);
  for (const p of queries.plans) {
    console.log(`\n  ${p.label}${p.fullScan ? '   <-- FULL SCAN' : ''}\n  ${p.sql}`);
    for (const line of p.plan) console.log(`    ${line}`);
  }
  console.log(
    `\n  listThread first page p50: ${smallCount} comments ${ms(queries.small.p50)}, ` +
      `its twin ${ms(queries.twin.p50)}, ${bigCount} comments ${ms(queries.big.p50)}`,
  );

  const base = `http://127.0.0.1:${port}`;
  const articles = [
    { what: `${smallCount} comments`, path: built.smallPath, id: built.smallId },
    { what: `${built.twinCount} comments (the big one's first page)`, path: built.twinPath, id: built.twinId },
    { what: `${whole(bigCount)} comments`, path: built.bigPath, id: built.bigId },
  ];
  const reads: DialectResult['reads'] = [];
  const cachedReads: DialectResult['cachedReads'] = [];
  const loaded: DialectResult['loaded'] = [];
  let alone: PostRun | null = null;
  let acknowledged = 0;
  for (const cache of [false, true]) {
    const server = await startNewsdesk(target, port, cache);
    try {
      if (!cache) {
        const pages = [
          ...articles.map((a) => ({ label: `Article page, ${a.what}`, url: `${base}${a.path}` })),
          ...articles.map((a) => ({ label: `/comments/:articleId, ${a.what}`, url: `${base}/comments/${a.id}` })),
        ];
        for (const page of pages) {
          const facts = await pageFacts(page.url);
          for (let i = 0; i < 30; i++) await fetch(page.url).then((r) => r.arrayBuffer());
          console.log(`${target.name}: wrk ${page.label} (${facts.shown} comments, ${whole(facts.bytes)} bytes)...`);
          await quiet();
          reads.push({ label: page.label, facts, r: await runWrk(page.url) });
        }
        console.log(`${target.name}: comment POSTs alone, ${posters} at a time...`);
        await quiet();
        alone = await postFor(port, built, duration);
        acknowledged += alone.acknowledged;
      }
      if (cache) {
        for (const a of articles) {
          const url = `${base}${a.path}`;
          await fetch(url).then((r) => r.arrayBuffer());
          console.log(`${target.name}: wrk Article page, ${a.what}, page cache on...`);
          await quiet();
          cachedReads.push({ label: `Article page, ${a.what}`, r: await runWrk(url) });
        }
      }
      const capacity = reads.find((x) => x.label === `Article page, ${whole(bigCount)} comments`)?.r.rps ?? 0;
      const loads = cache
        ? [{ what: 'page cache on, wrk flat out', gapMs: 0 }]
        : [
            // Each connection waits so the eight together ask about half of what the page served flat out.
            {
              what: `page cache off, wrk at about half the page's capacity (${whole(capacity / 2)} req/s)`,
              gapMs: capacity > 0 ? (Number(values.connections) * 1000) / (capacity / 2) : 0,
            },
            { what: 'page cache off, wrk flat out', gapMs: 0 },
          ];
      for (const load of loads) {
        console.log(`${target.name}: comment POSTs while wrk reads the big article page, ${load.what}...`);
        await quiet();
        const reading = runWrk(`${base}${built.bigPath}`, duration + 2, load.gapMs);
        await new Promise((r) => setTimeout(r, 1000));
        const posts = await postFor(port, built, duration);
        loaded.push({ what: load.what, posts, reads: await reading });
        acknowledged += posts.acknowledged;
      }
    } finally {
      await stop(server);
    }
  }
  return {
    target,
    reads,
    cachedReads,
    service: queries,
    alone: alone as PostRun,
    loaded,
    plans: queries.plans,
    stored: await storedPosts(target, acknowledged),
  };
}

/** Every acknowledged post is stored, once, and the kept counts still add up. */
async function storedPosts(target: Target, acknowledged: number): Promise<DialectResult['stored']> {
  const db = target.open();
  try {
    const rows = await db.kysely
      .selectFrom('comments')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('article_id', '=', target.built.bigId)
      .where('created_at', '>', target.built.seededUntil)
      .groupBy('status')
      .execute();
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    const problems = await checkKeptCounts(db.kysely, [target.built.bigId, target.built.smallId, target.built.twinId]);
    const stored = Object.values(byStatus).reduce((a, b) => a + b, 0);
    if (stored !== acknowledged) problems.push(`${acknowledged} posts acknowledged, ${stored} stored`);
    return { byStatus, acknowledged, problems };
  } finally {
    await db.close();
  }
}

// ---------------------------------------------------------------- the report

function section(results: DialectResult[]): string {
  const first = results[0] as DialectResult;
  const { big, small, twinCount } = first.target.built;
  const readRows = results.flatMap(({ target, reads }) =>
    reads.map(
      ({ label, facts, r }) =>
        `| ${target.name} | ${label} | ${facts.shown} | ${whole(facts.bytes)} / ${whole(facts.wireBytes)} | ${whole(r.rps)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.errors} |`,
    ),
  );
  const cachedRows = results.flatMap(({ target, cachedReads }) =>
    cachedReads.map(
      ({ label, r }) => `| ${target.name} | ${label} | ${whole(r.rps)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.errors} |`,
    ),
  );
  const pct = (x = 0, y = 1) => `${Math.round((x / y) * 100)}%`;
  const ratios = results.map(({ target, reads }) => {
    const [a20, aTwin, aBig, c20, cTwin, cBig] = reads.map((x) => x.r.rps);
    return (
      `${target.name}: the ${whole(bigCount)}-comment article page serves ${pct(aBig, aTwin)} of its first-page twin's req/s ` +
      `and ${pct(aBig, a20)} of the ${smallCount}-comment one's; its /comments page ${pct(cBig, cTwin)} and ${pct(cBig, c20)}`
    );
  });
  const failures = (p: PostRun) =>
    p.failures.size === 0 ? 'none' : [...p.failures].map(([status, n]) => `${n} x ${status}`).join(', ');
  const postRow = (name: string, what: string, p: PostRun, reads: string) =>
    `| ${name} | ${what} | ${whole(p.latency.count)} | ${p.perSecond.toFixed(0)} | ${ms(p.latency.p50)} | ${ms(p.latency.p90)} | ${ms(p.latency.p99)} | ${ms(p.latency.max)} | ${failures(p)} | ${reads} |`;
  const postRows = results.flatMap(({ target, alone, loaded }) => [
    postRow(target.name, 'alone', alone, '—'),
    ...loaded.map(({ what, posts, reads }) =>
      postRow(
        target.name,
        `while wrk reads the ${whole(bigCount)}-comment article page: ${what}`,
        posts,
        `${whole(reads.rps)} req/s, p50 ${ms(reads.p50)}, p99 ${ms(reads.p99)}${reads.errors === 'none' ? '' : `, ${reads.errors}`}`,
      ),
    ),
  ]);
  const serviceRows = results.map(
    ({ target, service: s }) =>
      `| ${target.name} | ${ms(s.small.p50)} / ${ms(s.small.p99)} | ${ms(s.twin.p50)} / ${ms(s.twin.p99)} | ${ms(s.big.p50)} / ${ms(s.big.p99)} |`,
  );
  const planLines = results.flatMap(({ target, plans }) => [
    `${target.name} (${
      plans.some((p) => p.fullScan)
        ? `FULL SCAN in: ${plans
            .filter((p) => p.fullScan)
            .map((p) => p.label)
            .join('; ')}`
        : 'no full scan of comments or commenters'
    }):`,
    '',
    ...plans.map((p) => `- ${p.label}: ${inShort(p.plan).join(' · ')}`),
    '',
  ]);
  const storedLines = results.map(
    ({ target, stored }) =>
      `${target.name}: ${whole(stored.acknowledged)} posts acknowledged, stored as ${Object.entries(stored.byStatus)
        .map(([s, n]) => `${whole(n)} ${s}`)
        .join(
          ', ',
        )}; kept counts ${stored.problems.length === 0 ? 'consistent after the runs' : `WRONG: ${stored.problems.join('; ')}`}.`,
  );
  return `## Comments

Run with \`npm run bench:comments\`${pgUrl ? ' with DATABASE_URL naming a PostgreSQL server (for the PostgreSQL rows)' : ''} on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, Node ${process.version}.
Three published twins (same body, section, image, authors and tags) on the demo newsroom: one with ${whole(bigCount)}
approved comments (${whole(big.topLevel)} top-level, ${whole(big.replies)} replies down to depth ${big.deepest}, the largest branch
${whole(big.largestBranch)} replies, ${whole(big.likes)} likes, and ${whole(big.hidden)} more pending, rejected or spam), one with ${smallCount}
(${small.topLevel} top-level), and one whose whole thread is a copy of the big one's first page (${twinCount} comments: 20
top-level and up to 10 replies each), so the same page with nothing beyond it. Written in bulk with every kept count
as the service keeps it (checked by recount). Page cache off: every request renders (the honest miss). wrk
${values.threads} threads, ${values.connections} connections, ${duration} s a run, on the same ${os.cpus().length} cores as the server and the database.
Before each run the script waits (up to 3 minutes) for the machine to be idle; other work kept it up to
${Math.round(Math.max(0, ...busyBefore) * 100)}% busy just before a run (median ${Math.round((spread(busyBefore).p50 || 0) * 100)}%).

| Database | Page | comments on it | bytes / brotli | req/s | p50 | p99 | errors |
|---|---|---:|---:|---:|---:|---:|---|
${readRows.join('\n')}

${ratios.join('.\n')}.

With the page cache on (what readers get once a page has been rendered: a map lookup and a write of the
stored brotli bytes), the same article pages:

| Database | Page | req/s | p50 | p99 | errors |
|---|---|---:|---:|---:|---|
${cachedRows.join('\n')}

The service call behind these pages (listThread, the first page), in-process, 300 calls, p50 / p99:

| Database | ${smallCount} comments | first-page twin (${twinCount}) | ${whole(bigCount)} comments |
|---|---:|---:|---:|
${serviceRows.join('\n')}

Comment POSTs through the no-JavaScript form (POST /comments answering 303 once committed), ${posters} readers at a
time, each post a new guest from a loopback address of its own: the default rate limits run and never refuse;
first comments publish at once (newCommenterApprovals 0) so every post also moves the kept counts and purges the
article's page; three in ten are replies. ${duration} s a run:

| Database | POSTs | count | per s | p50 | p90 | p99 | max | refused | reads of the article page meanwhile |
|---|---|---:|---:|---:|---:|---:|---:|---|---|
${postRows.join('\n')}

${storedLines.join('\n')}

Plans of the thread queries on the ${whole(bigCount)}-comment article (SQLite: EXPLAIN QUERY PLAN${pgUrl ? '; PostgreSQL: EXPLAIN ANALYZE' : ''}; the script prints the SQL):

${planLines.join('\n')}
`;
}

/** Replaces only the Comments section; placed before Search when new, because bench/search.ts keeps what comes before its own. */
function writeSection(text: string) {
  const file = path.join(root, 'bench', 'RESULTS.md');
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmark results\n';
  const start = current.indexOf('\n## Comments\n');
  let next: string;
  if (start !== -1) {
    const end = current.indexOf('\n## ', start + 1);
    next = `${current.slice(0, start + 1)}${text}${end === -1 ? '' : `\n${current.slice(end + 1)}`}`;
  } else {
    const search = current.indexOf('\n## Search\n');
    next =
      search === -1
        ? `${current.trimEnd()}\n\n${text}`
        : `${current.slice(0, search + 1)}${text}\n${current.slice(search + 1)}`;
  }
  fs.writeFileSync(file, next);
  console.log(`\nwrote the Comments section of ${path.relative(root, file)}`);
}

async function main() {
  const results: DialectResult[] = [];
  const sqlite = await sqliteTarget();
  try {
    results.push(await benchmark(sqlite, 3911));
  } finally {
    await sqlite.cleanup();
  }
  if (pgUrl) {
    const postgres = await postgresTarget(pgUrl);
    try {
      results.push(await benchmark(postgres, 3912));
    } finally {
      await postgres.cleanup();
    }
  }
  const text = section(results);
  console.log(`\n${text}`);
  writeSection(text);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
