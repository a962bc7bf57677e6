import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { type AdminClient, signedIn } from '../../test/helpers/admin.js';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { type TestClock, testClock } from '../../test/helpers/clock.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle } from '../../test/helpers/factories.js';
import { getPage, urlOf } from '../../test/helpers/html.js';
import type { SubmitCommentInput } from './comments.service.js';

let n = 0;
const guest = (name = `Reader ${++n}`) => ({
  kind: 'guest' as const,
  name,
  email: `${name.toLowerCase().replace(/\W+/g, '.')}.${++n}@example.com`,
});

eachDialect('Admin API: comment moderation', (dialect) => {
  let t: TestApp;
  let clock: TestClock;
  let moderator: AdminClient;
  let author: AdminClient;
  let owner: AdminClient;

  before(async () => {
    clock = testClock('2026-11-28T10:00:00.000Z');
    t = await buildTestApp(dialect, { clock });
    moderator = await signedIn(t, 'moderator', { name: 'Mo Derator' });
    author = await signedIn(t, 'author');
    owner = await signedIn(t, 'owner');
  });
  after(() => t.close());
  beforeEach(async () => {
    // Most tests want comments to go straight through unless they say otherwise.
    await t.services.comments.settings.update({ newCommenterApprovals: 0, bannedWords: [], premoderateAll: false });
    clock.advance(60_000);
  });

  const article = () => buildArticle(t.services, { published: true });
  let ip = 0;
  const submit = (input: Omit<SubmitCommentInput, 'ip'>) => {
    clock.advance(20_000);
    return t.services.comments.submitComment({ ip: `10.1.${Math.floor(++ip / 250)}.${ip % 250}`, ...input });
  };
  /** A comment held for a moderator: the first one of a new commenter. */
  const pending = async (articleId: number, who = guest()) => {
    await t.services.comments.settings.update({ newCommenterApprovals: 1 });
    const c = await submit({ articleId, commenter: who, body: `Held for a look ${++n}.` });
    await t.services.comments.settings.update({ newCommenterApprovals: 0 });
    assert.equal(c.status, 'pending');
    return c;
  };
  const queueIds = async (queue: string) => {
    const res = await moderator.get(`/api/admin/comments?queue=${queue}&limit=200`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items.map((i: { comment: { id: number } }) => i.comment.id);
  };

  describe('queues', () => {
    test('pending shows the comment, its article, commenter and why it was held', async () => {
      const a = await article();
      const who = guest('Pat Pending');
      const c = await pending(a.id, who);
      const res = await moderator.get('/api/admin/comments?queue=pending&limit=200');
      assert.equal(res.statusCode, 200, res.body);
      const item = res.json().items.find((i: { comment: { id: number } }) => i.comment.id === c.id);
      assert.ok(item, 'the held comment is in the queue');
      assert.equal(item.comment.body, c.body);
      assert.equal(item.decisionReason, 'new_commenter');
      assert.deepEqual(item.article, { id: a.id, headline: a.headline, url: urlOf(t.services, a) });
      assert.equal(item.commenter.name, 'Pat Pending');
      assert.equal(item.commenter.email, who.email);
      assert.equal(item.commenter.status, 'active');
      assert.equal(item.commenter.approvedCount, 0);
      assert.deepEqual(item.reports, []);
    });

    test('reported shows the reasons; recent, rejected and spam list their comments', async () => {
      const a = await article();
      const c = await submit({ articleId: a.id, commenter: guest(), body: 'A contested opinion.' });
      const reporter = await t.services.comments.ensureCommenter(guest());
      await t.services.comments.reportComment({
        commentId: c.id,
        commenterId: reporter.id,
        reason: 'abusive',
        note: 'rude',
      });
      const res = await moderator.get('/api/admin/comments?queue=reported&limit=200');
      const item = res.json().items.find((i: { comment: { id: number } }) => i.comment.id === c.id);
      assert.deepEqual(
        item.reports.map((r: { reason: string; note: string }) => [r.reason, r.note]),
        [['abusive', 'rude']],
      );
      assert.ok((await queueIds('recent')).includes(c.id));
      await moderator.post(`/api/admin/comments/${c.id}/decisions`, { action: 'reject' });
      assert.ok((await queueIds('rejected')).includes(c.id));
      await moderator.post(`/api/admin/comments/${c.id}/decisions`, { action: 'spam' });
      assert.ok((await queueIds('spam')).includes(c.id));
      assert.ok(!(await queueIds('rejected')).includes(c.id));
    });

    test('pages with a cursor; a bad queue or cursor is 400', async () => {
      const a = await article();
      await pending(a.id);
      await pending(a.id);
      const first = (await moderator.get('/api/admin/comments?queue=pending&limit=1')).json();
      assert.equal(first.items.length, 1);
      assert.ok(first.next);
      const second = (await moderator.get(`/api/admin/comments?queue=pending&limit=1&after=${first.next}`)).json();
      assert.notEqual(second.items[0].comment.id, first.items[0].comment.id);
      assert.equal((await moderator.get('/api/admin/comments?queue=nope')).statusCode, 400);
      assert.equal((await moderator.get('/api/admin/comments?queue=pending&after=garbage')).statusCode, 400);
    });
  });

  describe('decisions', () => {
    test('approving raises the comment count and purges the cached article page', async () => {
      const a = await article();
      const c = await pending(a.id);
      const url = urlOf(t.services, a);
      assert.equal((await getPage(t.app, url)).res.headers['x-cache'], 'MISS');
      assert.equal((await getPage(t.app, url)).res.headers['x-cache'], 'HIT');
      const before = (await t.services.articles.findRecord(a.id))?.comment_count;
      const res = await moderator.post(`/api/admin/comments/${c.id}/decisions`, { action: 'approve', reason: 'fine' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'approved');
      assert.equal((await t.services.articles.findRecord(a.id))?.comment_count, (before ?? 0) + 1);
      assert.equal((await getPage(t.app, url)).res.headers['x-cache'], 'MISS', 'the page is rendered afresh');
    });

    test('feature and unfeature; featuring a held comment is 409', async () => {
      const a = await article();
      const c = await submit({ articleId: a.id, commenter: guest(), body: 'Worth featuring.' });
      const featured = await moderator.post(`/api/admin/comments/${c.id}/decisions`, { action: 'feature' });
      assert.equal(featured.json().featured, true);
      const plain = await moderator.post(`/api/admin/comments/${c.id}/decisions`, { action: 'unfeature' });
      assert.equal(plain.json().featured, false);
      const held = await pending(a.id);
      const res = await moderator.post(`/api/admin/comments/${held.id}/decisions`, { action: 'feature' });
      assert.equal(res.statusCode, 409);
    });

    test('unknown comment 404, unknown action 422, an author 403', async () => {
      const missing = await moderator.post('/api/admin/comments/999999/decisions', { action: 'approve' });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'not_found');
      const a = await article();
      const c = await pending(a.id);
      const bad = await moderator.post(`/api/admin/comments/${c.id}/decisions`, { action: 'delete' });
      assert.equal(bad.statusCode, 422);
      assert.deepEqual(
        bad.json().error.fields.map((f: { field: string }) => f.field),
        ['action'],
      );
      const denied = await author.post(`/api/admin/comments/${c.id}/decisions`, { action: 'approve' });
      assert.equal(denied.statusCode, 403);
      assert.equal(denied.json().error.code, 'forbidden');
      assert.equal((await author.get('/api/admin/comments')).statusCode, 403);
      assert.equal((await t.services.comments.findComment(c.id))?.status, 'pending');
    });

    test('bulk: a result per id, unknown ids fail alone', async () => {
      const a = await article();
      const one = await pending(a.id);
      const two = await pending(a.id);
      const res = await moderator.post('/api/admin/comments/decisions', {
        ids: [one.id, two.id, 999999],
        action: 'approve',
      });
      assert.equal(res.statusCode, 200, res.body);
      const results = res.json().results;
      assert.deepEqual(
        results.map((r: { id: number; ok: boolean }) => [r.id, r.ok]),
        [
          [one.id, true],
          [two.id, true],
          [999999, false],
        ],
      );
      assert.equal(results[2].error.code, 'not_found');
      assert.equal((await t.services.comments.findComment(two.id))?.status, 'approved');
      const spam = await moderator.post('/api/admin/comments/decisions', { ids: [one.id], action: 'spam' });
      assert.equal(spam.json().results[0].comment.status, 'spam');
      const empty = await moderator.post('/api/admin/comments/decisions', { ids: [], action: 'reject' });
      assert.equal(empty.statusCode, 422);
      assert.equal(
        (await author.post('/api/admin/comments/decisions', { ids: [one.id], action: 'approve' })).statusCode,
        403,
      );
    });
  });

  describe('replies as staff', () => {
    test('a staff reply is published under the comment with the staff badge', async () => {
      const a = await article();
      const c = await submit({ articleId: a.id, commenter: guest(), body: 'Why was the bridge closed?' });
      const res = await moderator.post(`/api/admin/comments/${c.id}/replies`, { body: 'For repairs, until Friday.' });
      assert.equal(res.statusCode, 201, res.body);
      const reply = res.json();
      assert.equal(reply.parentId, c.id);
      assert.equal(reply.status, 'approved');
      const thread = await t.services.comments.listThread({ articleId: a.id });
      const root = thread.comments.find((r) => r.id === c.id);
      const shown = root?.replies.find((r) => r.id === reply.id);
      assert.equal(shown?.author?.staff, true);
      assert.equal(shown?.author?.name, 'Mo Derator');
    });

    test('staff may answer a held comment; unknown 404, empty 422', async () => {
      const a = await article();
      const held = await pending(a.id);
      const ok = await moderator.post(`/api/admin/comments/${held.id}/replies`, { body: 'Thanks, looking into it.' });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal((await moderator.post('/api/admin/comments/999999/replies', { body: 'Hello' })).statusCode, 404);
      const empty = await moderator.post(`/api/admin/comments/${held.id}/replies`, { body: '   ' });
      assert.equal(empty.statusCode, 422);
      assert.equal(empty.json().error.fields[0].field, 'body');
      assert.equal((await author.post(`/api/admin/comments/${held.id}/replies`, { body: 'Hi' })).statusCode, 403);
    });
  });

  describe('commenters', () => {
    test('a ban with rejectPast rejects what they wrote and blocks what they write next', async () => {
      const a = await article();
      const who = guest('Troll');
      const first = await submit({ articleId: a.id, commenter: who, body: 'First of many.' });
      const second = await submit({ articleId: a.id, commenter: who, body: 'Second of many.' });
      const commenterId = first.commenterId;
      const countBefore = (await t.services.articles.findRecord(a.id))?.comment_count ?? 0;
      const res = await moderator.post(`/api/admin/commenters/${commenterId}/bans`, {
        rejectPast: true,
        reason: 'abuse',
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().rejected, 2);
      assert.equal(res.json().commenter.status, 'banned');
      assert.equal((await t.services.comments.findComment(first.id))?.status, 'rejected');
      assert.equal((await t.services.comments.findComment(second.id))?.status, 'rejected');
      assert.equal((await t.services.articles.findRecord(a.id))?.comment_count, countBefore - 2);
      const next = await submit({ articleId: a.id, commenter: who, body: 'Trying again.' });
      assert.equal(next.status, 'rejected');

      const lifted = await moderator.delete(`/api/admin/commenters/${commenterId}/bans`);
      assert.equal(lifted.statusCode, 200, lifted.body);
      assert.equal(lifted.json().commenter.status, 'active');
      const after = await submit({ articleId: a.id, commenter: who, body: 'Behaving now.' });
      assert.equal(after.status, 'approved');
    });

    test('a suspension until a time; a past time is 422; unknown 404; author 403', async () => {
      const a = await article();
      const c = await submit({ articleId: a.id, commenter: guest(), body: 'Suspended soon.' });
      const until = new Date(clock.now().getTime() + 86_400_000).toISOString();
      const res = await moderator.post(`/api/admin/commenters/${c.commenterId}/bans`, { until });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().commenter.status, 'suspended');
      assert.equal(res.json().rejected, 0);
      assert.equal((await t.services.comments.findComment(c.id))?.status, 'approved', 'past comments stay');
      const past = await moderator.post(`/api/admin/commenters/${c.commenterId}/bans`, {
        until: '2020-01-01T00:00:00.000Z',
      });
      assert.equal(past.statusCode, 422);
      assert.equal(past.json().error.fields[0].field, 'until');
      const notATime = await moderator.post(`/api/admin/commenters/${c.commenterId}/bans`, { until: 'tomorrow' });
      assert.equal(notATime.statusCode, 422);
      assert.equal((await moderator.post('/api/admin/commenters/999999/bans', {})).statusCode, 404);
      assert.equal((await moderator.delete('/api/admin/commenters/999999/bans')).statusCode, 404);
      assert.equal((await author.post(`/api/admin/commenters/${c.commenterId}/bans`, {})).statusCode, 403);
    });

    test('always premoderate holds their next comment; history shows it all', async () => {
      const a = await article();
      const who = guest('Watched');
      const c = await submit({ articleId: a.id, commenter: who, body: 'Fine so far.' });
      const on = await moderator.put(`/api/admin/commenters/${c.commenterId}/premoderation`, { on: true });
      assert.equal(on.statusCode, 200, on.body);
      assert.equal(on.json().commenter.alwaysPremoderate, true);
      const next = await submit({ articleId: a.id, commenter: who, body: 'Now held.' });
      assert.equal(next.status, 'pending');
      assert.ok(await queueIds('pending').then((ids) => ids.includes(next.id)));

      const history = await moderator.get(`/api/admin/commenters/${c.commenterId}`);
      assert.equal(history.statusCode, 200, history.body);
      const h = history.json();
      assert.equal(h.commenter.displayName, 'Watched');
      assert.equal(h.commenter.alwaysPremoderate, true);
      assert.equal(h.counts.approved, 1);
      assert.equal(h.counts.pending, 1);
      assert.deepEqual(
        h.comments.map((x: { id: number }) => x.id),
        [next.id, c.id],
      );
      const mine = h.log.find((e: { action: string }) => e.action === 'always_premoderate');
      assert.deepEqual(mine.staff, { id: moderator.staff.id, name: 'Mo Derator' });

      const off = await moderator.put(`/api/admin/commenters/${c.commenterId}/premoderation`, { on: false });
      assert.equal(off.json().commenter.alwaysPremoderate, false);
      assert.equal((await moderator.put(`/api/admin/commenters/${c.commenterId}/premoderation`, {})).statusCode, 422);
      assert.equal((await moderator.put('/api/admin/commenters/999999/premoderation', { on: true })).statusCode, 404);
      assert.equal((await moderator.get('/api/admin/commenters/999999')).statusCode, 404);
      assert.equal((await author.get(`/api/admin/commenters/${c.commenterId}`)).statusCode, 403);
    });
  });

  describe('the moderation log', () => {
    test('records the system and staff decisions with who decided', async () => {
      const a = await article();
      const c = await pending(a.id);
      await moderator.post(`/api/admin/comments/${c.id}/decisions`, { action: 'approve', reason: 'looks fine' });
      const res = await moderator.get(`/api/admin/comments/${c.id}/log`);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(
        res.json().items.map((e: { action: string; reason: string; staff: unknown }) => [e.action, e.reason, e.staff]),
        [
          ['pending', 'new_commenter', null],
          ['approve', 'looks fine', { id: moderator.staff.id, name: 'Mo Derator' }],
        ],
      );
      assert.equal((await moderator.get('/api/admin/comments/999999/log')).statusCode, 404);

      const all = await moderator.get('/api/admin/moderation-log?limit=2');
      assert.equal(all.statusCode, 200, all.body);
      const page = all.json();
      assert.deepEqual(
        page.items.map((e: { commentId: number; action: string }) => [e.commentId, e.action]),
        [
          [c.id, 'approve'],
          [c.id, 'pending'],
        ],
      );
      assert.ok(page.next);
      const older = (await moderator.get(`/api/admin/moderation-log?limit=2&after=${page.next}`)).json();
      assert.ok(older.items.every((e: { id: number }) => e.id < page.items[1].id));
      assert.equal((await moderator.get('/api/admin/moderation-log?after=nonsense')).statusCode, 400);
      assert.equal((await author.get('/api/admin/moderation-log')).statusCode, 403);
    });
  });

  describe('comment settings', () => {
    test('moderators read them; only owners change them', async () => {
      const read = await moderator.get('/api/admin/comment-settings');
      assert.equal(read.statusCode, 200, read.body);
      assert.equal(typeof read.json().maxLinks, 'number');
      assert.equal((await author.get('/api/admin/comment-settings')).statusCode, 403);
      assert.equal((await moderator.patch('/api/admin/comment-settings', { maxLinks: 3 })).statusCode, 403);
    });

    test('422 names each field; a banned word then rejects', async () => {
      const bad = await owner.patch('/api/admin/comment-settings', {
        maxLinks: -1,
        rateLimitSeconds: 'soon',
        nonsense: true,
      });
      assert.equal(bad.statusCode, 422);
      const fields = bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort();
      assert.ok(fields.includes('rateLimitSeconds') || fields.includes('nonsense'), fields.join());
      const range = await owner.patch('/api/admin/comment-settings', { maxLinks: -1, autoCloseDays: 1.5 });
      assert.equal(range.statusCode, 422);
      assert.deepEqual(
        range
          .json()
          .error.fields.map((f: { field: string }) => f.field)
          .sort(),
        ['autoCloseDays', 'maxLinks'],
      );

      const ok = await owner.patch('/api/admin/comment-settings', { bannedWords: ['  Turnip '], maxLinks: 4 });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json().bannedWords, ['turnip']);
      assert.equal(ok.json().maxLinks, 4);
      assert.equal((await moderator.get('/api/admin/comment-settings')).json().maxLinks, 4);
      const a = await article();
      const c = await submit({ articleId: a.id, commenter: guest(), body: 'What a turnip of a plan.' });
      assert.equal(c.status, 'rejected');
      const log = (await moderator.get(`/api/admin/comments/${c.id}/log`)).json().items;
      assert.equal(log[0].staff, null, 'the system decided');
      assert.equal(log[0].action, 'reject');
    });
  });
});
