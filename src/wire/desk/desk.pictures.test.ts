import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import sharp from 'sharp';
import { type AdminClient, signedIn } from '../../../test/helpers/admin.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { testClock } from '../../../test/helpers/clock.js';
import { eachDialect } from '../../../test/helpers/db.js';
import { buildSection } from '../../../test/helpers/factories.js';
import { type FeedServer, startFeedServer } from '../../../test/helpers/feed-server.js';
import { getPage, textOf } from '../../../test/helpers/html.js';
import { addVersion, makeItem, makeSource, type WireSource } from '../../../test/helpers/wire.js';

interface BodyNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: BodyNode[];
}

interface Image {
  id: number;
  originalName: string;
  alt: string;
  caption: string;
  credit: string;
  status: string;
}

const picture = (width: number, colour: string, format: 'jpeg' | 'png') =>
  sharp({ create: { width, height: Math.round(width / 1.5), channels: 3, background: colour } })
    [format]()
    .toBuffer();

eachDialect('wire desk: agency pictures come into our media library', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;
  let photos: FeedServer;
  let source: WireSource;
  const clock = testClock('2026-11-28T10:00:00Z');

  before(async () => {
    photos = await startFeedServer();
    t = await buildTestApp(dialect, {
      clock,
      // The test's own picture server is on 127.0.0.1; any other private address stays refused.
      env: { NEWSDESK_WIRE_ALLOW_HOSTS: '127.0.0.1', NEWSDESK_WIRE_TIMEOUT_MS: '2000' },
    });
    editor = await signedIn(t, 'editor');
    const world = await buildSection(t.services, 'world', 'World');
    source = await makeSource(t.services, { name: 'Harbour Press Agency', defaultSectionId: world.id });
    photos.serve('/photos/cranes.jpg', { body: await picture(1200, '#2b5f8a', 'jpeg'), contentType: 'image/jpeg' });
    photos.serve('/photos/depot.png', { body: await picture(640, '#8a5f2b', 'png'), contentType: 'image/png' });
    photos.serve('/photos/quay.jpg', { body: await picture(800, '#3c8a2b', 'jpeg'), contentType: 'image/jpeg' });
    photos.serve('/photos/harbour.jpg', { body: await picture(700, '#5f5f8a', 'jpeg'), contentType: 'image/jpeg' });
    photos.serve('/photos/tram.jpg', { body: await picture(900, '#8a2b5f', 'jpeg'), contentType: 'image/jpeg' });
    photos.serve('/photos/notes.txt', { body: 'not a picture at all', contentType: 'image/jpeg' });
  });
  after(async () => {
    await t.close();
    await photos.close();
  });

  const adopt = async (itemId: number) => {
    const res = await editor.post('/api/admin/wire/adopt', { itemIds: [itemId] });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: number; featureImageId: number | null; creditLine: string; pictureProblems: string[] };
  };
  const articleOf = async (id: number) => (await editor.get(`/api/admin/articles/${id}`)).json();
  const imageOf = async (id: number) => (await editor.get(`/api/admin/media/${id}`)).json() as Image;
  const figuresOf = (body: BodyNode): number[] =>
    (body.content ?? []).flatMap((n) => (n.type === 'figure' ? [n.attrs?.imageId as number] : figuresOf(n)));

  test('the first picture is the feature image with its caption and credit; inline ones become figures of our copies; one that cannot be had is left out, said why', async () => {
    const item = await makeItem(t.services, {
      source,
      headline: 'Saltmere quay gets its new cranes',
      bodyHtml:
        '<p>Two cranes arrived at Saltmere quay on Friday.</p>' +
        `<p><img src="${photos.url('/photos/depot.png')}" alt="The new tram depot at dusk" /></p>` +
        `<p>The port says they double its capacity. <img src="${photos.url('/photos/gone.jpg')}" /></p>` +
        `<figure><img src="${photos.url('/photos/cranes.jpg')}" /><figcaption>The cranes</figcaption></figure>` +
        `<p><img src="${photos.url('/photos/notes.txt')}" /> <img src="http://10.20.30.40/secret.jpg" /></p>` +
        '<p>Work starts in the spring.</p>',
      images: [
        { url: photos.url('/photos/cranes.jpg'), caption: 'The cranes on the quay at dawn', credit: 'Ola Fjell/HPA' },
      ],
    });
    const adopted = await adopt(item.id);
    assert.equal(adopted.creditLine, 'Harbour Press Agency', 'pictures do not make the copy "edited"');

    assert.equal(adopted.pictureProblems.length, 3, adopted.pictureProblems.join('\n'));
    assert.match(adopted.pictureProblems.join('\n'), /gone\.jpg was left out: the image answered 404 Not Found\./);
    assert.match(adopted.pictureProblems.join('\n'), /notes\.txt was left out: that file is not an image we can read/);
    assert.match(
      adopted.pictureProblems.join('\n'),
      /secret\.jpg was left out: .*10\.20\.30\.40, a private network address/,
    );
    const events = (await editor.get(`/api/admin/articles/${adopted.id}/events`)).json();
    const created = (events.items as { action: string; detail: string }[]).find((e) => e.action === 'created');
    assert.match(created?.detail ?? '', /gone\.jpg was left out/, "the article's log keeps what was left out");

    // The feature image: the agency's caption becomes its alt text too, its photographer the credit.
    assert.ok(adopted.featureImageId);
    const feature = await imageOf(adopted.featureImageId);
    assert.equal(feature.originalName, photos.url('/photos/cranes.jpg'));
    assert.equal(feature.alt, 'The cranes on the quay at dawn');
    assert.equal(feature.caption, 'The cranes on the quay at dawn');
    assert.equal(feature.credit, 'Ola Fjell/HPA');

    // The inline picture, in its place; the feature image is not repeated in the body.
    const article = await articleOf(adopted.id);
    const figures = figuresOf(article.body);
    assert.equal(figures.length, 1);
    const inline = await imageOf(figures[0] as number);
    assert.equal(inline.originalName, photos.url('/photos/depot.png'));
    assert.equal(inline.alt, 'The new tram depot at dusk');
    assert.equal(inline.credit, 'Harbour Press Agency', 'no photographer given: the agency is credited');
    const blocks = (article.body as BodyNode).content?.map((n) => n.type);
    assert.deepEqual(blocks, ['paragraph', 'figure', 'paragraph', 'paragraph']);

    await t.services.jobs.runDue();
    const published = await editor.put(`/api/admin/articles/${adopted.id}/publication`);
    assert.equal(published.statusCode, 200, published.body);
    const { res, doc } = await getPage(t.app, published.json().url);
    assert.equal(res.statusCode, 200);
    const sources = [...doc.querySelectorAll('main img')].map((img) => img.getAttribute('src') ?? '');
    assert.equal(sources.length, 2, 'the feature image and the inline figure');
    for (const src of sources) assert.match(src, /^\/media\/images\//, 'every picture is our own copy');
    assert.match(textOf(doc.querySelector('.article__image figcaption')), /Ola Fjell\/HPA/);
    assert.doesNotMatch(res.body, /127\.0\.0\.1|10\.20\.30\.40/, 'no agency address reaches the page');
  });

  test('a picture the agency does not describe has no alt text: publishing waits for an editor to write one', async () => {
    const item = await makeItem(t.services, {
      source,
      headline: 'Ferry timetable changes for winter',
      images: [{ url: photos.url('/photos/quay.jpg') }],
    });
    const adopted = await adopt(item.id);
    assert.deepEqual(adopted.pictureProblems, []);
    assert.ok(adopted.featureImageId);
    assert.equal((await imageOf(adopted.featureImageId)).alt, '');
    await t.services.jobs.runDue();

    const refused = await editor.put(`/api/admin/articles/${adopted.id}/publication`);
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().error.code, 'validation_failed');
    const described = await editor.patch(`/api/admin/media/${adopted.featureImageId}`, {
      alt: 'Passengers boarding the morning ferry',
    });
    assert.equal(described.statusCode, 200, described.body);
    assert.equal((await editor.put(`/api/admin/articles/${adopted.id}/publication`)).statusCode, 200);
  });

  test("an agency update applied to copy published as received keeps its pictures and brings the new one's", async () => {
    const depot = photos.url('/photos/depot.png');
    const item = await makeItem(t.services, {
      source,
      headline: 'Tram depot opens its doors',
      bodyHtml: `<p>The depot opened on Saturday.</p><p><img src="${depot}" alt="The depot" /></p>`,
      // The lead picture (the feature image) is another one, so the depot stays in the body.
      images: [{ url: photos.url('/photos/harbour.jpg'), alt: 'The harbour at noon' }],
    });
    const adopted = await adopt(item.id);
    const [depotId] = figuresOf((await articleOf(adopted.id)).body);
    assert.ok(depotId);
    await t.services.jobs.runDue();
    assert.equal((await editor.put(`/api/admin/articles/${adopted.id}/publication`)).statusCode, 200);
    const requestsBefore = photos.requests.filter((r) => r.path === '/photos/depot.png').length;

    await addVersion(t.services, item.id, {
      bodyHtml:
        `<p>The depot opened on Saturday.</p><p><img src="${depot}" alt="The depot" /></p>` +
        `<p>The first tram left at noon.</p><p><img src="${photos.url('/photos/tram.jpg')}" alt="The first tram" /></p>`,
    });
    await t.services.jobs.runDue();

    const figures = figuresOf((await articleOf(adopted.id)).body);
    assert.equal(figures.length, 2);
    assert.equal(figures[0], depotId, 'the picture already in the library is reused');
    assert.equal(
      photos.requests.filter((r) => r.path === '/photos/depot.png').length,
      requestsBefore,
      'not fetched again',
    );
    assert.equal((await imageOf(figures[1] as number)).originalName, photos.url('/photos/tram.jpg'));
  });

  test('a picture already in the library is found by its agency address through an index, not a scan', async () => {
    // The statement MediaService.findByOriginalNames runs, with its parameter written in.
    const lookup = sql`select * from images where original_name in (${sql.lit('https://photos.example/a.jpg')}) order by id`;
    const plan = await t.services.db.kysely.transaction().execute(async (trx) => {
      if (dialect === 'sqlite') {
        const rows = await sql<{ detail: string }>`explain query plan ${lookup}`.execute(trx);
        return rows.rows.map((r) => r.detail).join(' | ');
      }
      // A small test table would be read whole anyway; the planner is asked whether it can do otherwise.
      await sql`set local enable_seqscan = off`.execute(trx);
      const rows = await sql<{ 'QUERY PLAN': string }>`explain ${lookup}`.execute(trx);
      return rows.rows.map((r) => r['QUERY PLAN']).join(' | ');
    });
    assert.match(plan, /images_original_name/, plan);
  });
});
