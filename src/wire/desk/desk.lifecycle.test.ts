import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type AdminClient, signedIn } from '../../../test/helpers/admin.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { testClock } from '../../../test/helpers/clock.js';
import { eachDialect } from '../../../test/helpers/db.js';
import { buildSection } from '../../../test/helpers/factories.js';
import { getPage, textOf } from '../../../test/helpers/html.js';
import { type SmtpSink, startSmtpSink } from '../../../test/helpers/smtp-sink.js';
import { addVersion, makeItem, makeSource, type WireSource } from '../../../test/helpers/wire.js';
import { wireItemChangedJob } from '../ingest/ingest.service.js';

interface Alert {
  id: number;
  kind: string;
  message: string;
  diff: { fromVersion: number; toVersion: number; body: { change: string; text: string }[] } | null;
}

/** What a test needs of an app to drive the desk through the Admin API. */
function deskDriver(t: () => TestApp, editor: () => AdminClient) {
  const runJobs = async () => {
    await t().services.jobs.runDue();
    const failed = await t()
      .services.db.kysely.selectFrom('jobs')
      .select(['kind', 'last_error'])
      .where('last_error', 'is not', null)
      .execute();
    assert.deepEqual(failed, [], 'every job ran without an error');
  };
  const adopt = async (itemIds: number[]) => {
    const res = await editor().post('/api/admin/wire/adopt', { itemIds });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as number;
  };
  const article = async (id: number) => (await editor().get(`/api/admin/articles/${id}`)).json();
  const edit = async (id: number, text: string) => {
    const current = await article(id);
    const body = {
      ...current.body,
      content: [...current.body.content, { type: 'paragraph', content: [{ type: 'text', text }] }],
    };
    const res = await editor().patch(`/api/admin/articles/${id}`, { version: current.version, body });
    assert.equal(res.statusCode, 200, res.body);
  };
  const publish = async (id: number) => {
    const res = await editor().put(`/api/admin/articles/${id}/publication`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().url as string;
  };
  const wire = async (id: number) => {
    const res = await editor().get(`/api/admin/articles/${id}/wire`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { alerts: Alert[]; verbatim: boolean; sources: { itemVersion: number }[] };
  };
  const bodyText = async (id: number) =>
    (await article(id)).body.content.map((p: { content: { text: string }[] }) => p.content[0]?.text).join('\n');
  return { runJobs, adopt, article, edit, publish, wire, bodyText };
}

eachDialect('wire desk: agency updates, corrections, kills', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;
  let source: WireSource;
  const clock = testClock('2026-11-28T10:00:00Z');
  const desk = deskDriver(
    () => t,
    () => editor,
  );

  before(async () => {
    t = await buildTestApp(dialect, { clock });
    editor = await signedIn(t, 'editor');
    const world = await buildSection(t.services, 'world', 'World');
    source = await makeSource(t.services, { name: 'Meridian Press Agency', defaultSectionId: world.id });
  });
  after(() => t.close());

  test('an update applies itself to copy published as received, and alerts with the diff where the desk changed it', async () => {
    const item = await makeItem(t.services, {
      source,
      headline: 'Flood barrier closes',
      bodyHtml: '<p>The barrier closed at six.</p><p>Water rose two metres.</p>',
    });
    const verbatim = await desk.adopt([item.id]);
    const edited = await desk.adopt([item.id]);
    const verbatimUrl = await desk.publish(verbatim);
    await desk.edit(edited, 'Our reporter was on the embankment.');
    const editedUrl = await desk.publish(edited);
    const revisionsBefore = (await editor.get(`/api/admin/articles/${verbatim}/revisions`)).json().total;
    await getPage(t.app, verbatimUrl);

    await addVersion(t.services, item.id, {
      headline: 'Flood barrier closes early',
      bodyHtml: '<p>The barrier closed at five.</p><p>Water rose two metres.</p>',
    });
    await desk.runJobs();

    const applied = await desk.article(verbatim);
    assert.equal(applied.headline, 'Flood barrier closes early');
    assert.equal(await desk.bodyText(verbatim), 'The barrier closed at five.\nWater rose two metres.');
    assert.equal(applied.creditLine, 'Meridian Press Agency', 'still as received, still credited so');
    assert.equal((await editor.get(`/api/admin/articles/${verbatim}/revisions`)).json().total, revisionsBefore + 1);
    const page = await getPage(t.app, verbatimUrl);
    assert.equal(textOf(page.doc.querySelector('main h1')), 'Flood barrier closes early', 'the cached page was purged');
    const verbatimWire = await desk.wire(verbatim);
    assert.equal(verbatimWire.verbatim, true);
    assert.equal(verbatimWire.sources[0]?.itemVersion, 2);
    assert.deepEqual(
      verbatimWire.alerts.map((a) => a.kind),
      ['applied'],
    );

    assert.equal((await desk.article(edited)).headline, 'Flood barrier closes', 'edited copy is never touched');
    assert.match(await desk.bodyText(edited), /at six\.\nWater rose two metres\.\nOur reporter/);
    assert.equal((await getPage(t.app, editedUrl)).res.statusCode, 200);
    const [alert] = (await desk.wire(edited)).alerts;
    assert.equal(alert?.kind, 'update');
    assert.match(
      alert?.message ?? '',
      /Meridian Press Agency updated this story \(version 2\)\. The desk changed this article/,
    );
    assert.equal(alert?.diff?.fromVersion, 1);
    assert.deepEqual(
      alert?.diff?.body.filter((p) => p.change !== 'same').map((p) => [p.change, p.text]),
      [
        ['removed', 'six'],
        ['added', 'five'],
      ],
    );

    // The job runs at least once: running it again changes nothing more.
    await t.services.jobs.enqueue(wireItemChangedJob, { itemId: item.id, fromVersion: 1, toVersion: 2 });
    await desk.runJobs();
    assert.equal((await desk.wire(edited)).alerts.length, 1);
    assert.equal((await editor.get(`/api/admin/articles/${verbatim}/revisions`)).json().total, revisionsBefore + 1);

    const resolved = await editor.post(`/api/admin/wire/alerts/${alert?.id}/resolve`);
    assert.equal(resolved.statusCode, 200);
    assert.equal(resolved.json().resolvedBy, editor.staff.id);
    assert.deepEqual((await desk.wire(edited)).alerts, [], 'resolved alerts leave the list');
    assert.equal((await editor.post(`/api/admin/wire/alerts/${alert?.id}/resolve`)).statusCode, 409);
  });

  test('a correction is applied with a public note to copy published as received', async () => {
    const item = await makeItem(t.services, {
      source,
      headline: 'Mayor opens the new library',
      bodyHtml: '<p>The library holds 40,000 books.</p>',
    });
    const verbatim = await desk.adopt([item.id]);
    const url = await desk.publish(verbatim);
    const edited = await desk.adopt([item.id]);
    await desk.edit(edited, 'Readers queued from dawn.');
    await desk.publish(edited);

    await addVersion(t.services, item.id, {
      bodyHtml: '<p>The library holds 60,000 books.</p>',
      signals: ['correction'],
    });
    await desk.runJobs();

    const { doc } = await getPage(t.app, url);
    assert.equal(textOf(doc.querySelector('.article__body')), 'The library holds 60,000 books.');
    assert.equal(
      textOf(doc.querySelector('.notes .note--correction p')),
      'This story was updated with a correction issued by Meridian Press Agency.',
    );
    assert.deepEqual(
      (await desk.wire(edited)).alerts.map((a) => a.kind),
      ['correction'],
      'edited copy: the editors are told to correct it',
    );
  });

  test('a kill withdraws copy published as received from the page, feeds, sitemaps and search', async () => {
    const item = await makeItem(t.services, {
      source,
      headline: 'Zeppelin lands at the old airfield',
      bodyHtml: '<p>A zeppelin landed at the old airfield.</p>',
    });
    const verbatim = await desk.adopt([item.id]);
    const url = await desk.publish(verbatim);
    const edited = await desk.adopt([item.id]);
    await desk.edit(edited, 'Our photographer was there.');
    const editedUrl = await desk.publish(edited);
    const draft = await desk.adopt([item.id]);

    const listed = async () => ({
      page: (await getPage(t.app, url)).res,
      // The address closed by "<": the edited copy's address starts with the same words.
      feed: (await t.app.inject('/feed.xml')).body.includes(`${url}<`),
      sitemap: (await t.app.inject('/sitemaps/articles-2026-11.xml')).body.includes(`${url}<`),
      search: (await getPage(t.app, '/search?q=zeppelin')).doc.querySelector(`a[href="${url}"]`) !== null,
    });
    const before = await listed();
    assert.equal(before.page.statusCode, 200);
    assert.deepEqual([before.feed, before.sitemap, before.search], [true, true, true], 'everywhere before the kill');

    await addVersion(t.services, item.id, { pubStatus: 'canceled', signals: ['kill'] });
    await desk.runJobs();

    const gone = await listed();
    assert.equal(gone.page.statusCode, 410);
    assert.match(gone.page.body, /withdrawn/);
    assert.deepEqual([gone.feed, gone.sitemap, gone.search], [false, false, false], 'nowhere after it');
    assert.equal((await desk.article(verbatim)).status, 'withdrawn');
    const [verbatimAlert] = (await desk.wire(verbatim)).alerts;
    assert.equal(verbatimAlert?.kind, 'kill');

    assert.equal((await getPage(t.app, editedUrl)).res.statusCode, 200, 'edited copy stays until an editor acts');
    const [editedAlert] = (await desk.wire(edited)).alerts;
    assert.equal(editedAlert?.kind, 'kill');
    assert.match(editedAlert?.message ?? '', /killed this story .* review it and withdraw it/);
    assert.equal((await desk.wire(draft)).alerts[0]?.kind, 'kill', 'drafts are alerted too');
    assert.equal((await desk.article(draft)).status, 'draft');
    const open = (await editor.get('/api/admin/wire/alerts')).json().items as {
      articleId: number;
      canResolve: boolean;
    }[];
    assert.ok([verbatim, edited, draft].every((id) => open.some((a) => a.articleId === id)));
    assert.ok(
      open.every((a) => a.canResolve),
      'an editor may deal with every alert',
    );
    // An author sees the desk's alerts, but may deal only with those on their own articles.
    const author = await signedIn(t, 'author', { email: 'author.alerts@news.test' });
    const seen = (await author.get('/api/admin/wire/alerts')).json().items as typeof open;
    const mine = seen.filter((a) => [verbatim, edited, draft].includes(a.articleId));
    assert.ok(mine.length >= 3 && mine.every((a) => !a.canResolve), "not on the editor's articles");
  });

  test('a withheld item unpublishes copy published as received; scheduled copy is held back', async () => {
    const item = await makeItem(t.services, {
      source,
      headline: 'Talks collapse',
      bodyHtml: '<p>Talks collapsed.</p>',
    });
    const published = await desk.adopt([item.id]);
    const url = await desk.publish(published);
    const scheduled = await desk.adopt([item.id]);
    const at = await editor.put(`/api/admin/articles/${scheduled}/schedule`, { at: '2026-11-29T08:00:00Z' });
    assert.equal(at.statusCode, 200, at.body);

    await addVersion(t.services, item.id, { pubStatus: 'withheld' });
    await desk.runJobs();

    assert.equal((await desk.article(published)).status, 'unpublished');
    assert.equal((await getPage(t.app, url)).res.statusCode, 410);
    assert.equal((await desk.article(scheduled)).status, 'draft', 'its schedule was cancelled');
    assert.equal((await desk.wire(scheduled)).alerts[0]?.kind, 'withheld');
  });
});

eachDialect('wire desk: alert mail', (dialect) => {
  let t: TestApp;
  let sink: SmtpSink;
  let editor: AdminClient;
  let author: AdminClient;

  before(async () => {
    sink = await startSmtpSink();
    t = await buildTestApp(dialect, {
      clock: testClock('2026-11-28T10:00:00Z'),
      env: { NEWSDESK_SMTP_URL: sink.url, NEWSDESK_MAIL_FROM: 'Newsroom <newsroom@news.test>' },
    });
    editor = await signedIn(t, 'editor', { email: 'editor.alerts@news.test' });
    author = await signedIn(t, 'author', { email: 'author.alerts@news.test' });
  });
  after(async () => {
    await t.close();
    await sink.stop();
  });

  test("an alert reaches the article's creator and editors by mail, with the diff", async () => {
    const world = await buildSection(t.services, 'world', 'World');
    const source = await makeSource(t.services, { name: 'Harbour Wire', defaultSectionId: world.id });
    const item = await makeItem(t.services, {
      source,
      headline: 'Ferry fares rise',
      bodyHtml: '<p>Fares rise by 5 percent.</p>',
    });
    const desk = deskDriver(
      () => t,
      () => author,
    );
    const id = await desk.adopt([item.id]);
    await desk.edit(id, 'Commuters are angry.');
    const edit = deskDriver(
      () => t,
      () => editor,
    );
    await edit.edit(id, 'The council will debate the rise.');

    await addVersion(t.services, item.id, { bodyHtml: '<p>Fares rise by 7 percent.</p>' });
    await desk.runJobs();
    await t.services.jobs.runDue();

    const toAuthor = await sink.waitFor((m) => m.to.includes('author.alerts@news.test'));
    const toEditor = await sink.waitFor((m) => m.to.includes('editor.alerts@news.test'));
    assert.equal(toAuthor.subject, 'Agency update: Ferry fares rise');
    assert.match(toAuthor.text, /Harbour Wire updated this story \(version 2\)/);
    assert.match(toAuthor.text, /\[-5-\]\[\+7\+\]/);
    assert.ok(toAuthor.links.includes(`http://news.test/newsroom/articles/${id}`));
    assert.equal(toEditor.subject, toAuthor.subject);
    assert.equal(sink.messages.length, 2, 'one message each, nobody else');
  });
});
