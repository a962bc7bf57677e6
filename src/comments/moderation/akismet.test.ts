import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { type TestClock, testClock } from '../../../test/helpers/clock.js';
import { eachDialect } from '../../../test/helpers/db.js';
import { buildArticle } from '../../../test/helpers/factories.js';
import { akismetChecker } from './akismet.js';

/**
 * A stand-in for Akismet's comment-check endpoint: "true" (spam) when the comment mentions
 * a casino, "false" otherwise; "broken" in the text answers 500, "slow" never answers.
 */
async function startFakeAkismet() {
  const calls: URLSearchParams[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const fields = new URLSearchParams(body);
      calls.push(fields);
      const content = fields.get('comment_content') ?? '';
      if (req.url !== '/1.1/comment-check') return res.writeHead(404).end();
      if (content.includes('slow')) return; // never answers
      if (content.includes('broken')) return res.writeHead(500).end('oops');
      res.writeHead(200, { 'content-type': 'text/plain' }).end(content.includes('casino') ? 'true' : 'false');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test('the Akismet checker sends the comment, the author and the key, and reads the verdict', async () => {
  const fake = await startFakeAkismet();
  try {
    const checker = akismetChecker({ key: 'k3y', url: fake.url, site: 'https://news.test', language: 'en' });
    const base = { name: 'Ada', email: 'ada@example.com', ipHash: null, ip: '203.0.113.9' };
    assert.equal(await checker.check({ ...base, body: 'Win big at the casino' }), 'spam');
    assert.equal(await checker.check({ ...base, body: 'The ferry timetable changes on Monday.' }), 'ham');
    const sent = fake.calls[0];
    assert.ok(sent);
    assert.equal(sent.get('api_key'), 'k3y');
    assert.equal(sent.get('blog'), 'https://news.test/');
    assert.equal(sent.get('user_ip'), '203.0.113.9');
    assert.equal(sent.get('comment_author'), 'Ada');
    assert.equal(sent.get('comment_author_email'), 'ada@example.com');
    await assert.rejects(checker.check({ ...base, body: 'broken' }));
  } finally {
    await fake.close();
  }
});

eachDialect('comments checked by Akismet when a key is configured', (dialect) => {
  let t: TestApp;
  let clock: TestClock;
  let fake: Awaited<ReturnType<typeof startFakeAkismet>>;
  let n = 0;

  before(async () => {
    fake = await startFakeAkismet();
    clock = testClock('2026-11-28T10:00:00.000Z');
    t = await buildTestApp(dialect, {
      clock,
      env: { NEWSDESK_AKISMET_KEY: 'k3y', NEWSDESK_AKISMET_URL: fake.url },
    });
    await t.services.comments.settings.update({ newCommenterApprovals: 0, rateLimitSeconds: 0, minSubmitSeconds: 0 });
  });
  after(async () => {
    await t.close();
    await fake.close();
  });

  const submit = async (body: string) => {
    const article = await buildArticle(t.services, { published: clock.now() });
    clock.advance(60_000);
    n += 1;
    return t.services.comments.submitComment({
      articleId: article.id,
      commenter: { kind: 'guest', name: `Reader ${n}`, email: `reader${n}@example.com` },
      body,
      ip: `198.51.100.${n}`,
    });
  };

  test('Akismet spam is stored as spam with the reason; ham is published', async () => {
    const spam = await submit('Visit the casino tonight for free chips');
    assert.equal(spam.status, 'spam');
    assert.match(spam.decisionReason ?? '', /external_spam/);
    const ham = await submit('The harbour wall repairs look solid from the promenade.');
    assert.equal(ham.status, 'approved');
  });

  test('Akismet failing (an error or no answer) never blocks a comment: it fails open', async () => {
    const broken = await submit('A broken day for the checker, but a fine comment.');
    assert.equal(broken.status, 'approved');
    const slow = await submit('A slow answer from the checker should not hold me up.');
    assert.equal(slow.status, 'approved');
  });
});
