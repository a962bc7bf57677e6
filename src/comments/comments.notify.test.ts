import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { type TestClock, testClock } from '../../test/helpers/clock.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle } from '../../test/helpers/factories.js';
import { getPage, textOf, urlOf } from '../../test/helpers/html.js';
import { type SmtpSink, startSmtpSink } from '../../test/helpers/smtp-sink.js';
import type { ArticleRecord } from '../articles/articles.service.js';
import type { CommenterIdentity, StoredComment } from './comments.service.js';

const origin = 'http://news.test';
let n = 0;
const guest = (name: string): CommenterIdentity & { email: string } => ({
  kind: 'guest',
  name,
  email: `${name.toLowerCase().replace(/\W+/g, '.')}.${++n}@mail.test`,
});

eachDialect('comment mail: replies, unsubscribing and the moderators digest', (dialect) => {
  let t: TestApp;
  let clock: TestClock;
  let sink: SmtpSink;
  let moderatorEmail: string;
  let staffId: number;

  before(async () => {
    clock = testClock('2026-11-28T10:00:00.000Z');
    sink = await startSmtpSink();
    t = await buildTestApp(dialect, { clock, env: { NEWSDESK_SMTP_URL: sink.url } });
    moderatorEmail = `moderator.${dialect}@newsroom.test`;
    const moderator = await t.services.staff.createStaff({
      email: moderatorEmail,
      name: 'Mo Derator',
      role: 'moderator',
      password: 'correct horse battery staple',
    });
    staffId = moderator.id;
    // A writer cannot moderate: no digest for them.
    await t.services.staff.createStaff({
      email: `writer.${dialect}@newsroom.test`,
      name: 'Wri Ter',
      role: 'author',
      password: 'correct horse battery staple',
    });
  });
  after(async () => {
    await t.close();
    await sink.stop();
  });
  beforeEach(async () => {
    await t.services.comments.settings.update({
      premoderateAll: false,
      newCommenterApprovals: 0,
      rateLimitSeconds: 0,
      minSubmitSeconds: 0,
    });
    clock.advance(60_000);
  });

  let ip = 0;
  const article = (headline?: string) =>
    buildArticle(t.services, { published: clock.now(), ...(headline ? { headline } : {}) });
  const comment = (
    a: ArticleRecord,
    who: CommenterIdentity | number,
    body: string,
    extra: { parentId?: number; notifyReplies?: boolean } = {},
  ): Promise<StoredComment> => {
    clock.advance(1000);
    return t.services.comments.submitComment({
      articleId: a.id,
      commenter: who,
      body,
      ip: `10.30.0.${++ip % 250}`,
      ...extra,
    });
  };
  /** Deterministic: the outbox row exists once the job that writes it has run. */
  const outboxTo = (to: string, kind: string) =>
    t.services.db.kysely
      .selectFrom('outbox')
      .select(['id', 'subject', 'text_body'])
      .where('to_address', '=', to)
      .where('kind', '=', kind)
      .execute();
  const formPost = (url: string, payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload,
    });

  /** A comment whose author ticked "Email me when someone replies", posted through the form. */
  const optedIn = async (a: ArticleRecord, author: ReturnType<typeof guest>) => {
    const res = await formPost(
      '/comments',
      new URLSearchParams({
        articleId: String(a.id),
        name: author.name,
        email: author.email,
        body: `${author.name} says the budget is late.`,
        notifyReplies: 'on',
        renderedAt: String(clock.now().getTime() - 30_000),
      }).toString(),
      { origin, accept: 'text/html' },
    );
    assert.equal(res.statusCode, 303, res.body);
    const id = Number(String(res.headers.location).split('/').pop());
    const stored = await t.services.comments.findComment(id);
    assert.ok(stored);
    return stored;
  };

  test('an approved reply mails the opted-in author: the text, a link, one-click unsubscribe headers', async () => {
    const a = await article('Budget talks stall again');
    const ana = guest('Ana Author');
    const parent = await optedIn(a, ana);
    const reply = await comment(a, guest('Ben Replier'), 'I *disagree*: it was on time.\n\nSee the minutes.', {
      parentId: parent.id,
    });
    assert.equal(reply.status, 'approved');
    await t.services.jobs.runDue();

    const mail = await sink.waitFor((m) => m.to.includes(ana.email));
    assert.match(mail.subject, /Ben Replier replied to your comment on “Budget talks stall again”/);
    assert.match(mail.text, /I \*disagree\*: it was on time\.\n\nSee the minutes\./, 'the reply, as plain text');
    assert.ok(mail.links.includes(`${origin}${urlOf(t.services, a)}#comment-${reply.id}`), mail.links.join(' '));
    const unsubscribe = /^<(http:\/\/news\.test\/readers\/unsubscribe\/[^>]+)>$/.exec(
      (mail.header('list-unsubscribe') ?? '').trim(),
    );
    assert.ok(unsubscribe, `List-Unsubscribe: ${mail.header('list-unsubscribe')}`);
    assert.equal(mail.header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    assert.ok(mail.links.includes(unsubscribe[1] as string), 'the unsubscribe link is in the text too');

    await t.services.jobs.runDue();
    assert.equal((await outboxTo(ana.email, 'comments.reply')).length, 1, 'one mail per reply');
  });

  test('a held reply sends nothing until a moderator approves it', async () => {
    const a = await article();
    const cleo = guest('Cleo Waiting');
    const parent = await optedIn(a, cleo);
    await t.services.comments.settings.update({ premoderateAll: true });
    const reply = await comment(a, guest('Dan Held'), 'A reply that waits for a moderator.', { parentId: parent.id });
    assert.equal(reply.status, 'pending');
    await t.services.jobs.runDue();
    assert.equal((await outboxTo(cleo.email, 'comments.reply')).length, 0);

    await t.services.comments.moderate(reply.id, 'approve', staffId);
    await t.services.jobs.runDue();
    const mail = await sink.waitFor((m) => m.to.includes(cleo.email));
    assert.match(mail.text, /A reply that waits for a moderator\./);
  });

  test('no mail without the opt-in, nor for a reply to oneself', async () => {
    const a = await article();
    const quiet = guest('Quiet Reader');
    const plain = await comment(a, quiet, 'I did not ask for mail.');
    await comment(a, guest('Eve Replier'), 'A reply nobody is told about.', { parentId: plain.id });
    const self = guest('Self Talker');
    const mine = await optedIn(a, self);
    await comment(a, self, 'And I add to my own comment.', { parentId: mine.id });
    await t.services.jobs.runDue();
    assert.equal((await outboxTo(quiet.email, 'comments.reply')).length, 0);
    assert.equal((await outboxTo(self.email, 'comments.reply')).length, 0);
  });

  test('the unsubscribe link: its GET changes nothing, its POST stops later reply mails; a forged one is refused', async () => {
    const a = await article();
    const fay = guest('Fay Unsub');
    const parent = await optedIn(a, fay);
    await comment(a, guest('Gil First'), 'First reply.', { parentId: parent.id });
    await t.services.jobs.runDue();
    const mail = await sink.waitFor((m) => m.to.includes(fay.email));
    const link = /^<(.+)>$/.exec((mail.header('list-unsubscribe') ?? '').trim())?.[1] as string;
    const path = link.slice(origin.length);
    const offAt = async () =>
      (
        await t.services.db.kysely
          .selectFrom('commenters')
          .select('reply_mails_off_at')
          .where('email', '=', fay.email)
          .executeTakeFirstOrThrow()
      ).reply_mails_off_at;

    const opened = await getPage(t.app, path);
    assert.equal(opened.res.statusCode, 200);
    assert.ok(opened.doc.querySelector(`form[method="post"][action="${path}"] button`), 'a button that POSTs');
    assert.equal(await offAt(), null, 'opening the link unsubscribed nobody');

    const pressed = await formPost(path, '', { origin, accept: 'text/html' });
    assert.equal(pressed.statusCode, 200);
    assert.ok(await offAt());
    await comment(a, guest('Hal Later'), 'A later reply.', { parentId: parent.id });
    await t.services.jobs.runDue();
    assert.equal((await outboxTo(fay.email, 'comments.reply')).length, 1, 'only the mail before unsubscribing');

    const forged = `/readers/unsubscribe/${parent.commenterId}.${'A'.repeat(43)}`;
    const refused = await getPage(t.app, forged);
    assert.equal(refused.res.statusCode, 400);
    assert.match(textOf(refused.doc.querySelector('main, body')), /not one we sent/);
    assert.equal((await formPost(forged, 'List-Unsubscribe=One-Click')).statusCode, 400);
  });

  test("the mail client's one-click POST (RFC 8058) unsubscribes at once, urlencoded or multipart", async () => {
    const a = await article();
    const posts = [
      { type: 'application/x-www-form-urlencoded', body: 'List-Unsubscribe=One-Click' },
      {
        type: 'multipart/form-data; boundary=x',
        body: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
      },
    ];
    for (const [i, form] of posts.entries()) {
      const author = guest(`Ida OneClick ${i}`);
      const parent = await optedIn(a, author);
      await comment(a, guest('Jon First'), 'Reply one.', { parentId: parent.id });
      await t.services.jobs.runDue();
      const mail = await sink.waitFor((m) => m.to.includes(author.email));
      const link = /^<(.+)>$/.exec((mail.header('list-unsubscribe') ?? '').trim())?.[1] as string;
      // As a mail provider sends it: no cookies, no Origin, the body RFC 8058 prescribes.
      const res = await t.app.inject({
        method: 'POST',
        url: link.slice(origin.length),
        headers: { 'content-type': form.type },
        payload: form.body,
      });
      assert.equal(res.statusCode, 200, form.type);
      await comment(a, guest('Kim Second'), 'Reply two.', { parentId: parent.id });
      await t.services.jobs.runDue();
      assert.equal((await outboxTo(author.email, 'comments.reply')).length, 1, form.type);
    }
  });

  test('the digest: two held comments make one mail to each moderator; not again within the interval; none when nothing waits', async () => {
    await t.services.comments.settings.update({ premoderateAll: true, digestHours: 24 });
    // Earlier tests' held comments are decided first, so this digest lists exactly ours.
    for (const held of (await t.services.comments.queue({ kind: 'pending' })).items) {
      await t.services.comments.moderate(held.id, 'reject', staffId);
    }
    const digests = () => outboxTo(moderatorEmail, 'comments.digest');
    const a = await article('Council votes on the bridge');
    const b = await article('Storm closes the harbour');
    await comment(a, guest('Lou Held'), 'The bridge is a waste of money.');
    await comment(b, guest('May Held'), 'The harbour should have closed sooner.');
    clock.advance(2 * 3600_000);

    await t.services.commentNotifier.scheduleDigest();
    await t.services.jobs.runDue();
    const mail = await sink.waitFor((m) => m.to.includes(moderatorEmail));
    assert.match(mail.subject, /2 comments are waiting for a moderator/);
    assert.match(mail.text, /the oldest has waited 2 hours/);
    for (const expected of [
      /On “Council votes on the bridge”/,
      /The bridge is a waste of money\./,
      /On “Storm closes the harbour”/,
      /The harbour should have closed sooner\./,
      /Held because: premoderated_site/,
    ]) {
      assert.match(mail.text, expected);
    }
    assert.ok(mail.links.includes(`${origin}/newsroom/comments`), 'a link to the moderation queue');
    assert.equal((await digests()).length, 1);
    assert.equal((await outboxTo(`writer.${dialect}@newsroom.test`, 'comments.digest')).length, 0);

    await comment(a, guest('Ned Later'), 'Held an hour after the digest.');
    clock.advance(3600_000);
    await t.services.commentNotifier.scheduleDigest();
    await t.services.jobs.runDue();
    assert.equal((await digests()).length, 1, 'at most one digest per interval');

    for (const held of (await t.services.comments.queue({ kind: 'pending' })).items) {
      await t.services.comments.moderate(held.id, 'approve', staffId);
    }
    clock.advance(25 * 3600_000);
    await t.services.commentNotifier.scheduleDigest();
    await t.services.jobs.runDue();
    assert.equal((await digests()).length, 1, 'nothing waits: no digest');
  });

  test('digestHours is checked, and 0 turns the digest off', async () => {
    const refused = await t.services.comments.settings.update({ digestHours: -1 }).catch((err: unknown) => err);
    assert.equal((refused as { code?: string }).code, 'validation_failed');
    await t.services.comments.settings.update({ premoderateAll: true, digestHours: 0 });
    await comment(await article(), guest('Oz Held'), 'Held while the digest is off.');
    clock.advance(100 * 3600_000);
    const before = (await outboxTo(moderatorEmail, 'comments.digest')).length;
    await t.services.commentNotifier.scheduleDigest();
    await t.services.jobs.runDue();
    assert.equal((await outboxTo(moderatorEmail, 'comments.digest')).length, before);
    await t.services.comments.settings.update({ digestHours: 24 });
  });
});
