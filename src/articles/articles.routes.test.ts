import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { type AdminClient, signedIn } from '../../test/helpers/admin.js';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { testClock } from '../../test/helpers/clock.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle, buildAuthor, buildSection, buildTag, paragraphs } from '../../test/helpers/factories.js';

eachDialect('Admin API: articles', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;
  let sectionId: number;
  const clock = testClock('2026-11-28T10:00:00Z');

  before(async () => {
    t = await buildTestApp(dialect, { clock });
    editor = await signedIn(t, 'editor');
    sectionId = (await buildSection(t.services, 'world', 'World')).id;
  });
  after(() => t.close());

  const draft = async (client: AdminClient, fields: Record<string, unknown> = {}) => {
    const res = await client.post('/api/admin/articles', {
      headline: 'Harbour ferry returns after storm repairs',
      sectionId,
      body: paragraphs('The ferry sailed again at dawn.'),
      ...fields,
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };

  describe('create, read, update', () => {
    test('creates a draft with its bylines and tags, and reads it back', async () => {
      const author = await buildAuthor(t.services, 'mara-quill', 'Mara Quill');
      const tag = await buildTag(t.services, 'ferries');
      const created = await draft(editor, { authorIds: [author.id], tagIds: [tag.id], standfirst: 'Back on time.' });
      assert.equal(created.status, 'draft');
      assert.equal(created.version, 1);
      assert.equal(created.url, null, 'a draft has no reader address');
      assert.deepEqual(created.authorIds, [author.id]);
      assert.deepEqual(created.tagIds, [tag.id]);
      assert.equal(created.createdBy.id, editor.staff.id);
      assert.equal(created.abilities.publish, true);
      const read = await editor.get(`/api/admin/articles/${created.id}`);
      assert.equal(read.json().standfirst, 'Back on time.');
      assert.equal(read.json().body.content[0].content[0].text, 'The ferry sailed again at dawn.');
    });

    test('422 names each field that needs attention', async () => {
      const missing = await editor.post('/api/admin/articles', { standfirst: 'No headline' });
      assert.equal(missing.statusCode, 422);
      const fields = missing
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort();
      assert.deepEqual(fields, ['headline', 'sectionId']);

      const bad = await editor.post('/api/admin/articles', {
        headline: '   ',
        sectionId: 99999,
        canonicalUrl: 'javascript:alert(1)',
      });
      assert.equal(bad.statusCode, 422);
      const badFields = bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort();
      assert.deepEqual(badFields, ['canonicalUrl', 'headline', 'sectionId']);

      const gone = await editor.post('/api/admin/articles', {
        headline: 'Names things that do not exist',
        sectionId,
        tagIds: [987654],
        authorIds: [987654],
        featureImageId: 987654,
      });
      assert.equal(gone.statusCode, 422);
      assert.deepEqual(
        gone
          .json()
          .error.fields.map((f: { field: string }) => f.field)
          .sort(),
        ['authorIds', 'featureImageId', 'tagIds'],
      );

      const unknown = await editor.post('/api/admin/articles', { headline: 'x', sectionId, colour: 'red' });
      assert.equal(unknown.statusCode, 422);
      assert.equal(unknown.json().error.fields[0].field, 'colour');
    });

    test('a stale save answers 409 edit_conflict and overwrites nothing', async () => {
      const created = await draft(editor);
      const first = await editor.patch(`/api/admin/articles/${created.id}`, { version: 1, headline: 'First edit' });
      assert.equal(first.statusCode, 200);
      assert.equal(first.json().version, 2);
      const stale = await editor.patch(`/api/admin/articles/${created.id}`, { version: 1, headline: 'Stale edit' });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, 'edit_conflict');
      assert.equal(stale.json().error.currentVersion, 2);
      assert.equal((await editor.get(`/api/admin/articles/${created.id}`)).json().headline, 'First edit');
    });

    test('a PATCH without the version it edited is refused', async () => {
      const created = await draft(editor);
      const res = await editor.patch(`/api/admin/articles/${created.id}`, { headline: 'No version' });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().error.fields[0].field, 'version');
    });

    test('a script in a link never reaches the rendered body', async () => {
      const created = await draft(editor, {
        body: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
              ],
            },
          ],
        },
      });
      const row = await t.services.articles.findRecord(created.id);
      assert.match(String(row?.body_html), /click/);
      assert.doesNotMatch(String(row?.body_html), /javascript:/);
    });

    test('a body the editor schema does not know answers 422 on the body field', async () => {
      const res = await editor.post('/api/admin/articles', {
        headline: 'Unknown node',
        sectionId,
        body: { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'alert(2)' }] }] },
      });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().error.fields[0].field, 'body');
    });

    test('lists with filters, newest change first, with totals', async () => {
      const sport = await buildSection(t.services, 'sport', 'Sport');
      const a = await draft(editor, { headline: 'Rowing club wins regatta', sectionId: sport.id });
      const b = await draft(editor, { headline: 'Regatta route changes', sectionId: sport.id });
      await editor.put(`/api/admin/articles/${b.id}/review`);
      const bySection = (await editor.get(`/api/admin/articles?sectionId=${sport.id}`)).json();
      assert.deepEqual(
        bySection.items.map((i: { id: number }) => i.id),
        [b.id, a.id],
      );
      assert.equal(bySection.total, 2);
      assert.equal(bySection.items[0].section, 'Sport');
      const inReview = (await editor.get(`/api/admin/articles?status=in_review&sectionId=${sport.id}`)).json();
      assert.deepEqual(
        inReview.items.map((i: { id: number }) => i.id),
        [b.id],
      );
      const text = (await editor.get('/api/admin/articles?q=rowing%20REGATTA')).json();
      assert.deepEqual(
        text.items.map((i: { id: number }) => i.id),
        [a.id],
      );
      const paged = (await editor.get(`/api/admin/articles?sectionId=${sport.id}&limit=1&page=2`)).json();
      assert.deepEqual(
        paged.items.map((i: { id: number }) => i.id),
        [a.id],
      );
      const bad = await editor.get('/api/admin/articles?status=lost&page=0');
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'invalid_parameter');
    });
  });

  describe('workflow', () => {
    test('draft -> in review -> published -> unpublished, each step logged with who and when', async () => {
      const created = await draft(editor, { headline: 'Council votes on the tidal barrier' });
      const id = created.id;
      assert.equal((await editor.put(`/api/admin/articles/${id}/review`)).json().status, 'in_review');
      const published = await editor.put(`/api/admin/articles/${id}/publication`);
      assert.equal(published.statusCode, 200);
      assert.equal(published.json().status, 'published');
      const url = published.json().url;
      assert.match(url, /^\/world\/2026\/11\/28\/council-votes-on-the-tidal-barrier$/);
      assert.equal((await t.app.inject(url)).statusCode, 200, 'readers see it');

      const unpublished = await editor.delete(`/api/admin/articles/${id}/publication`, {});
      assert.equal(unpublished.json().status, 'unpublished');
      assert.equal((await t.app.inject(url)).statusCode, 410);

      const events = (await editor.get(`/api/admin/articles/${id}/events`)).json().items;
      assert.deepEqual(
        events.map((e: { action: string }) => e.action),
        ['unpublished', 'published', 'submitted', 'created'],
      );
      assert.equal(events[0].staff.id, editor.staff.id);
      assert.ok(events[0].createdAt);
    });

    test('withdraw answers readers 410 and marks the article withdrawn', async () => {
      const row = await buildArticle(t.services, { section: 'world', published: true, headline: 'Pier closure' });
      const res = await editor.delete(`/api/admin/articles/${row.id}/publication`, { withdraw: true });
      assert.equal(res.json().status, 'withdrawn');
    });

    test('a scheduled article publishes when its time comes, not before', async () => {
      const created = await draft(editor, { headline: 'Bridge reopens at noon' });
      const past = await editor.put(`/api/admin/articles/${created.id}/schedule`, { at: '2026-11-28T09:00:00Z' });
      assert.equal(past.statusCode, 422);
      const at = '2026-11-28T12:00:00.000Z';
      const scheduled = await editor.put(`/api/admin/articles/${created.id}/schedule`, { at });
      assert.equal(scheduled.json().status, 'scheduled');
      assert.equal(scheduled.json().scheduledAt, at);

      await t.services.jobs.runDue();
      assert.equal((await editor.get(`/api/admin/articles/${created.id}`)).json().status, 'scheduled');
      clock.set('2026-11-28T12:00:01Z');
      await t.services.jobs.runDue();
      const after = (await editor.get(`/api/admin/articles/${created.id}`)).json();
      assert.equal(after.status, 'published');
      assert.equal((await t.app.inject(after.url)).statusCode, 200);
      const events = (await editor.get(`/api/admin/articles/${created.id}/events`)).json().items;
      assert.equal(events[0].action, 'published');
      assert.equal(events[0].staff, null, 'published by the schedule, not a person');
      clock.set('2026-11-28T10:00:00Z');
    });

    test('unscheduling cancels the job: nothing publishes later', async () => {
      const created = await draft(editor, { headline: 'Lighthouse open day' });
      await editor.put(`/api/admin/articles/${created.id}/schedule`, { at: '2026-11-28T11:00:00Z' });
      const back = await editor.delete(`/api/admin/articles/${created.id}/schedule`);
      assert.equal(back.json().status, 'draft');
      clock.set('2026-11-28T11:30:00Z');
      await t.services.jobs.runDue();
      assert.equal((await editor.get(`/api/admin/articles/${created.id}`)).json().status, 'draft');
      clock.set('2026-11-28T10:00:00Z');
    });

    test('publishing needs alt text on every image the article shows', async () => {
      const png = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#345' } })
        .png()
        .toBuffer();
      const image = await t.services.media.createImage(png, { originalName: 'quay.png' });
      const created = await draft(editor, {
        body: {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'At the quay.' }] },
            { type: 'figure', attrs: { imageId: image.id, caption: 'The quay' } },
          ],
        },
      });
      const refused = await editor.put(`/api/admin/articles/${created.id}/publication`);
      assert.equal(refused.statusCode, 422);
      assert.match(refused.json().error.message, /alt text/);
      await t.services.media.updateImage(image.id, { alt: 'Fishing boats tied up at the quay' });
      assert.equal((await editor.put(`/api/admin/articles/${created.id}/publication`)).statusCode, 200);
    });

    test('a figure saved while its upload is processing appears once the variants are made', async () => {
      const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#567' } })
        .png()
        .toBuffer();
      const image = await t.services.media.uploadImage(png, { originalName: 'slipway.png', alt: 'The slipway' });
      assert.equal(image.status, 'processing');
      const created = await draft(editor, {
        body: { type: 'doc', content: [{ type: 'figure', attrs: { imageId: image.id, caption: 'The slipway' } }] },
      });
      await editor.put(`/api/admin/articles/${created.id}/publication`);
      const before = await t.services.articles.findRecord(created.id);
      assert.doesNotMatch(String(before?.body_html), /<figure/);
      await t.services.jobs.runDue();
      const after = await t.services.articles.findRecord(created.id);
      assert.match(String(after?.body_html), /<figure class="figure"><img src="\/media\/images\/[^"]+"/);
    });

    test('a correction is appended with its time and shown to readers', async () => {
      const row = await buildArticle(t.services, { section: 'world', published: true, headline: 'Tide tables' });
      const bad = await editor.post(`/api/admin/articles/${row.id}/notes`, { kind: 'rumour', body: 'x' });
      assert.equal(bad.statusCode, 422);
      const note = await editor.post(`/api/admin/articles/${row.id}/notes`, {
        kind: 'correction',
        body: 'An earlier version gave the wrong high-tide time.',
      });
      assert.equal(note.statusCode, 201);
      const article = (await editor.get(`/api/admin/articles/${row.id}`)).json();
      assert.equal(article.notes.length, 1);
      assert.equal(article.notes[0].kind, 'correction');
      const page = await t.app.inject(article.url);
      assert.match(page.body, /An earlier version gave the wrong high-tide time\./);
    });

    test('deleting: refused while published, allowed once unpublished', async () => {
      const row = await buildArticle(t.services, { section: 'world', published: true });
      const refused = await editor.delete(`/api/admin/articles/${row.id}`);
      assert.equal(refused.statusCode, 409);
      await editor.delete(`/api/admin/articles/${row.id}/publication`, {});
      assert.equal((await editor.delete(`/api/admin/articles/${row.id}`)).statusCode, 204);
      assert.equal((await editor.get(`/api/admin/articles/${row.id}`)).statusCode, 404);
    });

    test('the preview is the reader page, for drafts too, and is never cached or indexed', async () => {
      const created = await draft(editor, { headline: 'Preview of the harbour plan' });
      const res = await editor.get(`/api/admin/articles/${created.id}/preview`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /text\/html/);
      assert.match(res.body, /<h1[^>]*>Preview of the harbour plan<\/h1>/);
      assert.match(res.body, /The ferry sailed again at dawn\./);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.headers['x-robots-tag'], 'noindex');
      assert.equal((await t.app.inject(`/api/admin/articles/${created.id}/preview`)).statusCode, 401);
    });
  });

  describe('revisions', () => {
    test('lists revisions, diffs them word by word, and restores one as a new version', async () => {
      const created = await draft(editor, {
        headline: 'Storm closes the coast road',
        body: paragraphs('Waves hit the wall.'),
      });
      await editor.patch(`/api/admin/articles/${created.id}`, {
        version: 1,
        headline: 'Storm closes the coast road overnight',
        body: paragraphs('Huge waves hit the sea wall.'),
      });
      const revisions = (await editor.get(`/api/admin/articles/${created.id}/revisions`)).json().items;
      assert.equal(revisions.length, 2);
      const first = revisions[1];
      assert.equal(first.version, 1);
      assert.equal(first.staff.id, editor.staff.id);

      const one = (await editor.get(`/api/admin/articles/${created.id}/revisions/${first.id}`)).json();
      assert.equal(one.snapshot.headline, 'Storm closes the coast road');
      assert.equal(one.staff.name, editor.staff.name);
      assert.equal((await editor.get(`/api/admin/articles/${created.id}/revisions/999999`)).statusCode, 404);

      const diff = (await editor.get(`/api/admin/articles/${created.id}/revisions/${first.id}/diff`)).json();
      const headline = diff.fields.find((f: { field: string }) => f.field === 'headline');
      assert.deepEqual(
        headline.parts
          .filter((p: { change: string }) => p.change === 'added')
          .map((p: { text: string }) => p.text.trim()),
        ['overnight'],
      );
      const body = diff.fields.find((f: { field: string }) => f.field === 'body');
      const added = body.parts
        .filter((p: { change: string }) => p.change === 'added')
        .map((p: { text: string }) => p.text);
      assert.ok(added.join(' ').includes('Huge'), JSON.stringify(body.parts));

      const restored = await editor.post(`/api/admin/articles/${created.id}/revisions/${first.id}/restoration`, {
        version: 2,
      });
      assert.equal(restored.statusCode, 200);
      assert.equal(restored.json().headline, 'Storm closes the coast road');
      assert.equal(restored.json().version, 3);
      const after = (await editor.get(`/api/admin/articles/${created.id}/revisions`)).json().items;
      assert.equal(after.length, 3, 'restoring adds a revision; history is kept');
      const events = (await editor.get(`/api/admin/articles/${created.id}/events`)).json().items;
      assert.equal(events[0].action, 'restored');
      assert.equal(events[0].detail, 'version 1');
    });

    test('autosaves by one person fold into one revision', async () => {
      const created = await draft(editor);
      let version = 1;
      for (const word of ['one', 'two', 'three']) {
        const res = await editor.patch(`/api/admin/articles/${created.id}`, {
          version,
          autosave: true,
          standfirst: `Autosaved ${word}`,
        });
        version = res.json().version;
      }
      const revisions = (await editor.get(`/api/admin/articles/${created.id}/revisions`)).json().items;
      assert.equal(revisions.length, 2, 'the creation and one folded autosave');
      assert.equal(revisions[0].autosave, true);
      assert.equal(revisions[0].version, 4);
      const events = (await editor.get(`/api/admin/articles/${created.id}/events`)).json().items;
      assert.deepEqual(
        events.map((e: { action: string }) => e.action),
        ['created'],
      );
    });
  });

  describe('roles on articles', () => {
    test('a contributor writes and submits but cannot publish, schedule or touch others’ work', async () => {
      const contributor = await signedIn(t, 'contributor');
      const own = await draft(contributor, { headline: 'Notes from the night market' });
      assert.deepEqual(own.abilities, {
        edit: true,
        submit: true,
        publish: false,
        schedule: false,
        unpublish: false,
        delete: true,
      });
      const publish = await contributor.put(`/api/admin/articles/${own.id}/publication`);
      assert.equal(publish.statusCode, 403);
      assert.equal(publish.json().error.code, 'forbidden');
      assert.equal((await contributor.put(`/api/admin/articles/${own.id}/review`)).statusCode, 200);

      const others = await draft(editor, { headline: 'Editor’s own draft' });
      assert.equal((await contributor.get(`/api/admin/articles/${others.id}`)).statusCode, 403);
      assert.equal(
        (await contributor.patch(`/api/admin/articles/${others.id}`, { version: 1, headline: 'x' })).statusCode,
        403,
      );
      const list = (await contributor.get('/api/admin/articles')).json();
      assert.ok(
        list.items.every((i: { id: number }) => i.id !== others.id),
        'the list shows only their own',
      );

      await editor.put(`/api/admin/articles/${own.id}/publication`);
      const edit = await contributor.patch(`/api/admin/articles/${own.id}`, { version: 3, headline: 'Changed after' });
      assert.equal(edit.statusCode, 403, 'once published, only an editor changes it');
    });

    test('null placement fields stay null: a contributor’s draft never lands in the top-story slot', async () => {
      const contributor = await signedIn(t, 'contributor');
      const res = await contributor.post('/api/admin/articles', {
        headline: 'Null means none',
        sectionId,
        isBreaking: false,
        breakingUntil: null,
        frontPageSlot: null,
        featureImageId: null,
        storyId: null,
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().frontPageSlot, null);
      assert.equal(res.json().featureImageId, null);
      const wrongType = await editor.patch(`/api/admin/articles/${res.json().id}`, { version: 1, frontPageSlot: '0' });
      assert.equal(wrongType.statusCode, 422, 'a JSON body is not coerced from text');
    });

    test('an author publishes their own work, not someone else’s, and cannot curate the front page', async () => {
      const author = await signedIn(t, 'author');
      const own = await draft(author);
      assert.equal((await author.put(`/api/admin/articles/${own.id}/publication`)).statusCode, 200);
      const others = await draft(editor);
      assert.equal((await author.put(`/api/admin/articles/${others.id}/publication`)).statusCode, 403);
      const pin = await author.patch(`/api/admin/articles/${own.id}`, { version: 2, frontPageSlot: 0 });
      assert.equal(pin.statusCode, 403);
      assert.match(pin.json().error.message, /front page/);
      const pinned = await editor.patch(`/api/admin/articles/${own.id}`, {
        version: 2,
        frontPageSlot: 0,
        isBreaking: true,
        breakingUntil: '2026-11-28T18:00:00Z',
      });
      assert.equal(pinned.statusCode, 200);
      assert.equal(pinned.json().frontPageSlot, 0);
    });
  });
});
