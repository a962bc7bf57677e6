import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signedIn } from '../../test/helpers/admin.js';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle } from '../../test/helpers/factories.js';

eachDialect('Admin API: settings', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(() => t.close());

  test('the owner changes name, desk and navigation; every reader page shows them at once', async () => {
    const owner = await signedIn(t, 'owner');
    await buildArticle(t.services, { section: 'news', published: true });
    const before = await t.app.inject('/');
    assert.equal(before.statusCode, 200);
    const res = await owner.patch('/api/admin/settings', {
      siteName: 'The Calder Bay Courier',
      deskName: 'Courier News Desk',
      navigation: [{ label: 'About us', url: '/about' }],
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().deskName, 'Courier News Desk');
    const after = await t.app.inject('/');
    assert.match(after.body, /The Calder Bay Courier/);
    assert.match(after.body, /<a href="\/about"[^>]*>About us<\/a>/);
    assert.equal((await owner.get('/api/admin/settings')).json().siteName, 'The Calder Bay Courier');
  });

  test('bad values answer 422 beside each field, and nothing is saved', async () => {
    const owner = await signedIn(t, 'owner');
    const res = await owner.patch('/api/admin/settings', {
      siteName: '',
      timeZone: 'Mars/Olympus',
      navigation: [{ label: 'Bad', url: 'javascript:alert(1)' }],
      logoImageId: 987654,
    });
    assert.equal(res.statusCode, 422);
    assert.deepEqual(
      res
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
      ['logoImageId', 'navigation.0.url', 'siteName', 'timeZone'],
    );
    assert.equal((await owner.get('/api/admin/settings')).json().timeZone, 'Europe/London');
  });

  test('only the owner manages settings', async () => {
    const editor = await signedIn(t, 'editor');
    const res = await editor.patch('/api/admin/settings', { tagline: 'Hijacked' });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'forbidden');
  });
});

eachDialect('the site logo', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(() => t.close());

  test('a logo chosen in settings replaces the name in the masthead, and cannot be deleted while in use', async () => {
    const owner = await signedIn(t, 'owner');
    const { default: sharp } = await import('sharp');
    const png = await sharp({ create: { width: 900, height: 180, channels: 3, background: '#123' } })
      .png()
      .toBuffer();
    const logo = await t.services.media.createImage(png, { originalName: 'logo.png', alt: 'Courier logo' });
    const res = await owner.patch('/api/admin/settings', { siteName: 'The Courier', logoImageId: logo.id });
    assert.equal(res.statusCode, 200);
    const page = await t.app.inject('/');
    assert.match(
      page.body,
      /<img class="masthead__logo" src="\/media\/images\/[^"]+\.jpg" width="900" height="180" alt="The Courier"/,
    );
    const del = await owner.delete(`/api/admin/media/${logo.id}`);
    assert.equal(del.statusCode, 409);
    assert.match(del.json().error.message, /logo/);
  });
});
