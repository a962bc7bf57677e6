import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AdminClient, signedIn } from '../../../test/helpers/admin.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { testClock } from '../../../test/helpers/clock.js';
import { eachDialect } from '../../../test/helpers/db.js';
import { buildSection } from '../../../test/helpers/factories.js';
import { addVersion, makeItem, makeSource, type WireItem, type WireSource } from '../../../test/helpers/wire.js';

interface Listed {
  id: number;
  headline: string;
  source: { id: number | null; name: string };
  version: number;
  status: string;
  pubStatus: string;
  signals: string[];
  embargoUntil: string | null;
  clusterSize: number;
  articles: { id: number; headline: string; status: string }[];
}

eachDialect('wire desk: the inbox', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;
  let harbour: WireSource;
  let sportWire: WireSource;
  let sportId: number;
  /** Oldest first: a quay fire, a strike, a match report, a kill, a strike follow-up. */
  const items: WireItem[] = [];

  before(async () => {
    t = await buildTestApp(dialect, { clock: testClock('2026-11-28T10:00:00Z') });
    editor = await signedIn(t, 'editor');
    const world = await buildSection(t.services, 'world', 'World');
    sportId = (await buildSection(t.services, 'sport', 'Sport')).id;
    harbour = await makeSource(t.services, { name: 'Harbour Press', defaultSectionId: world.id });
    sportWire = await makeSource(t.services, { name: 'Sport Wire', defaultSectionId: sportId });
    const at = (minute: number) => `2026-11-28T09:${String(minute).padStart(2, '0')}:00.000Z`;
    items.push(
      await makeItem(t.services, { source: harbour, headline: 'Fire on the quay', updatedAt: at(1) }),
      await makeItem(t.services, {
        source: harbour,
        headline: 'Dock workers strike',
        summary: 'Talks with the port authority failed.',
        embargoUntil: '2026-11-28T12:00:00.000Z',
        updatedAt: at(2),
      }),
      await makeItem(t.services, { source: sportWire, headline: 'Harbour FC win the cup', updatedAt: at(3) }),
      await makeItem(t.services, {
        source: harbour,
        headline: 'Withdrawn: wrong figures',
        pubStatus: 'canceled',
        signals: ['kill'],
        status: 'ignored',
        updatedAt: at(4),
      }),
    );
    items.push(
      await makeItem(t.services, {
        source: sportWire,
        clusterOf: items[1],
        headline: 'Port strike enters second day',
        updatedAt: at(5),
      }),
    );
  });
  after(() => t.close());

  const list = async (query = '') => {
    const res = await editor.get(`/api/admin/wire/items${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { items: Listed[]; nextCursor: string | null };
  };
  const headlines = (page: { items: Listed[] }) => page.items.map((i) => i.headline);

  test('newest first, with source, version, embargo, status, signals and cluster size', async () => {
    const page = await list();
    assert.deepEqual(headlines(page), [
      'Port strike enters second day',
      'Withdrawn: wrong figures',
      'Harbour FC win the cup',
      'Dock workers strike',
      'Fire on the quay',
    ]);
    assert.equal(page.nextCursor, null);
    const strike = page.items.find((i) => i.headline === 'Dock workers strike');
    assert.deepEqual(strike?.source, { id: harbour.id, name: 'Harbour Press' });
    assert.equal(strike?.version, 1);
    assert.equal(strike?.embargoUntil, '2026-11-28T12:00:00.000Z');
    assert.equal(strike?.clusterSize, 2, 'two agencies tell this story');
    assert.deepEqual(strike?.articles, []);
    const killed = page.items.find((i) => i.headline === 'Withdrawn: wrong figures');
    assert.equal(killed?.pubStatus, 'canceled');
    assert.deepEqual(killed?.signals, ['kill']);
    assert.equal(killed?.status, 'ignored');
  });

  test('filters by source, section, status and words', async () => {
    assert.deepEqual(headlines(await list(`?source=${sportWire.id}`)), [
      'Port strike enters second day',
      'Harbour FC win the cup',
    ]);
    assert.deepEqual(headlines(await list(`?section=${sportId}`)), [
      'Port strike enters second day',
      'Harbour FC win the cup',
    ]);
    assert.deepEqual(headlines(await list('?status=ignored')), ['Withdrawn: wrong figures']);
    assert.deepEqual(headlines(await list(`?status=new&source=${harbour.id}`)), [
      'Dock workers strike',
      'Fire on the quay',
    ]);
    assert.deepEqual(headlines(await list('?q=STRIKE')), ['Port strike enters second day', 'Dock workers strike']);
    assert.deepEqual(headlines(await list('?q=port%20authority')), ['Dock workers strike'], 'the summary counts');
    assert.deepEqual(headlines(await list('?q=100%25')), [], 'like wildcards are plain text');
  });

  test('a cursor pages through without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`?limit=2${cursor ? `&before=${cursor}` : ''}`);
      seen.push(...headlines(page));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    assert.equal(pages, 3);
    assert.deepEqual(seen, headlines(await list()));
  });

  test('bad parameters are refused with a message', async () => {
    const cursor = await editor.get('/api/admin/wire/items?before=not-a-cursor');
    assert.equal(cursor.statusCode, 400);
    assert.match(cursor.json().error.message, /"before" parameter is not a cursor this list gave out/);
    assert.equal((await editor.get('/api/admin/wire/items?status=pending')).statusCode, 400);
    assert.equal((await editor.get('/api/admin/wire/items?limit=1000')).statusCode, 400);
  });

  test('one item in full: sanitized body, problems, versions, the other agencies side by side', async () => {
    const item = await makeItem(t.services, {
      source: harbour,
      headline: 'Bridge inspection',
      bodyHtml:
        '<p onclick="steal()">Engineers closed the bridge.</p><script>steal()</script><a href="javascript:x()">x</a>',
      problems: ['Invalid date "yesterday" in pubDate'],
      updatedAt: '2026-11-28T08:00:00.000Z',
    });
    await addVersion(t.services, item.id, {
      headline: 'Bridge inspection finds cracks',
      at: '2026-11-28T08:30:00.000Z',
    });
    const res = await editor.get(`/api/admin/wire/items/${item.id}`);
    assert.equal(res.statusCode, 200);
    const full = res.json();
    assert.equal(full.headline, 'Bridge inspection finds cracks');
    assert.equal(full.version, 2);
    assert.ok(full.bodyHtml.includes('Engineers closed the bridge.'));
    assert.ok(!/script|onclick|javascript:/i.test(full.bodyHtml), full.bodyHtml);
    assert.deepEqual(full.problems, ['Invalid date "yesterday" in pubDate']);
    assert.deepEqual(
      full.versions.map((v: { version: number; headline: string }) => [v.version, v.headline]),
      [
        [2, 'Bridge inspection finds cracks'],
        [1, 'Bridge inspection'],
      ],
    );

    const strike = (await editor.get(`/api/admin/wire/items/${items[1]?.id}`)).json();
    assert.deepEqual(
      strike.similar.map((s: { headline: string; source: { name: string } }) => [s.headline, s.source.name]),
      [['Port strike enters second day', 'Sport Wire']],
    );
    assert.ok(strike.similar[0].bodyHtml, 'with its body, to read side by side');
  });

  test('a version as received, and a word diff between versions', async () => {
    const item = await makeItem(t.services, {
      source: harbour,
      headline: 'Ferry delayed',
      bodyHtml: '<p>The ferry left an hour late.</p>',
      raw: '<item><title>Ferry delayed</title><guid>urn:ferry</guid></item>',
      updatedAt: '2026-11-28T07:00:00.000Z',
    });
    await addVersion(t.services, item.id, { bodyHtml: '<p>The ferry left two hours late.</p>' });
    const raw = await editor.get(`/api/admin/wire/items/${item.id}/versions/1`);
    assert.equal(raw.statusCode, 200);
    assert.equal(raw.json().raw, '<item><title>Ferry delayed</title><guid>urn:ferry</guid></item>');
    assert.equal((await editor.get(`/api/admin/wire/items/${item.id}/versions/9`)).statusCode, 404);
    assert.equal((await editor.get('/api/admin/wire/items/987654/versions/1')).statusCode, 404);

    const diff = (await editor.get(`/api/admin/wire/items/${item.id}/diff`)).json();
    assert.equal(diff.fromVersion, 1);
    assert.equal(diff.toVersion, 2);
    assert.deepEqual(
      diff.body
        .filter((p: { change: string }) => p.change !== 'same')
        .map((p: { change: string; text: string }) => [p.change, p.text.trim()]),
      [
        ['removed', 'an hour'],
        ['added', 'two hours'],
      ],
    );
    assert.equal((await editor.get(`/api/admin/wire/items/${item.id}/diff?from=1&to=7`)).statusCode, 404);
  });

  describe('ignore and unignore', () => {
    test('an item is set aside and brought back', async () => {
      const item = await makeItem(t.services, { source: harbour, updatedAt: '2026-11-28T06:00:00.000Z' });
      const ignored = await editor.post(`/api/admin/wire/items/${item.id}/ignore`);
      assert.equal(ignored.statusCode, 200);
      assert.equal(ignored.json().status, 'ignored');
      assert.ok(headlines(await list('?status=ignored')).includes(item.headline));
      const back = await editor.post(`/api/admin/wire/items/${item.id}/unignore`);
      assert.equal(back.json().status, 'new');
      assert.equal((await editor.post(`/api/admin/wire/items/${item.id}/unignore`)).statusCode, 409);
    });

    test('an adopted item cannot be ignored; unknown items are 404', async () => {
      const item = await makeItem(t.services, { source: harbour, updatedAt: '2026-11-28T05:00:00.000Z' });
      const adopted = await editor.post('/api/admin/wire/adopt', { itemIds: [item.id] });
      assert.equal(adopted.statusCode, 201);
      const refused = await editor.post(`/api/admin/wire/items/${item.id}/ignore`);
      assert.equal(refused.statusCode, 409);
      assert.match(refused.json().error.message, /adopted into an article/);
      const listed = (await list(`?status=adopted`)).items.find((i) => i.id === item.id);
      assert.deepEqual(
        listed?.articles.map((a) => [a.id, a.status]),
        [[adopted.json().id, 'draft']],
      );
      assert.equal((await editor.post('/api/admin/wire/items/987654/ignore')).statusCode, 404);
      assert.equal((await editor.get('/api/admin/wire/items/987654')).statusCode, 404);
    });
  });

  test('a search reads a bounded window of the inbox and says where to go on', async () => {
    const old = '2026-01-01T00:00:00.000Z';
    const needle = await makeItem(t.services, {
      source: harbour,
      headline: 'Lighthouse keeper retires',
      updatedAt: old,
    });
    // 500 newer items that do not match: more than one search window.
    const now = '2026-06-01T00:00:00.000Z';
    await t.services.db.kysely
      .insertInto('wire_items')
      .values(
        Array.from({ length: 500 }, (_, i) => ({
          source_id: harbour.id,
          origin: 'feed',
          source_item_id: `urn:test:filler:${i}`,
          headline: `Filler ${i}`,
          body_html: '<p>Filler.</p>',
          body_text: 'Filler.',
          content_hash: `filler-${i}`,
          format: 'rss',
          first_seen_at: now,
          updated_at: now,
        })),
      )
      .execute();
    const first = await list('?q=lighthouse&limit=5');
    assert.deepEqual(first.items, [], 'nothing in the first window');
    assert.ok(first.nextCursor, 'but a cursor to read on');
    let found: Listed[] = [];
    let cursor: string | null = first.nextCursor;
    for (let i = 0; i < 5 && cursor && found.length === 0; i++) {
      const page = await list(`?q=lighthouse&limit=5&before=${cursor}`);
      found = page.items;
      cursor = page.nextCursor;
    }
    assert.deepEqual(
      found.map((i) => i.id),
      [needle.id],
    );
  });
});
