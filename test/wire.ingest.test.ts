import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { wireItemChangedJob, wirePollJob } from '../src/wire/ingest/ingest.service.js';
import type { WireSource } from '../src/wire/ingest/sources.service.js';
import { buildTestApp, type TestApp } from './helpers/app.js';
import { type TestClock, testClock } from './helpers/clock.js';
import { eachDialect } from './helpers/db.js';
import { type FeedServer, startFeedServer, wireFixture } from './helpers/feed-server.js';

eachDialect('wire ingest: polling, storing, versions, duplicates, clusters', (dialect) => {
  let t: TestApp;
  let server: FeedServer;
  let clock: TestClock;
  let n = 0;

  before(async () => {
    server = await startFeedServer();
    clock = testClock('2026-11-28T12:00:00Z');
    t = await buildTestApp(dialect, {
      clock,
      env: { NEWSDESK_WIRE_ALLOW_HOSTS: '127.0.0.1,localhost', NEWSDESK_WIRE_TIMEOUT_MS: '400' },
    });
  });
  after(async () => {
    await t.close();
    await server.close();
  });
  afterEach(() => clock.advance(60_000));

  const wire = () => t.services.wireIngest;
  const db = () => t.services.db.kysely;
  /** A source reading a path of the feed server that no other test uses. */
  async function source(name: string, fixture?: string): Promise<{ source: WireSource; path: string }> {
    const path = `/feeds/${++n}`;
    if (fixture) server.serveFixture(path, fixture);
    const created = await wire().sources.create({ name, url: server.url(path), pollMinutes: 10 });
    return { source: created, path };
  }
  const itemsOf = (sourceId: number) =>
    db().selectFrom('wire_items').selectAll().where('source_id', '=', sourceId).orderBy('id').execute();
  /** Items of earlier tests would be duplicates of this test's copy: start from an empty inbox. */
  const clearItems = () => db().deleteFrom('wire_items').execute();
  const changedJobs = () =>
    db()
      .selectFrom('jobs')
      .select(['payload', 'status'])
      .where('kind', '=', wireItemChangedJob)
      .orderBy('id')
      .execute();

  describe('each format is stored in one model', () => {
    test('RSS 2.0: items at version 1, each with a version row holding the raw payload', async () => {
      const { source: hpa } = await source('Harbour Press Agency', 'harbour-rss.xml');
      const outcome = await wire().pollSource(hpa.id);
      assert.deepEqual(outcome, {
        status: 'fetched',
        newItems: 2,
        updatedItems: 0,
        unchanged: 0,
        duplicates: 0,
        skipped: 0,
        error: null,
      });
      const [cranes, tram] = await itemsOf(hpa.id);
      assert.ok(cranes && tram);
      assert.equal(cranes.version, 1);
      assert.equal(cranes.origin, 'feed');
      assert.equal(cranes.format, 'rss');
      assert.equal(cranes.source_item_id, 'urn:hpa:2026:saltmere-cranes');
      assert.deepEqual(JSON.parse(cranes.bylines), ['Maren Holt']);
      assert.equal(JSON.parse(cranes.images).length, 2);
      assert.equal(cranes.item_published_at, '2026-11-28T08:30:00.000Z');
      const versions = await wire().listVersions(cranes.id);
      assert.deepEqual(
        versions.map((v) => v.version),
        [1],
      );
      const v1 = await wire().getVersion(cranes.id, 1);
      assert.match(v1?.raw ?? '', /^<item>[\s\S]*urn:hpa:2026:saltmere-cranes[\s\S]*<\/item>$/);

      // Bad input inside the item: stored sanitized, with its problems.
      assert.ok(!/<script|onerror|onclick|javascript:|<iframe/i.test(tram.body_html), tram.body_html);
      assert.match(tram.body_html, new RegExp(`href="${server.origin}/documents/eastvale-tram-plan.pdf"`));
      assert.deepEqual(JSON.parse(tram.problems), ['Invalid date "31/02/2026" in pubDate']);
      assert.equal(tram.item_published_at, null);

      const read = await wire().getItem(cranes.id);
      assert.equal(read?.headline, 'Saltmere harbour cranes back in service after storm damage');
      assert.deepEqual(read?.bylines, ['Maren Holt']);
      assert.equal(read?.clusterId, cranes.id, 'alone, an item is its own cluster');

      const after = await wire().sources.get(hpa.id);
      assert.equal(after.itemCount, 2);
      assert.equal(after.last_error, null);
      assert.equal(after.last_success_at, clock.now().toISOString());
      assert.equal(after.next_poll_at, new Date(clock.now().getTime() + 10 * 60_000).toISOString());
    });

    test('Atom, JSON Feed and ninjs 1.x, 2.x, 3.x, with an agency extension kept', async () => {
      const expected: [string, string, string][] = [
        ['northern-atom.xml', 'atom', 'Fishing quota talks resume in Brennholm'],
        ['coastline-feed.json', 'jsonfeed', 'Lighthouse museum reopens with restored lens'],
        ['meridian-ninjs1.json', 'ninjs-1', 'Finance minister to unveil harbour investment fund'],
        ['meridian-ninjs2.json', 'ninjs-2', 'Rail unions call off weekend strike'],
        ['meridian-ninjs3.json', 'ninjs-3', 'Old Mill bridge closed for inspection'],
      ];
      for (const [fixture, format, headline] of expected) {
        const { source: s } = await source(`Source for ${fixture}`, fixture);
        const outcome = await wire().pollSource(s.id);
        assert.equal(outcome.status, 'fetched', `${fixture}: ${outcome.error}`);
        const item = (await itemsOf(s.id)).find((i) => i.headline === headline);
        assert.ok(item, `${fixture} gave "${headline}"`);
        assert.equal(item.format, format);
      }
      const [bridge] = await db()
        .selectFrom('wire_items')
        .selectAll()
        .where('source_item_id', '=', 'urn:newsml:meridian.example:20261128:bridge-closure')
        .execute();
      assert.deepEqual((await wire().getItem(bridge?.id ?? 0))?.extensions, {
        mnsPriority: { level: 2, desk: 'regions' },
      });
    });
  });

  test('an embargo is stored with the item', async () => {
    await clearItems();
    const { source: mns } = await source('Meridian News Service', 'meridian-ninjs1.json');
    await wire().pollSource(mns.id);
    const [item] = await itemsOf(mns.id);
    assert.equal(item?.embargo_until, '2026-11-30T12:00:00.000Z');
    assert.equal(item?.ed_note, 'Embargoed: do not publish before Monday noon.');
  });

  test('an update: same id, new text → version 2 with its raw payload, and a wire.item-changed job', async () => {
    await clearItems();
    const { source: hpa, path } = await source('Harbour Press Agency (updates)', 'harbour-rss.xml');
    await wire().pollSource(hpa.id);
    const before = (await itemsOf(hpa.id))[0];
    assert.ok(before);
    const jobsBefore = (await changedJobs()).length;

    server.serveFixture(path, 'harbour-rss-updated.xml');
    clock.advance(5 * 60_000);
    const outcome = await wire().pollSource(hpa.id);
    assert.equal(outcome.updatedItems, 1);
    assert.equal(outcome.newItems, 0);

    const after = await wire().getItem(before.id);
    assert.equal(after?.version, 2);
    assert.match(after?.bodyText ?? '', /replacement motor arrives next week/);
    assert.equal(after?.firstSeenAt, before.first_seen_at);
    const versions = await wire().listVersions(before.id);
    assert.deepEqual(
      versions.map((v) => v.version),
      [1, 2],
    );
    const v2 = await wire().getVersion(before.id, 2);
    assert.match(v2?.raw ?? '', /replacement motor/);
    assert.doesNotMatch(
      (await wire().getVersion(before.id, 1))?.raw ?? '',
      /replacement motor/,
      'version 1 keeps its own payload',
    );
    const jobs = await changedJobs();
    assert.equal(jobs.length, jobsBefore + 1);
    assert.deepEqual(JSON.parse(jobs.at(-1)?.payload ?? 'null'), { itemId: before.id, fromVersion: 1, toVersion: 2 });

    // The same feed again: nothing changes, no job.
    const again = await wire().pollSource(hpa.id);
    assert.equal(again.unchanged, 1);
    assert.equal((await changedJobs()).length, jobsBefore + 1);
    assert.equal((await wire().getItem(before.id))?.version, 2);
  });

  test('a kill (ninjs pubStatus canceled) is stored as canceled, as a new version, with a job', async () => {
    await clearItems();
    const { source: mns, path } = await source('Meridian News Service (kill)', 'meridian-ninjs3.json');
    await wire().pollSource(mns.id);
    const [item] = await itemsOf(mns.id);
    assert.ok(item);
    server.serveFixture(path, 'meridian-ninjs3-kill.json');
    assert.equal((await wire().pollSource(mns.id)).updatedItems, 1);
    const killed = await wire().getItem(item.id);
    assert.equal(killed?.pubStatus, 'canceled');
    assert.deepEqual(killed?.signals.sort(), ['correction', 'kill']);
    assert.equal(killed?.sourceVersion, '2');
    assert.equal((await wire().getVersion(item.id, 2))?.pubStatus, 'canceled');
    const job = (await changedJobs()).find((j) => JSON.parse(j.payload).itemId === item.id);
    assert.deepEqual(JSON.parse(job?.payload ?? 'null'), { itemId: item.id, fromVersion: 1, toVersion: 2 });
  });

  test('duplicates: twice in one feed, the same text under a new id, the same address under a new id', async () => {
    await clearItems();
    const { source: hpa } = await source('Harbour Press Agency (regional)', 'harbour-duplicates.xml');
    const outcome = await wire().pollSource(hpa.id);
    assert.equal(outcome.newItems, 1);
    assert.equal(outcome.unchanged, 1, 'the same item twice in one feed');
    assert.equal(outcome.duplicates, 2, 'same text under a new id; same address under a new id');
    const items = await itemsOf(hpa.id);
    assert.equal(items.length, 1);
    const problems = JSON.parse(items[0]?.problems ?? '[]') as string[];
    assert.ok(
      problems.some((p) => p.includes('urn:hpa:2026:kelby-ferry-resend')),
      problems.join('; '),
    );
    // A second poll records nothing new.
    await wire().pollSource(hpa.id);
    assert.deepEqual(JSON.parse((await itemsOf(hpa.id))[0]?.problems ?? '[]'), problems);
    assert.equal((await itemsOf(hpa.id)).length, 1);

    // Another source delivering the very same copy does not make a second row either.
    const { source: mirror } = await source('HPA mirror', 'harbour-duplicates.xml');
    assert.equal((await wire().pollSource(mirror.id)).newItems, 0);
    assert.equal((await itemsOf(mirror.id)).length, 0);
  });

  test('items from different agencies telling the same story share a cluster', async () => {
    await clearItems();
    const { source: hpa } = await source('HPA (cluster)', 'harbour-rss.xml');
    const { source: nw } = await source('Northern Wire (cluster)');
    server.serve(`/feeds/${n}`, {
      body: wireFixture('northern-atom.xml'),
      contentType: 'application/atom+xml',
    });
    await wire().pollSource(hpa.id);
    await wire().pollSource(nw.id);
    const hpaCranes = (await itemsOf(hpa.id)).find((i) => i.headline.startsWith('Saltmere'));
    const nwItems = await itemsOf(nw.id);
    const nwCranes = nwItems.find((i) => i.headline.startsWith('Saltmere'));
    const nwQuotas = nwItems.find((i) => i.headline.startsWith('Fishing'));
    assert.ok(hpaCranes && nwCranes && nwQuotas);
    assert.equal(nwCranes.cluster_id, hpaCranes.id, 'the group is named after its first item');
    assert.equal(nwQuotas.cluster_id, nwQuotas.id, 'another story stays alone');
  });

  describe('a feed that cannot be read is recorded on its source, and polled later', () => {
    const cases: [string, (path: string) => void, string | RegExp][] = [
      ['malformed XML', (p) => server.serveFixture(p, 'malformed.xml'), /^Malformed XML at line 5: /],
      ['malformed JSON', (p) => server.serveFixture(p, 'malformed-json.txt'), /^Malformed JSON: /],
      ['an HTML page', (p) => server.serveFixture(p, 'not-a-feed.html'), 'The response is HTML, not a feed'],
      ['a 404', () => undefined, 'The feed answered 404 Not Found'],
      ['a 10 MB feed', (p) => server.serve(p, { hugeBytes: 10 * 1024 * 1024 }), 'The feed is larger than 5 MB'],
      ['a feed that never answers', (p) => server.serve(p, { hang: true }), 'The feed did not answer within 0.4 s'],
    ];
    for (const [name, setUp, message] of cases) {
      test(name, async () => {
        const { source: s, path } = await source(`Broken: ${name}`);
        setUp(path);
        const outcome = await wire().pollSource(s.id);
        assert.equal(outcome.status, 'failed');
        const after = await wire().sources.get(s.id);
        for (const text of [outcome.error, after.last_error]) {
          if (typeof message === 'string') assert.equal(text, message);
          else assert.match(text ?? '', message);
        }
        assert.equal(after.failures, 1);
        assert.equal(after.last_error_at, clock.now().toISOString());
        // Backoff: interval (10 min) x 2^failures.
        assert.equal(after.next_poll_at, new Date(clock.now().getTime() + 20 * 60_000).toISOString());
        assert.equal(after.itemCount, 0);
      });
    }

    test('backoff doubles, is capped at 6 hours, and a success resets it', async () => {
      const { source: s, path } = await source('Flaky agency');
      for (let i = 1; i <= 7; i++) await wire().pollSource(s.id);
      const failing = await wire().sources.get(s.id);
      assert.equal(failing.failures, 7);
      assert.equal(failing.next_poll_at, new Date(clock.now().getTime() + 6 * 3600_000).toISOString());
      server.serveFixture(path, 'coastline-feed.json');
      await wire().pollSource(s.id);
      const fixed = await wire().sources.get(s.id);
      assert.equal(fixed.failures, 0);
      assert.equal(fixed.last_error, null);
      assert.equal(fixed.next_poll_at, new Date(clock.now().getTime() + 10 * 60_000).toISOString());
    });
  });

  test('conditional GET: the second poll sends the validators, and a 304 changes nothing', async () => {
    const { source: s, path } = await source('Northern Wire (conditional)');
    server.serveFixture(path, 'meridian-ninjs2.json', {
      etag: '"nw-1"',
      lastModified: 'Sat, 28 Nov 2026 10:00:00 GMT',
    });
    await clearItems();
    assert.equal((await wire().pollSource(s.id)).newItems, 1);
    const stored = await wire().sources.get(s.id);
    assert.equal(stored.etag, '"nw-1"');
    assert.equal(stored.last_modified, 'Sat, 28 Nov 2026 10:00:00 GMT');
    const itemBefore = (await itemsOf(s.id))[0];

    clock.advance(10 * 60_000);
    const outcome = await wire().pollSource(s.id);
    assert.equal(outcome.status, 'not_modified');
    const seen = server.requests.filter((r) => r.path === path).at(-1)?.headers;
    assert.equal(seen?.['if-none-match'], '"nw-1"');
    assert.equal(seen?.['if-modified-since'], 'Sat, 28 Nov 2026 10:00:00 GMT');
    assert.deepEqual((await itemsOf(s.id))[0], itemBefore, 'the item is untouched');
    const after = await wire().sources.get(s.id);
    assert.equal(after.last_success_at, clock.now().toISOString());
    assert.equal(after.etag, '"nw-1"');
  });

  test('the scheduler queues one poll per due, enabled source, never two, and the job polls', async () => {
    await db().updateTable('wire_sources').set({ enabled: 0 }).execute();
    await clearItems();
    const { source: due } = await source('Due agency', 'meridian-ninjs3.json');
    const { source: off } = await source('Disabled agency', 'meridian-ninjs3.json');
    await wire().sources.update(off.id, { enabled: false });

    assert.equal(await wire().scheduleDuePolls(), 1);
    assert.equal(await wire().scheduleDuePolls(), 0, 'claimed already: not queued twice');
    const queued = await db()
      .selectFrom('jobs')
      .select(['payload', 'dedupe_key'])
      .where('kind', '=', wirePollJob)
      .where('status', '=', 'queued')
      .execute();
    assert.deepEqual(queued, [{ payload: JSON.stringify({ sourceId: due.id }), dedupe_key: `wire.poll:${due.id}` }]);

    await t.services.jobs.runDue();
    const polled = await wire().sources.get(due.id);
    assert.equal(polled.last_success_at, clock.now().toISOString());
    assert.equal(polled.next_poll_at, new Date(clock.now().getTime() + 10 * 60_000).toISOString());
    assert.equal((await wire().sources.get(off.id)).last_polled_at, null);

    clock.advance(10 * 60_000);
    assert.equal(await wire().scheduleDuePolls(), 1, 'due again after its interval');
  });

  test('the scheduler is a recurring job: each run queues the next one a minute later', async () => {
    await wire().startScheduler();
    await t.services.jobs.runDue();
    const next = await db()
      .selectFrom('jobs')
      .select(['run_at'])
      .where('kind', '=', 'wire.schedule')
      .where('status', '=', 'queued')
      .execute();
    assert.deepEqual(next, [{ run_at: new Date(clock.now().getTime() + 60_000).toISOString() }]);
  });
});
