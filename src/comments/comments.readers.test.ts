import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { type TestClock, testClock } from '../../test/helpers/clock.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle } from '../../test/helpers/factories.js';
import { getPage, parseHtml, textOf, urlOf } from '../../test/helpers/html.js';
import { type SmtpSink, startSmtpSink } from '../../test/helpers/smtp-sink.js';
import type { ArticleRecord } from '../articles/articles.service.js';

const origin = 'http://news.test';
let n = 0;
const uniqueEmail = (who: string) => `${who}.${++n}@readers.test`;
let address = 0;
/** Each request from its own network address, so the per-address limit is tested on purpose only. */
const nextIp = () => `10.20.${Math.floor(++address / 250)}.${address % 250}`;

eachDialect('verified readers', (dialect) => {
  let t: TestApp;
  let clock: TestClock;
  let sink: SmtpSink;

  before(async () => {
    clock = testClock('2026-11-28T10:00:00.000Z');
    sink = await startSmtpSink();
    t = await buildTestApp(dialect, { clock, env: { NEWSDESK_SMTP_URL: sink.url } });
  });
  after(async () => {
    await t.close();
    await sink.stop();
  });
  beforeEach(async () => {
    await t.services.comments.settings.update({
      guestsAllowed: true,
      newCommenterApprovals: 0,
      rateLimitSeconds: 0,
      minSubmitSeconds: 0,
    });
    clock.advance(60_000);
  });

  const article = () => buildArticle(t.services, { published: clock.now() });
  const post = (
    url: string,
    fields: Record<string, string>,
    opts: { cookie?: string; ip?: string; headers?: Record<string, string> } = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url,
      remoteAddress: opts.ip ?? nextIp(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        origin,
        ...(opts.cookie ? { cookie: opts.cookie } : {}),
        ...opts.headers,
      },
      payload: new URLSearchParams(fields).toString(),
    });
  const cookieOf = (res: LightMyRequestResponse, name: string) => res.cookies.find((c) => c.name === name);
  const sessionCookie = (res: LightMyRequestResponse) => {
    const cookie = cookieOf(res, 'nd_reader_session');
    assert.ok(cookie?.value, 'the confirmation sets the reader session cookie');
    return `nd_reader_session=${cookie.value}`;
  };
  const me = async (cookie?: string) =>
    (await t.app.inject({ method: 'GET', url: '/api/readers/me', headers: cookie ? { cookie } : {} })).json();

  /** Asks for a link through the form and returns it from the mail the SMTP server received. */
  const askForLink = async (email: string, name: string, returnTo?: string) => {
    const res = await post('/readers/sign-in', { email, name, ...(returnTo ? { return: returnTo } : {}) });
    assert.equal(res.statusCode, 200, res.body);
    await t.services.jobs.runDue();
    const mail = await sink.waitFor((m) => m.to.includes(email));
    const link = mail.links.find((l) => l.startsWith(`${origin}/readers/confirm/`));
    assert.ok(link, `a sign-in link in: ${mail.text}`);
    return { res, mail, link, path: link.slice(origin.length), token: link.split('/').pop() as string };
  };
  const signIn = async (email: string, name: string) => {
    const { token } = await askForLink(email, name);
    const confirmed = await post('/readers/confirm', { token });
    assert.equal(confirmed.statusCode, 303);
    const cookie = sessionCookie(confirmed);
    const reader = cookieOf(confirmed, 'nd_reader');
    return {
      cookie,
      csrfToken: (await me(cookie)).csrfToken as string,
      // Likes, edits and the data download know a reader by this cookie, as they know a guest.
      readerCookie: reader ? `nd_reader=${reader.value}` : '',
    };
  };
  const commentsOn = (a: ArticleRecord) =>
    t.services.db.kysely
      .selectFrom('comments')
      .innerJoin('commenters', 'commenters.id', 'comments.commenter_id')
      .select(['comments.id', 'comments.body', 'commenters.kind', 'commenters.display_name'])
      .where('comments.article_id', '=', a.id)
      .execute();
  const commentFields = (a: ArticleRecord, extra: Record<string, string> = {}) => ({
    articleId: String(a.id),
    body: 'A comment from a reader who confirmed their address.',
    renderedAt: String(clock.now().getTime() - 30_000),
    website: '',
    ...extra,
  });

  test('a sign-in link arrives by mail; opening it changes nothing; its button signs the reader in once', async () => {
    const email = uniqueEmail('ada');
    const { res, mail, path, token } = await askForLink(email, 'Ada Reader', '/comments/1/write');
    assert.match(textOf(parseHtml(res.body).querySelector('main, body')), /Check your email/);
    assert.match(String(res.headers['cache-control']), /no-store/);
    assert.match(mail.subject, /Confirm your email/);
    assert.match(mail.text, /works for 30 minutes, once/);

    // A mail scanner following the link, twice: a page with a button, no session, the link still good.
    for (let i = 0; i < 2; i++) {
      const opened = await getPage(t.app, path);
      assert.equal(opened.res.statusCode, 200);
      assert.equal(cookieOf(opened.res, 'nd_reader_session'), undefined);
      assert.match(String(opened.res.headers['cache-control']), /no-store/);
      const form = opened.doc.querySelector('form[method="post"][action="/readers/confirm"]');
      assert.ok(form, 'the page confirms with a POST');
      assert.equal(form.querySelector('input[name="token"]')?.getAttribute('value'), token);
      assert.match(textOf(opened.doc.querySelector('main, body')), new RegExp(email.replace('.', '\\.')));
    }
    const stored = await t.services.db.kysely
      .selectFrom('reader_tokens')
      .selectAll()
      .where('email', '=', email)
      .execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.used_at, null, 'opening the link did not spend it');
    assert.notEqual(stored[0]?.id, token, 'only a hash of the token is stored');
    assert.equal((await me()).signedIn, false);

    const confirmed = await post('/readers/confirm', { token });
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, '/comments/1/write', 'back where the reader was going');
    const cookie = cookieOf(confirmed, 'nd_reader_session');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    const state = await me(`nd_reader_session=${cookie.value}`);
    assert.equal(state.signedIn, true);
    assert.equal(state.name, 'Ada Reader');
    assert.match(state.csrfToken, /^[A-Za-z0-9_-]{40,}$/);
    const commenter = await t.services.db.kysely
      .selectFrom('commenters')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    assert.equal(commenter.kind, 'reader');
    assert.ok(commenter.email_verified_at, 'the address is verified');

    const again = await post('/readers/confirm', { token });
    assert.equal(again.statusCode, 410);
    assert.equal(cookieOf(again, 'nd_reader_session'), undefined);
    assert.match(textOf(parseHtml(again.body).querySelector('[role="alert"]')), /already used/);
  });

  test('an expired link is refused with a way to ask for a new one', async () => {
    const email = uniqueEmail('late');
    const { path, token } = await askForLink(email, 'Late Reader');
    clock.advance(31 * 60_000);
    const opened = await getPage(t.app, path);
    assert.equal(opened.res.statusCode, 410);
    assert.match(textOf(opened.doc.querySelector('[role="alert"]')), /expired/);
    assert.ok(opened.doc.querySelector('a[href="/readers/sign-in"]'));
    const pressed = await post('/readers/confirm', { token });
    assert.equal(pressed.statusCode, 410);
    assert.equal(cookieOf(pressed, 'nd_reader_session'), undefined);
    const forged = await post('/readers/confirm', { token: 'not-a-token-we-made' });
    assert.equal(forged.statusCode, 410);
  });

  test('a confirmation sent from another website is refused', async () => {
    const { token } = await askForLink(uniqueEmail('csrf'), 'Careful Reader');
    const res = await post('/readers/confirm', { token }, { headers: { origin: 'https://evil.example' } });
    assert.equal(res.statusCode, 403);
    assert.equal(cookieOf(res, 'nd_reader_session'), undefined);
    assert.equal((await post('/readers/confirm', { token })).statusCode, 303, 'the link still works from our page');
  });

  test('sign-in mistakes are shown beside their fields; too many links are a 429 with Retry-After', async () => {
    const wrong = await post('/readers/sign-in', { email: 'not-an-address', name: '' });
    assert.equal(wrong.statusCode, 422);
    const doc = parseHtml(wrong.body);
    assert.ok(doc.querySelector('[role="alert"] a[href="#reader-email"]'));
    assert.ok(doc.querySelector('[role="alert"] a[href="#reader-name"]'));
    assert.equal(doc.querySelector('#reader-email')?.getAttribute('aria-invalid'), 'true');
    assert.equal(doc.querySelector('#reader-email')?.getAttribute('value'), 'not-an-address', 'the value is kept');

    const email = uniqueEmail('eager');
    for (let i = 0; i < 3; i++) {
      assert.equal((await post('/readers/sign-in', { email, name: 'Eager' })).statusCode, 200);
      clock.advance(60_000);
    }
    const fourth = await post('/readers/sign-in', { email, name: 'Eager' });
    assert.equal(fourth.statusCode, 429);
    const wait = Number(fourth.headers['retry-after']);
    assert.ok(wait > 0 && wait <= 3600, `Retry-After ${wait}`);
    assert.match(
      textOf(parseHtml(fourth.body).querySelector('[role="alert"]')),
      /try|ask for a new link in \d+ minutes/i,
    );
    clock.advance(61 * 60_000);
    assert.equal((await post('/readers/sign-in', { email, name: 'Eager' })).statusCode, 200, 'the window passes');

    const ip = '10.99.0.1';
    for (let i = 0; i < 10; i++) {
      assert.equal(
        (await post('/readers/sign-in', { email: uniqueEmail('spray'), name: 'Spray' }, { ip })).statusCode,
        200,
      );
    }
    const flood = await post('/readers/sign-in', { email: uniqueEmail('spray'), name: 'Spray' }, { ip });
    assert.equal(flood.statusCode, 429);
    assert.ok(Number(flood.headers['retry-after']) > 0);
  });

  test('verified-only: the article invites to sign in, a guest is refused, the reader posts with the token', async () => {
    await t.services.comments.settings.update({ guestsAllowed: false });
    const a = await article();
    const write = `/comments/${a.id}/write`;
    const page = await getPage(t.app, urlOf(t.services, a));
    assert.equal(page.doc.querySelector('#comment-name'), null, 'no guest fields');
    const invite = page.doc.querySelector(`#comments a[href="/readers/sign-in?return=${encodeURIComponent(write)}"]`);
    assert.equal(textOf(invite), 'Sign in to comment');

    const guest = await post('/comments', { ...commentFields(a), name: 'Guest', email: uniqueEmail('guest') });
    assert.equal(guest.statusCode, 403);
    assert.match(textOf(parseHtml(guest.body).querySelector('[role="alert"]')), /confirmed their email address/);
    assert.equal((await commentsOn(a)).length, 0);
    const json = await t.app.inject({ method: 'GET', url: write });
    assert.equal(json.statusCode, 303, 'the private form sends a stranger to sign in');
    assert.equal(json.headers.location, `/readers/sign-in?return=${encodeURIComponent(write)}`);

    const email = uniqueEmail('vera');
    const { token } = await askForLink(email, 'Vera Verified', write);
    const confirmed = await post('/readers/confirm', { token });
    assert.equal(confirmed.headers.location, write);
    const cookie = sessionCookie(confirmed);
    const form = await getPage(t.app, write, { cookie });
    assert.equal(form.res.statusCode, 200);
    assert.match(String(form.res.headers['cache-control']), /no-store/);
    assert.equal(form.doc.querySelector('#comment-email'), null);
    assert.match(textOf(form.doc.querySelector('.comment-form__reader')), /commenting as Vera Verified/);
    const csrfToken = form.doc.querySelector('input[name="csrfToken"]')?.getAttribute('value');
    assert.equal(csrfToken, (await me(cookie)).csrfToken);

    const posted = await post('/comments', commentFields(a, { csrfToken: csrfToken as string }), { cookie });
    assert.equal(posted.statusCode, 303, posted.body);
    const stored = await commentsOn(a);
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.kind, 'reader');
    assert.equal(stored[0]?.display_name, 'Vera Verified');
  });

  test("a signed-in reader's post without the token comes back with the text kept, nothing stored", async () => {
    const a = await article();
    const { cookie, csrfToken } = await signIn(uniqueEmail('nojs'), 'No Script');
    const text = 'Typed carefully, on a page the cache shared with everyone.';
    const res = await post(
      '/comments',
      { ...commentFields(a, { body: text, notifyReplies: 'on' }), name: '', email: '' },
      { cookie },
    );
    assert.equal(res.statusCode, 403);
    assert.match(String(res.headers['cache-control']), /no-store/);
    const doc = parseHtml(res.body);
    assert.match(textOf(doc.querySelector('[role="alert"]')), /press Post again/);
    assert.equal(doc.querySelector('#comment-body')?.textContent, text, 'the text is kept');
    assert.equal(doc.querySelector('#comment-notifyReplies')?.hasAttribute('checked'), true);
    assert.equal(doc.querySelector('input[name="csrfToken"]')?.getAttribute('value'), csrfToken);
    assert.equal((await commentsOn(a)).length, 0, 'nothing stored');

    const other = await signIn(uniqueEmail('other'), 'Someone Else');
    const wrong = await post('/comments', commentFields(a, { body: text, csrfToken: other.csrfToken }), { cookie });
    assert.equal(wrong.statusCode, 403, "another session's token does not do");

    const fields: Record<string, string> = {};
    for (const input of doc.querySelectorAll('#comment-form input, #comment-form textarea')) {
      const name = input.getAttribute('name');
      if (!name || (input.getAttribute('type') === 'checkbox' && !input.hasAttribute('checked'))) continue;
      fields[name] = input.tagName === 'TEXTAREA' ? (input.textContent ?? '') : (input.getAttribute('value') ?? '');
    }
    const again = await post('/comments', fields, { cookie });
    assert.equal(again.statusCode, 303, 'pressing Post again publishes it');
    const stored = await commentsOn(a);
    assert.deepEqual(
      stored.map((c) => [c.body, c.kind]),
      [[text, 'reader']],
    );
  });

  test('a guest who confirms the same address keeps their earlier comments', async () => {
    const a = await article();
    const email = uniqueEmail('was.guest');
    const res = await post('/comments', { ...commentFields(a), name: 'Gus Guest', email });
    assert.equal(res.statusCode, 303);
    const before = await commentsOn(a);
    assert.equal(before[0]?.kind, 'guest');
    const { cookie, readerCookie } = await signIn(email, 'Gus Reader');
    const after = await commentsOn(a);
    assert.equal(after[0]?.kind, 'reader');
    assert.equal(after[0]?.display_name, 'Gus Reader');
    const data = await t.app.inject({
      method: 'GET',
      url: '/api/readers/me/data',
      headers: { cookie: `${cookie}; ${readerCookie}` },
    });
    assert.equal(data.statusCode, 200);
    assert.equal(data.json().comments.length, 1, 'the guest comment is in the reader data');
  });

  test('sign out ends the session, and needs the session token', async () => {
    const { cookie, csrfToken } = await signIn(uniqueEmail('leaving'), 'Leaving Reader');
    const stale = await post('/readers/sign-out', { csrfToken: 'stale' }, { cookie });
    assert.equal(stale.statusCode, 403);
    assert.ok(parseHtml(stale.body).querySelector(`input[name="csrfToken"][value="${csrfToken}"]`));
    assert.equal((await me(cookie)).signedIn, true, 'still signed in');

    const out = await post('/readers/sign-out', { csrfToken }, { cookie });
    assert.equal(out.statusCode, 303);
    const cleared = cookieOf(out, 'nd_reader_session');
    assert.equal(cleared?.value, '', 'the cookie is cleared');
    assert.equal((await me(cookie)).signedIn, false, 'the old cookie no longer works');
    const page = await getPage(t.app, '/readers/sign-in', { cookie });
    assert.ok(page.doc.querySelector('form[action="/readers/sign-in"]'), 'the sign-in form again');
  });
});
