import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AdminClient, signedIn } from '../../test/helpers/admin.js';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { type TestClock, testClock } from '../../test/helpers/clock.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle } from '../../test/helpers/factories.js';
import { excerptOf } from './moderation-log.js';

interface Item {
  id: number;
  action: string;
  reason: string | null;
  staff: { id: number; name: string } | null;
  comment: { id: number; articleId: number; status: string; excerpt: string } | null;
  commenter: { id: number; name: string; kind: string } | null;
}

describe('a log excerpt', () => {
  test('keeps a short comment whole and cuts a long one at a word, on one line', () => {
    assert.equal(excerptOf('  Short\n\nand sweet. '), 'Short and sweet.');
    const long = `${'word '.repeat(60)}end`;
    const cut = excerptOf(long);
    assert.ok(cut.length <= 161, `${cut.length}`);
    assert.match(cut, /word…$/);
  });
});

eachDialect('Admin API: the site-wide moderation log', (dialect) => {
  let t: TestApp;
  let clock: TestClock;
  let moderator: AdminClient;
  let editor: AdminClient;
  let author: AdminClient;
  let rejectedId: number;
  let featuredId: number;

  before(async () => {
    clock = testClock('2026-11-28T10:00:00.000Z');
    t = await buildTestApp(dialect, { clock });
    moderator = await signedIn(t, 'moderator', { name: 'Mo Derator' });
    editor = await signedIn(t, 'editor', { name: 'Eddie Tor' });
    author = await signedIn(t, 'author');
    const { comments } = t.services;
    await comments.settings.update({ newCommenterApprovals: 0, bannedWords: ['turnip'] });
    const article = await buildArticle(t.services, { published: true });
    const submit = async (name: string, body: string, ip: string) => {
      clock.advance(20_000);
      return comments.submitComment({
        articleId: article.id,
        commenter: { kind: 'guest', name, email: `${name.split(' ')[0]?.toLowerCase()}@example.com` },
        body,
        ip,
      });
    };
    // The pipeline: one approved, one rejected for a banned word.
    const fine = await submit('Ada Fine', 'The new timetable works for me.', '10.0.0.1');
    await submit('Tam Shouty', 'What a turnip of a plan.', '10.0.0.2');
    // People: the moderator rejects the first with a reason, the editor features another.
    const long = await submit(
      'Lon Winded',
      `${'The harbour master explained it all at length. '.repeat(20)}`,
      '10.0.0.3',
    );
    clock.advance(1000);
    rejectedId = (await comments.moderate(fine.id, 'reject', moderator.staff.id, 'Off topic')).id;
    featuredId = (await comments.moderate(long.id, 'feature', editor.staff.id)).id;
  });
  after(() => t.close());

  const list = async (query = '') => {
    const res = await moderator.get(`/api/admin/moderation-log${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { items: Item[]; next: string | null; moderators: { id: number; name: string }[] };
  };

  test('lists every decision newest first with who decided, the comment excerpt and the commenter', async () => {
    const { items, moderators } = await list();
    assert.deepEqual(
      items.map((i) => [i.action, i.staff?.name ?? null]),
      [
        ['feature', 'Eddie Tor'],
        ['reject', 'Mo Derator'],
        ['approve', null],
        ['reject', null],
        ['approve', null],
      ],
    );
    const [featured, rejected] = items;
    assert.equal(rejected?.reason, 'Off topic');
    assert.deepEqual(rejected?.comment, {
      id: rejectedId,
      articleId: rejected?.comment?.articleId,
      status: 'rejected',
      excerpt: 'The new timetable works for me.',
    });
    assert.deepEqual(rejected?.commenter && { name: rejected.commenter.name, kind: rejected.commenter.kind }, {
      name: 'Ada Fine',
      kind: 'guest',
    });
    assert.equal(featured?.comment?.id, featuredId);
    assert.ok((featured?.comment?.excerpt.length ?? 0) <= 161, 'a long comment is cut');
    assert.match(featured?.comment?.excerpt ?? '', /…$/);
    // Everyone whose role moderates can be chosen as "decided by"; an author cannot.
    const names = moderators.map((m) => m.name);
    assert.ok(names.includes('Mo Derator') && names.includes('Eddie Tor'), names.join());
    assert.ok(!names.includes(author.staff.name));
  });

  test('narrows to one action, to the system, to people, or to one person, and pages within the filter', async () => {
    assert.deepEqual(
      (await list('?action=reject')).items.map((i) => i.staff?.name ?? 'system'),
      ['Mo Derator', 'system'],
    );
    assert.deepEqual(
      (await list('?actor=system')).items.map((i) => i.action),
      ['approve', 'reject', 'approve'],
    );
    assert.deepEqual(
      (await list('?actor=people')).items.map((i) => i.action),
      ['feature', 'reject'],
    );
    assert.deepEqual(
      (await list(`?actor=${editor.staff.id}`)).items.map((i) => i.action),
      ['feature'],
    );
    assert.deepEqual((await list(`?actor=${moderator.staff.id}&action=feature`)).items, []);

    const first = await list('?actor=system&limit=2');
    assert.equal(first.items.length, 2);
    assert.ok(first.next);
    const rest = await list(`?actor=system&limit=2&after=${first.next}`);
    assert.deepEqual(
      rest.items.map((i) => [i.action, i.staff]),
      [['approve', null]],
    );
    assert.equal(rest.next, null);
  });

  test('refuses filters it does not know with a 400 that names them, and readers of other roles with a 403', async () => {
    const action = await moderator.get('/api/admin/moderation-log?action=obliterate');
    assert.equal(action.statusCode, 400);
    assert.match(action.body, /action/);
    const actor = await moderator.get('/api/admin/moderation-log?actor=robots');
    assert.equal(actor.statusCode, 400);
    assert.match(actor.body, /actor/);
    assert.equal((await moderator.get('/api/admin/moderation-log?after=nonsense')).statusCode, 400);
    assert.equal((await author.get('/api/admin/moderation-log')).statusCode, 403);
  });
});
