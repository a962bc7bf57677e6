import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type FeedServer, startFeedServer } from '../../../test/helpers/feed-server.js';
import { FetchError, type FetchOptions, guardedFetch } from './fetch.js';

const base: FetchOptions = { allowHosts: ['127.0.0.1'], timeoutMs: 5_000, maxBytes: 5 * 1024 * 1024, what: 'feed' };

async function refused(promise: Promise<unknown>, message: string | RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof FetchError, String(error));
    if (typeof message === 'string') assert.equal(error.message, message);
    else assert.match(error.message, message);
    return true;
  });
}

describe('the guarded fetcher', () => {
  let server: FeedServer;
  before(async () => {
    server = await startFeedServer();
  });
  after(() => server.close());

  test('a redirect to 127.0.0.1 is refused unless 127.0.0.1 is allowed', async () => {
    server.serve('/feed.xml', { body: '<rss version="2.0"><channel><title>x</title></channel></rss>' });
    // The first hop is "localhost" (allowed); the redirect leads to 127.0.0.1 (allowed or not).
    server.serve('/moved', { redirect: `${server.origin}/feed.xml`, status: 301 });
    const start = `http://localhost:${server.port}/moved`;
    await refused(
      guardedFetch(start, { ...base, allowHosts: ['localhost'] }),
      'The address "127.0.0.1" leads to 127.0.0.1, a loopback (this machine) address; Newsdesk fetches only from public addresses',
    );
    const followed = await guardedFetch(start, { ...base, allowHosts: ['localhost', '127.0.0.1'] });
    assert.equal(followed.status, 200);
    assert.equal(followed.url, `${server.origin}/feed.xml`);
    assert.match(followed.body, /<rss/);
  });

  test('a host name resolving to a private address is refused before any connection', async () => {
    const resolve = async () => [{ address: '10.20.30.40', family: 4 }];
    await refused(
      guardedFetch('http://feeds.harbourpress.example/top.rss', { ...base, allowHosts: [], resolve }),
      /^The address "feeds\.harbourpress\.example" leads to 10\.20\.30\.40, a private network address/,
    );
    const mapped = async () => [{ address: '::ffff:169.254.169.254', family: 6 }];
    await refused(
      guardedFetch('http://metadata.example/latest', { ...base, allowHosts: [], resolve: mapped }),
      /a link-local address/,
    );
  });

  test('the checked address is the one connected to (no second DNS answer)', async () => {
    server.serve('/pinned.xml', { body: 'pinned' });
    let lookups = 0;
    const resolve = async () => {
      lookups++;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const fetched = await guardedFetch(`http://wire.pinned.test:${server.port}/pinned.xml`, {
      ...base,
      allowHosts: ['wire.pinned.test'],
      resolve,
    });
    assert.equal(fetched.body, 'pinned');
    assert.equal(lookups, 1);
    assert.equal(server.requests.at(-1)?.headers.host, `wire.pinned.test:${server.port}`);
  });

  test('only http and https', async () => {
    await refused(guardedFetch('file:///etc/passwd', base), 'Only http and https addresses can be fetched, not file');
    server.serve('/to-ftp', { redirect: 'ftp://files.example/feed' });
    await refused(guardedFetch(server.url('/to-ftp'), base), 'Only http and https addresses can be fetched, not ftp');
  });

  test('at most 5 redirects', async () => {
    server.serve('/loop', { redirect: '/loop' });
    await refused(guardedFetch(server.url('/loop'), base), 'The feed redirected more than 5 times');
  });

  test('a 404 and a 500 in words', async () => {
    await refused(guardedFetch(server.url('/missing'), base), 'The feed answered 404 Not Found');
    server.serve('/broken', { status: 500 });
    await refused(
      guardedFetch(server.url('/broken'), { ...base, what: 'page' }),
      'The page answered 500 Internal Server Error',
    );
  });

  test('a server that never answers is given up on at the timeout', async () => {
    server.serve('/hang', { hang: true });
    await refused(
      guardedFetch(server.url('/hang'), { ...base, timeoutMs: 300 }),
      'The feed did not answer within 0.3 s',
    );
  });

  test('a body beyond the size limit is cut off', async () => {
    server.serve('/huge', { hugeBytes: 10 * 1024 * 1024 });
    await refused(guardedFetch(server.url('/huge'), base), 'The feed is larger than 5 MB');
    server.serve('/declared', { body: 'x'.repeat(2048) });
    await refused(guardedFetch(server.url('/declared'), { ...base, maxBytes: 1024 }), 'The feed is larger than 1 KB');
  });

  test('conditional GET: validators are sent, and 304 comes back empty', async () => {
    server.serve('/conditional', { body: 'v1', etag: '"abc"', lastModified: 'Sat, 28 Nov 2026 08:00:00 GMT' });
    const first = await guardedFetch(server.url('/conditional'), base);
    assert.equal(first.etag, '"abc"');
    assert.equal(first.lastModified, 'Sat, 28 Nov 2026 08:00:00 GMT');
    const second = await guardedFetch(server.url('/conditional'), {
      ...base,
      etag: first.etag,
      lastModified: first.lastModified,
    });
    assert.equal(second.status, 304);
    assert.equal(second.body, '');
    const seen = server.requests.at(-1)?.headers;
    assert.equal(seen?.['if-none-match'], '"abc"');
    assert.equal(seen?.['if-modified-since'], 'Sat, 28 Nov 2026 08:00:00 GMT');
  });

  test('the charset of the answer is honoured', async () => {
    server.serve('/latin1', {
      body: Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><t>Tromsø</t></rss>', 'latin1'),
      contentType: 'application/xml',
    });
    assert.match((await guardedFetch(server.url('/latin1'), base)).body, /Tromsø/);
  });
});
