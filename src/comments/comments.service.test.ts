import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { type TestClock, testClock } from '../../test/helpers/clock.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle } from '../../test/helpers/factories.js';
import type { CommentsService, SubmitCommentInput, ThreadSort } from './comments.service.js';

let n = 0;
const guest = (name = `Reader ${++n}`) => ({
  kind: 'guest' as const,
  name,
  email: `${name.toLowerCase().replace(/\W+/g, '.')}.${++n}@example.com`,
});

eachDialect('comments', (dialect) => {
  let t: TestApp;
  let clock: TestClock;
  let comments: CommentsService;
  let moderatorId: number;
  const purged: string[][] = [];

  before(async () => {
    clock = testClock('2026-11-28T10:00:00.000Z');
    t = await buildTestApp(dialect, { clock });
    comments = t.services.comments;
    const staff = await t.services.staff.createStaff({
      email: 'mod@newsroom.test',
      name: 'Mo Derator',
      role: 'moderator',
    });
    moderatorId = staff.id;
    t.services.purgeBus.follow((keys) => {
      if (keys !== '*') purged.push(keys);
    });
  });
  after(() => t.close());
  beforeEach(async () => {
    // Most tests are about something else than new-commenter premoderation.
    await comments.settings.update({ newCommenterApprovals: 0 });
    clock.advance(60_000);
  });

  const article = (spec: Parameters<typeof buildArticle>[1] = {}) =>
    buildArticle(t.services, { published: true, ...spec });
  let ipCounter = 0;
  const submit = (input: Omit<SubmitCommentInput, 'ip'> & { ip?: string }) =>
    comments.submitComment({ ip: `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`, ...input });
  const approvedRows = async (articleId: number) =>
    Number(
      (
        await t.services.db.kysely
          .selectFrom('comments')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('article_id', '=', articleId)
          .where('status', '=', 'approved')
          .executeTakeFirstOrThrow()
      ).n,
    );

  test('a new commenter waits for a moderator; approval counts and is logged with the staff id', async () => {
    await comments.settings.update({ newCommenterApprovals: 1 });
    const a = await article();
    const who = guest();
    const first = await submit({ articleId: a.id, commenter: who, body: 'My first comment here.' });
    assert.equal(first.status, 'pending');
    assert.equal(first.decisionReason, 'new_commenter');
    assert.equal(await comments.countApproved(a.id), 0);
    purged.length = 0;
    const approved = await comments.moderate(first.id, 'approve', moderatorId, 'fine');
    assert.equal(approved.status, 'approved');
    assert.equal(await comments.countApproved(a.id), 1);
    assert.deepEqual(purged, [[`article:${a.id}`]]);
    clock.advance(20_000);
    const second = await submit({ articleId: a.id, commenter: who, body: 'And a second one.' });
    assert.equal(second.status, 'approved');
    assert.equal(second.decisionReason, 'passed');
    const log = await comments.logFor(first.id);
    assert.deepEqual(
      log.map((e) => [e.action, e.staffId, e.reason]),
      [
        ['pending', null, 'new_commenter'],
        ['approve', moderatorId, 'fine'],
      ],
    );
    assert.deepEqual(
      (await comments.logFor(second.id)).map((e) => [e.action, e.staffId]),
      [['approve', null]],
    );
  });

  test('every pipeline decision is stored on the comment: a suspect word holds, a banned one rejects', async () => {
    await comments.settings.update({ suspectWords: ['idiot'], bannedWords: ['scum*'] });
    const a = await article();
    const held = await submit({ articleId: a.id, commenter: guest(), body: 'What an IDIOT.' });
    assert.deepEqual([held.status, held.decisionReason], ['pending', 'suspect_word: idiot']);
    const rejected = await submit({ articleId: a.id, commenter: guest(), body: 'scumbags all' });
    assert.deepEqual([rejected.status, rejected.decisionReason], ['rejected', 'banned_word: scum*']);
    const spam = await submit({ articleId: a.id, commenter: guest(), body: 'Hello there', honeypot: 'x' });
    assert.deepEqual([spam.status, spam.decisionReason], ['spam', 'honeypot']);
    const closed = await article({ commentsMode: 'closed' });
    const refused = await submit({ articleId: closed.id, commenter: guest(), body: 'Good morning' });
    assert.deepEqual([refused.status, refused.decisionReason], ['rejected', 'article_closed']);
    const premod = await article({ commentsMode: 'premoderated' });
    const waiting = await submit({ articleId: premod.id, commenter: guest(), body: 'Good evening' });
    // Text close to a comment marked spam is spam too.
    const echo = await submit({ articleId: a.id, commenter: guest(), body: 'hello, there!' });
    assert.deepEqual([echo.status, echo.decisionReason], ['spam', 'similar_to_spam: 1.00']);
    assert.deepEqual([waiting.status, waiting.decisionReason], ['pending', 'premoderated_article']);
    assert.equal(await comments.countApproved(a.id), 0);
    await comments.settings.update({ suspectWords: [], bannedWords: [] });
  });

  test('comments close on their own after the auto-close days', async () => {
    const a = await article({ published: new Date(clock.now().getTime() - 15 * 86_400_000) });
    const late = await submit({ articleId: a.id, commenter: guest(), body: 'Too late?' });
    assert.deepEqual([late.status, late.decisionReason], ['rejected', 'article_auto_closed: 14 days']);
  });

  test('guests may be refused by the settings', async () => {
    const a = await article();
    await comments.settings.update({ guestsAllowed: false });
    await assert.rejects(submit({ articleId: a.id, commenter: guest(), body: 'Let me in' }), { code: 'forbidden' });
    await comments.settings.update({ guestsAllowed: true });
  });

  test('the rate limit rejects quickly repeated comments; a rejected comment can be sent again later', async () => {
    const a = await article();
    const who = guest();
    await submit({ articleId: a.id, commenter: who, body: 'First thought.' });
    clock.advance(5_000);
    const quick = await submit({ articleId: a.id, commenter: who, body: 'Second thought.' });
    assert.deepEqual([quick.status, quick.decisionReason], ['rejected', 'rate_limited: commenter, 15 s']);
    const sameIp = await submit({ articleId: a.id, commenter: guest(), body: 'From the same place.', ip: '192.0.2.9' });
    assert.equal(sameIp.status, 'approved');
    const sameIpAgain = await submit({ articleId: a.id, commenter: guest(), body: 'Another.', ip: '192.0.2.9' });
    assert.deepEqual([sameIpAgain.status, sameIpAgain.decisionReason], ['rejected', 'rate_limited: address, 15 s']);
    clock.advance(15_000);
    const later = await submit({ articleId: a.id, commenter: who, body: 'Second thought.' });
    assert.equal(later.status, 'approved');
    assert.notEqual(later.id, quick.id);
  });

  test('a resubmitted form is accepted once and returns the same comment', async () => {
    const a = await article();
    const who = guest();
    const first = await submit({ articleId: a.id, commenter: who, body: 'Resubmitted text.' });
    clock.advance(30_000);
    const again = await submit({ articleId: a.id, commenter: who, body: '  Resubmitted text.\r\n' });
    assert.equal(again.id, first.id);
    assert.equal(again.status, 'approved');
    // With the form's key, the same form is the same comment however late it arrives.
    const keyed = await submit({ articleId: a.id, commenter: who, body: 'Keyed.', clientKey: 'form-1' });
    clock.advance(10 * 60_000);
    assert.equal((await submit({ articleId: a.id, commenter: who, body: 'Keyed.', clientKey: 'form-1' })).id, keyed.id);
    // After the minute, the same words again are a repeat post, stored as such.
    const repeat = await submit({ articleId: a.id, commenter: who, body: 'Resubmitted text.' });
    assert.deepEqual([repeat.status, repeat.decisionReason], ['rejected', 'repeat_post']);
    assert.equal(await approvedRows(a.id), 2);
    assert.equal(await comments.countApproved(a.id), 2);
  });

  test('10 concurrent identical submissions insert one comment', async () => {
    const a = await article();
    const who = guest();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        comments.submitComment({
          articleId: a.id,
          commenter: who,
          body: 'Sent ten times at once.',
          ip: '198.51.100.7',
        }),
      ),
    );
    assert.equal(new Set(results.map((r) => r.id)).size, 1);
    assert.ok(results.every((r) => r.status === 'approved'));
    const rows = await t.services.db.kysely
      .selectFrom('comments')
      .select('id')
      .where('article_id', '=', a.id)
      .execute();
    assert.equal(rows.length, 1);
    assert.equal(await comments.countApproved(a.id), 1);
  });

  test('50 concurrent commenters on one article lose and duplicate nothing', async () => {
    const a = await article();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        submit({ articleId: a.id, commenter: guest(), body: `Comment number ${i}` }),
      ),
    );
    assert.equal(new Set(results.map((r) => r.id)).size, 50);
    assert.ok(results.every((r) => r.status === 'approved'));
    const rows = await t.services.db.kysely
      .selectFrom('comments')
      .select('body')
      .where('article_id', '=', a.id)
      .execute();
    assert.deepEqual(
      rows.map((r) => r.body).sort(),
      Array.from({ length: 50 }, (_, i) => `Comment number ${i}`).sort(),
    );
    assert.equal(await comments.countApproved(a.id), 50);
    assert.equal(await approvedRows(a.id), 50);

    // 30 more at once, all replying in one branch: its kept counts lose nothing either.
    const root = results[0] as (typeof results)[number];
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        submit({ articleId: a.id, parentId: root.id, commenter: guest(), body: `Reply number ${i}` }),
      ),
    );
    const kept = await t.services.db.kysely
      .selectFrom('comments')
      .select(['reply_count', 'branch_count'])
      .where('id', '=', root.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(kept, { reply_count: 30, branch_count: 30 });
    const page = await comments.listThread({ articleId: a.id, limit: 50 });
    assert.equal(page.comments.find((c) => c.id === root.id)?.moreReplyCount, 20);
  });

  test('replies nest to depth 3; deeper ones are listed in their depth-3 ancestor’s branch', async () => {
    const a = await article();
    const root = await submit({ articleId: a.id, commenter: guest(), body: 'Root' });
    const d1 = await submit({ articleId: a.id, parentId: root.id, commenter: guest(), body: 'Depth one' });
    const d2 = await submit({ articleId: a.id, parentId: d1.id, commenter: guest(), body: 'Depth two' });
    const d3 = await submit({ articleId: a.id, parentId: d2.id, commenter: guest(), body: 'Depth three' });
    const d4 = await submit({ articleId: a.id, parentId: d3.id, commenter: guest(), body: 'Would be four' });
    assert.deepEqual(
      [root, d1, d2, d3, d4].map((c) => [c.depth, c.parentId, c.rootId]),
      [
        [0, null, root.id],
        [1, root.id, root.id],
        [2, d1.id, root.id],
        [3, d2.id, root.id],
        [3, d2.id, root.id],
      ],
    );
    assert.equal(d4.inReplyToId, d3.id);
    assert.equal((await comments.findComment(d2.id))?.replyCount, 2);
    assert.equal((await comments.findComment(root.id))?.replyCount, 1);
    const other = await article();
    await assert.rejects(submit({ articleId: other.id, parentId: root.id, commenter: guest(), body: 'Wrong story' }), {
      code: 'not_found',
    });
    const page = await comments.listThread({ articleId: a.id });
    assert.equal(page.comments.length, 1);
    assert.deepEqual(
      page.comments[0]?.replies.map((r) => [r.id, r.depth]),
      [
        [d1.id, 1],
        [d2.id, 2],
        [d3.id, 3],
        [d4.id, 3],
      ],
    );
    assert.equal(await comments.countApproved(a.id), 5);
  });

  test('keyset pagination is stable across pages in every sort', async () => {
    const a = await article();
    const likers = [];
    for (let i = 0; i < 3; i++) likers.push((await comments.ensureCommenter(guest())).id);
    const roots = [];
    for (let i = 0; i < 13; i++) {
      // Pairs share a timestamp, so ties are broken by id.
      if (i % 2 === 0) clock.advance(1_000);
      const c = await submit({ articleId: a.id, commenter: guest(), body: `Root ${i}` });
      for (const liker of likers.slice(0, i % 4)) await comments.likeComment(c.id, liker);
      roots.push({ id: c.id, createdAt: c.createdAt, likes: i % 4 });
    }
    await submit({ articleId: a.id, parentId: roots[0]?.id, commenter: guest(), body: 'A reply is not a root' });
    const expected: Record<ThreadSort, number[]> = {
      oldest: roots.map((r) => r.id),
      newest: [...roots].reverse().map((r) => r.id),
      liked: [...roots]
        .sort((x, y) => y.likes - x.likes || y.createdAt.localeCompare(x.createdAt) || y.id - x.id)
        .map((r) => r.id),
    };
    // Oldest last: a comment arrives while it pages.
    for (const sort of ['newest', 'liked', 'oldest'] as const) {
      const seen: number[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await comments.listThread({ articleId: a.id, sort, limit: 4, ...(after ? { after } : {}) });
        seen.push(...page.comments.map((c) => c.id));
        after = page.next ?? undefined;
        pages++;
        // A comment arriving between pages never shifts the next page of the older sorts.
        if (pages === 1 && sort === 'oldest') {
          clock.advance(1_000);
          roots.push({
            id: (await submit({ articleId: a.id, commenter: guest(), body: 'Late' })).id,
            createdAt: '',
            likes: 0,
          });
          expected.oldest.push(roots[roots.length - 1]?.id as number);
        }
      } while (after);
      assert.deepEqual(seen, expected[sort], sort);
      assert.equal(pages, Math.ceil(expected[sort].length / 4), `${sort} pages`);
    }
    await assert.rejects(comments.listThread({ articleId: a.id, sort: 'newest', after: 'bogus' }), {
      code: 'invalid_parameter',
    });
  });

  test('replies beyond the first page come through listReplies', async () => {
    const a = await article();
    const root = await submit({ articleId: a.id, commenter: guest(), body: 'Root' });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await submit({ articleId: a.id, parentId: root.id, commenter: guest(), body: `Reply ${i}` })).id);
    }
    const page = await comments.listThread({ articleId: a.id, replyLimit: 2 });
    const first = page.comments[0];
    assert.deepEqual(
      first?.replies.map((r) => r.id),
      ids.slice(0, 2),
    );
    assert.ok(first?.moreReplies);
    const rest = await comments.listReplies({ rootId: root.id, after: first.moreReplies, limit: 10 });
    assert.deepEqual(
      rest.replies.map((r) => r.id),
      ids.slice(2),
    );
    assert.equal(rest.next, null);
  });

  test('a like counts once; nobody likes their own comment', async () => {
    const a = await article();
    const author = await comments.ensureCommenter(guest());
    const reader = await comments.ensureCommenter(guest());
    const c = await submit({ articleId: a.id, commenter: author.id, body: 'Like me' });
    assert.deepEqual(await comments.likeComment(c.id, reader.id), { likeCount: 1 });
    assert.deepEqual(await comments.likeComment(c.id, reader.id), { likeCount: 1 });
    await assert.rejects(comments.likeComment(c.id, author.id), { code: 'forbidden' });
    assert.deepEqual(await comments.unlikeComment(c.id, reader.id), { likeCount: 0 });
    assert.deepEqual(await comments.unlikeComment(c.id, reader.id), { likeCount: 0 });
  });

  test('an author edits within the window, and the edit is moderated again', async () => {
    await comments.settings.update({ suspectWords: ['idiot'] });
    const a = await article();
    const who = await comments.ensureCommenter(guest());
    const c = await submit({ articleId: a.id, commenter: who.id, body: 'Original text' });
    clock.advance(60_000);
    const edited = await comments.editComment({ commentId: c.id, commenterId: who.id, body: 'Better **text**' });
    assert.equal(edited.status, 'approved');
    assert.equal(edited.bodyHtml, '<p>Better <strong>text</strong></p>');
    assert.ok(edited.editedAt);
    const held = await comments.editComment({ commentId: c.id, commenterId: who.id, body: 'You idiot' });
    assert.deepEqual([held.status, held.decisionReason], ['pending', 'suspect_word: idiot']);
    assert.equal(await comments.countApproved(a.id), 0);
    // An edit never lifts a hold itself.
    const clean = await comments.editComment({ commentId: c.id, commenterId: who.id, body: 'You are wrong' });
    assert.equal(clean.status, 'pending');
    const other = await comments.ensureCommenter(guest());
    await assert.rejects(comments.editComment({ commentId: c.id, commenterId: other.id, body: 'Mine now' }), {
      code: 'forbidden',
    });
    clock.advance(5 * 60_000);
    await assert.rejects(comments.editComment({ commentId: c.id, commenterId: who.id, body: 'Too late' }), {
      code: 'conflict',
    });
    await comments.settings.update({ suspectWords: [] });
  });

  test('deleting: with replies a placeholder stays, without replies it goes', async () => {
    const a = await article();
    const author = await comments.ensureCommenter(guest());
    const lonely = await submit({ articleId: a.id, commenter: author.id, body: 'Nobody answers' });
    clock.advance(20_000);
    const answered = await submit({ articleId: a.id, commenter: author.id, body: 'Somebody answers' });
    const reply = await submit({ articleId: a.id, parentId: answered.id, commenter: guest(), body: 'I do' });
    assert.equal(await comments.countApproved(a.id), 3);
    assert.equal((await comments.deleteOwnComment({ commentId: lonely.id, commenterId: author.id })).status, 'deleted');
    const gone = await comments.deleteOwnComment({ commentId: answered.id, commenterId: author.id });
    assert.deepEqual([gone.status, gone.body], ['deleted', '']);
    assert.equal(await comments.countApproved(a.id), 1);
    const page = await comments.listThread({ articleId: a.id });
    assert.deepEqual(
      page.comments.map((c) => [c.id, c.deleted, c.author, c.bodyHtml]),
      [[answered.id, true, null, '']],
    );
    assert.deepEqual(
      page.comments[0]?.replies.map((r) => r.id),
      [reply.id],
    );
    // Once its last reply goes, the placeholder goes too.
    await comments.moderate(reply.id, 'reject', moderatorId);
    assert.deepEqual((await comments.listThread({ articleId: a.id })).comments, []);
  });

  test('a ban with rejectPast rejects what they wrote, and their next comment', async () => {
    const a = await article();
    const b = await article();
    const troll = await comments.ensureCommenter(guest('Troll'));
    const c1 = await submit({ articleId: a.id, commenter: troll.id, body: 'First jab' });
    clock.advance(20_000);
    const c2 = await submit({ articleId: b.id, commenter: troll.id, body: 'Second jab' });
    purged.length = 0;
    const { commenter, rejected } = await comments.banCommenter(troll.id, { rejectPast: true }, moderatorId);
    assert.equal(commenter.status, 'banned');
    assert.equal(rejected, 2);
    assert.deepEqual(purged, [[`article:${a.id}`, `article:${b.id}`]]);
    assert.equal((await comments.findComment(c1.id))?.status, 'rejected');
    assert.equal((await comments.findComment(c2.id))?.decisionReason, 'commenter_banned');
    assert.equal(await comments.countApproved(a.id), 0);
    assert.equal(await comments.countApproved(b.id), 0);
    clock.advance(20_000);
    const next = await submit({ articleId: a.id, commenter: troll.id, body: 'Third jab' });
    assert.deepEqual([next.status, next.decisionReason], ['rejected', 'commenter_banned']);
    const history = await comments.commenterHistory(troll.id);
    assert.equal(history.counts.rejected, 3);
    assert.ok(history.log.some((e) => e.action === 'ban' && e.staffId === moderatorId));
    assert.ok(history.log.some((e) => e.action === 'reject' && e.commentId === c1.id && e.staffId === moderatorId));
    assert.ok(history.log.some((e) => e.action === 'reject' && e.commentId === next.id && e.staffId === null));
    // A suspension ends on its own.
    await comments.banCommenter(troll.id, { until: new Date(clock.now().getTime() + 3_600_000) }, moderatorId);
    clock.advance(2 * 3_600_000);
    assert.equal((await submit({ articleId: a.id, commenter: troll.id, body: 'Back, politely' })).status, 'approved');
  });

  test('reports gather; at the threshold the comment goes back to the pending queue', async () => {
    const a = await article();
    const c = await submit({ articleId: a.id, commenter: guest(), body: 'Controversial' });
    const reporters = [];
    for (let i = 0; i < 3; i++) reporters.push(await comments.ensureCommenter(guest()));
    const r1 = await comments.reportComment({ commentId: c.id, commenterId: reporters[0]!.id, reason: 'abusive' });
    assert.deepEqual(r1, { reportCount: 1, status: 'approved' });
    const again = await comments.reportComment({ commentId: c.id, commenterId: reporters[0]!.id, reason: 'spam' });
    assert.deepEqual(again, { reportCount: 1, status: 'approved' });
    await comments.reportComment({ commentId: c.id, commenterId: reporters[1]!.id, reason: 'spam' });
    const third = await comments.reportComment({
      commentId: c.id,
      commenterId: reporters[2]!.id,
      reason: 'other',
      note: 'Off topic rant',
    });
    assert.deepEqual(third, { reportCount: 3, status: 'pending' });
    assert.equal(await comments.countApproved(a.id), 0);
    const reported = await comments.queue({ kind: 'reported' });
    const item = reported.items.find((i) => i.id === c.id);
    assert.deepEqual(
      item?.reports.map((r) => r.reason),
      ['abusive', 'spam', 'other'],
    );
    assert.equal(item?.decisionReason, 'reported: 3 reports');
    assert.ok((await comments.queue({ kind: 'pending', limit: 200 })).items.some((i) => i.id === c.id));
  });

  test('moderation queues page by keyset', async () => {
    await comments.settings.update({ premoderateAll: true });
    const a = await article();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      clock.advance(1_000);
      ids.push((await submit({ articleId: a.id, commenter: guest(), body: `Waiting ${i}` })).id);
    }
    await comments.settings.update({ premoderateAll: false });
    const seen: number[] = [];
    let after: string | undefined;
    do {
      const page = await comments.queue({ kind: 'pending', limit: 2, ...(after ? { after } : {}) });
      seen.push(...page.items.map((i) => i.id));
      after = page.next ?? undefined;
    } while (after);
    assert.deepEqual(
      seen.filter((id) => ids.includes(id)),
      ids,
    );
    const pending = (await comments.queue({ kind: 'pending', limit: 200 })).items.find((i) => i.id === ids[0]);
    assert.equal(pending?.decisionReason, 'premoderated_site');
    assert.ok(pending?.commenter.email?.endsWith('@example.com'));
    const featured = await comments.moderate(ids[0] as number, 'approve', moderatorId);
    assert.equal(featured.status, 'approved');
    assert.equal((await comments.moderate(ids[0] as number, 'feature', moderatorId)).featured, true);
    await comments.moderate(ids[1] as number, 'spam', moderatorId);
    assert.equal((await comments.queue({ kind: 'spam' })).items[0]?.id, ids[1]);
    const recent = await comments.queue({ kind: 'recent', limit: 1 });
    assert.equal(recent.items.length, 1);
  });

  test('a reader downloads, then erases, their data', async () => {
    const a = await article();
    const who = guest('Erin');
    const mine = await submit({ articleId: a.id, commenter: who, body: 'Mine **own**' });
    const reader = await comments.ensureCommenter(who);
    const reply = await submit({ articleId: a.id, parentId: mine.id, commenter: guest(), body: 'Reply to Erin' });
    await comments.likeComment(reply.id, reader.id);
    const data = await comments.exportReaderData(reader.id);
    assert.equal(data.commenter.email, who.email);
    assert.deepEqual(
      data.comments.map((c) => c.text),
      ['Mine **own**'],
    );
    assert.deepEqual(
      data.likes.map((l) => l.commentId),
      [reply.id],
    );
    assert.ok(!JSON.stringify(data).includes('ip'));
    await comments.deleteReaderData(reader.id);
    const after = await comments.findComment(mine.id);
    assert.deepEqual([after?.status, after?.body, after?.bodyHtml], ['deleted', '', '']);
    assert.equal((await comments.findComment(reply.id))?.likeCount, 0);
    const row = await t.services.db.kysely
      .selectFrom('commenters')
      .selectAll()
      .where('id', '=', reader.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([row.email, row.display_name], [null, 'Deleted reader']);
    assert.equal(await comments.countApproved(a.id), 1);
    await assert.rejects(comments.exportReaderData(reader.id), { code: 'not_found' });
  });

  test('staff comments wear their kind and skip premoderation', async () => {
    await comments.settings.update({ premoderateAll: true });
    const a = await article();
    const c = await submit({
      articleId: a.id,
      commenter: { kind: 'staff', name: 'Mo Derator', staffId: moderatorId },
      body: 'From the newsroom',
    });
    await comments.settings.update({ premoderateAll: false });
    assert.equal(c.status, 'approved');
    const page = await comments.listThread({ articleId: a.id });
    assert.equal(page.comments[0]?.author?.staff, true);
  });

  test('comments on an unpublished article are refused', async () => {
    const draft = await buildArticle(t.services, {});
    await assert.rejects(submit({ articleId: draft.id, commenter: guest(), body: 'Early bird' }), {
      code: 'not_found',
    });
  });
});
