import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { type AdminClient, signedIn } from '../../test/helpers/admin.js';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle } from '../../test/helpers/factories.js';

/** A multipart/form-data body as a browser's drag-and-drop upload sends it. */
function multipart(file: { name: string; type: string; data: Buffer }, fields: Record<string, string> = {}) {
  const boundary = `----newsdesk${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  t: TestApp,
  client: AdminClient,
  file: { name: string; type: string; data: Buffer },
  fields = {},
) {
  const body = multipart(file, fields);
  return t.app.inject({
    method: 'POST',
    url: '/api/admin/media',
    headers: {
      cookie: `nd_session=${client.cookie}`,
      'x-csrf-token': client.csrfToken,
      'content-type': body.contentType,
    },
    payload: body.payload,
  });
}

const photo = () =>
  sharp({ create: { width: 1300, height: 900, channels: 3, background: '#2a6f97' } })
    .jpeg()
    .toBuffer();

eachDialect('Admin API: media', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;
  before(async () => {
    t = await buildTestApp(dialect, { env: { NEWSDESK_MEDIA_MAX_MB: '1' } });
    editor = await signedIn(t, 'editor');
  });
  after(() => t.close());

  test('an upload is stored, processed by the job into variants, and served', async () => {
    const res = await upload(
      t,
      editor,
      { name: 'harbour.jpg', type: 'image/jpeg', data: await photo() },
      {
        alt: 'Boats in the harbour at dawn',
        credit: 'Courier photo',
      },
    );
    assert.equal(res.statusCode, 201, res.body);
    const image = res.json();
    assert.equal(image.status, 'processing');
    assert.equal(image.alt, 'Boats in the harbour at dawn');
    assert.equal(image.originalName, 'harbour.jpg');
    assert.match(image.url, /^\/api\/admin\/media\/\d+\/original$/, 'staff see the original until variants exist');
    const original = await editor.get(image.url);
    assert.equal(original.statusCode, 200);
    assert.equal(original.headers['content-type'], 'image/jpeg');

    await t.services.jobs.runDue();
    const ready = (await editor.get(`/api/admin/media/${image.id}`)).json();
    assert.equal(ready.status, 'ready');
    assert.match(ready.url, /^\/media\/images\/.+\/1200\.jpg$/);
    const variant = await t.app.inject(ready.url);
    assert.equal(variant.statusCode, 200);
    assert.equal(variant.headers['content-type'], 'image/jpeg');
    const originalPublic = ready.url.replace('1200.jpg', 'original.jpg');
    assert.equal((await t.app.inject(originalPublic)).statusCode, 404, 'originals (with camera metadata) stay private');
  });

  test('the type is read from the bytes, not the name; size and pixel limits answer clearly', async () => {
    const text = await upload(t, editor, {
      name: 'photo.jpg',
      type: 'image/jpeg',
      data: Buffer.from('just some text'),
    });
    assert.equal(text.statusCode, 415);
    assert.equal(text.json().error.code, 'unsupported_media_type');
    const pdf = await upload(t, editor, {
      name: 'scan.png',
      type: 'image/png',
      data: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 32)]),
    });
    assert.equal(pdf.statusCode, 415);
    assert.match(pdf.json().error.message, /PDF/);
    const big = await upload(t, editor, { name: 'big.jpg', type: 'image/jpeg', data: Buffer.alloc(1_200_000, 0xff) });
    assert.equal(big.statusCode, 413);
    assert.equal(big.json().error.code, 'payload_too_large');
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/admin/media',
      headers: { cookie: `nd_session=${editor.cookie}`, 'x-csrf-token': editor.csrfToken },
      payload: { file: 'not multipart' },
    });
    assert.equal(none.statusCode, 415);
  });

  test('alt text, caption and credit are edited with field errors; articles showing the image follow', async () => {
    const image = await t.services.media.createImage(await photo(), { originalName: 'quay.jpg', alt: 'Quay' });
    const article = await buildArticle(t.services, {
      section: 'harbour',
      published: true,
      featureImageId: image.id,
      headline: 'The quay at low tide',
    });
    const tooLong = await editor.patch(`/api/admin/media/${image.id}`, { alt: 'x'.repeat(300) });
    assert.equal(tooLong.statusCode, 422);
    assert.equal(tooLong.json().error.fields[0].field, 'alt');
    const ok = await editor.patch(`/api/admin/media/${image.id}`, {
      alt: 'Fishing boats resting on the mud at low tide',
      caption: 'Low tide at the quay',
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().usedBy, 1);
    const path = (await editor.get(`/api/admin/articles/${article.id}`)).json().url;
    const page = await t.app.inject(path);
    assert.match(page.body, /Fishing boats resting on the mud at low tide/);
  });

  test('an image in use cannot be deleted; an unused one can', async () => {
    const used = await t.services.media.createImage(await photo(), { originalName: 'used.jpg', alt: 'Used' });
    await buildArticle(t.services, { section: 'harbour', featureImageId: used.id });
    const refused = await editor.delete(`/api/admin/media/${used.id}`);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().error.message, /used by 1 article/);
    const unused = await t.services.media.createImage(await photo(), { originalName: 'unused.jpg' });
    assert.equal((await editor.delete(`/api/admin/media/${unused.id}`)).statusCode, 204);
    assert.equal((await editor.get(`/api/admin/media/${unused.id}`)).statusCode, 404);
  });

  test('authors change only their own uploads; the library lists newest first with a search', async () => {
    const author = await signedIn(t, 'author');
    const mine = await upload(t, author, { name: 'mine.jpg', type: 'image/jpeg', data: await photo() });
    assert.equal(mine.statusCode, 201);
    const theirs = await t.services.media.createImage(await photo(), { originalName: 'theirs.jpg' });
    assert.equal((await author.patch(`/api/admin/media/${mine.json().id}`, { alt: 'Mine' })).statusCode, 200);
    const denied = await author.patch(`/api/admin/media/${theirs.id}`, { alt: 'Not mine' });
    assert.equal(denied.statusCode, 403);
    const list = (await author.get('/api/admin/media?q=mine')).json();
    assert.deepEqual(
      list.items.map((i: { originalName: string }) => i.originalName),
      ['mine.jpg'],
    );
    const all = (await author.get('/api/admin/media?limit=2')).json();
    assert.equal(all.items[0].originalName, 'theirs.jpg', 'newest first');
    assert.ok(all.total >= 5);
  });
});
