import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, test } from 'node:test';
import zlib from 'node:zlib';
import { acceptsEncoding, cacheKey, PageCache, type PageToStore } from './page-cache.js';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

/** Asks the cache as a reader would; null when the cache declines and the app must render. */
function ask(
  cache: PageCache,
  url: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Answer | null {
  const req = { method: options.method ?? 'GET', url, headers: options.headers ?? {} } as unknown as IncomingMessage;
  const answer: Answer = { status: 0, headers: {}, body: undefined };
  const res = {
    writeHead(status: number, headers: (string | number)[]) {
      answer.status = status;
      for (let i = 0; i < headers.length; i += 2)
        answer.headers[String(headers[i]).toLowerCase()] = String(headers[i + 1]);
      return this;
    },
    end(body?: Buffer) {
      answer.body = body;
      return this;
    },
  } as unknown as ServerResponse;
  return cache.serve(req, res) ? answer : null;
}

const html = (label: string) =>
  `<!doctype html><html><body><h1>${label}</h1>${'<p>Readers rely on this page being served intact.</p>'.repeat(40)}</body></html>`;

function page(url: string, keys: string[] = [], label = url): PageToStore {
  return {
    url,
    html: html(label),
    keys: ['site', ...keys],
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'public, max-age=60, s-maxage=60, stale-while-revalidate=600',
    },
  };
}

const newCache = (options: Partial<ConstructorParameters<typeof PageCache>[0]> = {}) =>
  new PageCache({ maxBytes: 10 * 1024 * 1024, ttlMs: 60_000, ...options });

/** Brotli is made in the thread pool after the first answer: wait for it, a bounded number of turns. */
async function brotliReady(cache: PageCache, url: string): Promise<Answer> {
  for (let i = 0; i < 500; i++) {
    const answer = ask(cache, url, { headers: { 'accept-encoding': 'br, gzip' } });
    if (answer?.headers['content-encoding'] === 'br') return answer;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('brotli never became ready');
}

describe('PageCache', () => {
  test('declines what it does not hold and anything but GET and HEAD', () => {
    const cache = newCache();
    assert.equal(ask(cache, '/'), null);
    cache.store(page('/'));
    assert.equal(ask(cache, '/', { method: 'POST' }), null);
    assert.equal(ask(cache, '/other'), null);
    assert.ok(ask(cache, '/'));
  });

  test('answers gzip to readers who accept it and plain bytes to those who do not', () => {
    const cache = newCache();
    cache.store(page('/world', [], 'World news'));

    const gz = ask(cache, '/world', { headers: { 'accept-encoding': 'gzip, deflate' } });
    assert.ok(gz);
    assert.equal(gz.status, 200);
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gz.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(gz.headers['x-cache'], 'HIT');
    assert.equal(gz.headers.vary, 'Accept-Encoding');
    assert.equal(Number(gz.headers['content-length']), gz.body?.length);
    assert.equal(zlib.gunzipSync(gz.body as Buffer).toString(), html('World news'));

    const plain = ask(cache, '/world');
    assert.ok(plain);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body?.toString(), html('World news'));
    assert.equal(Number(plain.headers['content-length']), plain.body?.length);
    assert.notEqual(plain.headers.etag, gz.headers.etag, 'each representation has its own validator');
  });

  test('a reader who refuses gzip with q=0 gets plain bytes', () => {
    const cache = newCache();
    cache.store(page('/'));
    const answer = ask(cache, '/', { headers: { 'accept-encoding': 'gzip;q=0, deflate' } });
    assert.equal(answer?.headers['content-encoding'], undefined);
    assert.equal(answer?.body?.toString(), html('/'));
  });

  test('serves brotli once it has been made, gzip until then', async () => {
    const cache = newCache();
    cache.store(page('/', [], 'Front'));
    const first = ask(cache, '/', { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(first?.headers['content-encoding'], 'gzip', 'the first readers do not wait for brotli');

    const br = await brotliReady(cache, '/');
    assert.equal(zlib.brotliDecompressSync(br.body as Buffer).toString(), html('Front'));
    assert.equal(Number(br.headers['content-length']), br.body?.length);
    // A reader who does not accept br still gets gzip.
    assert.equal(ask(cache, '/', { headers: { 'accept-encoding': 'gzip' } })?.headers['content-encoding'], 'gzip');
    assert.equal(
      ask(cache, '/', { headers: { 'accept-encoding': 'br;q=0, gzip' } })?.headers['content-encoding'],
      'gzip',
    );
  });

  test('HEAD gets the headers of GET and no body', () => {
    const cache = newCache();
    cache.store(page('/'));
    const get = ask(cache, '/', { headers: { 'accept-encoding': 'gzip' } });
    const head = ask(cache, '/', { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } });
    assert.ok(get && head);
    assert.equal(head.status, 200);
    assert.equal(head.body, undefined);
    assert.deepEqual(head.headers, get.headers);
  });

  test('a matching If-None-Match answers 304 with the validators and caching rules of the 200', () => {
    const cache = newCache();
    cache.store(page('/'));
    const full = ask(cache, '/', { headers: { 'accept-encoding': 'gzip' } });
    const etag = full?.headers.etag as string;
    assert.ok(etag);

    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const answer = ask(cache, '/', { headers: { 'accept-encoding': 'gzip', 'if-none-match': inm } });
      assert.equal(answer?.status, 304, `If-None-Match: ${inm}`);
      assert.equal(answer?.body, undefined);
      assert.equal(answer?.headers.etag, etag);
      assert.equal(answer?.headers.vary, 'Accept-Encoding');
      // RFC 9110 15.4.5: a 304 carries the Cache-Control the 200 would have.
      assert.equal(answer?.headers['cache-control'], full?.headers['cache-control']);
    }

    const stale = ask(cache, '/', { headers: { 'accept-encoding': 'gzip', 'if-none-match': '"not-this-one"' } });
    assert.equal(stale?.status, 200);
    // The plain representation's validator does not match the gzip one.
    const other = ask(cache, '/', { headers: { 'if-none-match': etag } });
    assert.equal(other?.status, 200);
  });

  test('an entry expires after its TTL', () => {
    let now = 1_000_000;
    const cache = newCache({ ttlMs: 60_000, now: () => now });
    cache.store(page('/'));
    now += 59_999;
    assert.ok(ask(cache, '/'));
    now += 1;
    assert.equal(ask(cache, '/'), null);
    assert.equal(cache.has('/'), false, 'an expired entry is dropped, not kept');
    assert.equal(cache.totalBytes, 0);
  });

  test('a page that goes stale sooner than the TTL expires then, and never later than the TTL', () => {
    let now = 1_000_000;
    const cache = newCache({ ttlMs: 60_000, now: () => now });
    cache.store({ ...page('/breaking'), expiresAt: now + 10_000 });
    cache.store({ ...page('/later'), expiresAt: now + 120_000 });
    now += 9_999;
    assert.ok(ask(cache, '/breaking'));
    now += 1;
    assert.equal(ask(cache, '/breaking'), null);
    now += 50_000;
    assert.equal(ask(cache, '/later'), null, 'the TTL still bounds it');
  });

  test('purging a key drops exactly the pages that carry it', () => {
    const cache = newCache();
    cache.store(page('/', ['front', 'article:1', 'article:2']));
    cache.store(page('/world', ['section:1', 'article:1']));
    cache.store(page('/sport', ['section:2', 'article:3']));
    cache.store(page('/world/2026/11/28/a', ['article:1']));
    cache.store(page('/sport/2026/11/28/c', ['article:3']));

    assert.equal(cache.purge(['article:1']), 3);
    assert.equal(cache.has('/'), false);
    assert.equal(cache.has('/world'), false);
    assert.equal(cache.has('/world/2026/11/28/a'), false);
    assert.ok(ask(cache, '/sport'));
    assert.ok(ask(cache, '/sport/2026/11/28/c'));

    assert.equal(cache.purge(['article:99', 'section:7']), 0);
    assert.equal(cache.size, 2);
  });

  test('purging several keys counts each page once, and a re-stored page answers to its new keys only', () => {
    const cache = newCache();
    cache.store(page('/', ['front', 'article:1']));
    cache.store(page('/', ['front', 'article:2']));
    assert.equal(cache.purge(['article:1']), 0, 'the page no longer shows article 1');
    assert.ok(cache.has('/'));
    assert.equal(cache.purge(['front', 'article:2']), 1);
    assert.equal(cache.size, 0);
    assert.equal(cache.totalBytes, 0);
  });

  describe('a purge that lands while a missed page is being rendered', () => {
    /** A reader's request that missed, as the server holds it while the page renders. */
    function miss(cache: PageCache, url: string): IncomingMessage {
      const req = { method: 'GET', url, headers: {} } as unknown as IncomingMessage;
      const res = {} as ServerResponse;
      assert.equal(cache.serve(req, res), false, 'nothing stored yet: the app renders');
      return req;
    }

    test('the page rendered from the old row answers its reader but is not kept', () => {
      const cache = newCache();
      const req = miss(cache, '/harbour/2026/11/28/wall');
      // The edit's purge arrives after the render read the article and before it is stored.
      cache.purge(['article:7']);
      cache.store(page('/harbour/2026/11/28/wall', ['article:7'], 'old text'), req);
      assert.equal(ask(cache, '/harbour/2026/11/28/wall'), null, 'the next reader gets a fresh render');
      assert.equal(cache.stats.staleRenders, 1);

      const again = miss(cache, '/harbour/2026/11/28/wall');
      cache.store(page('/harbour/2026/11/28/wall', ['article:7'], 'new text'), again);
      assert.match(String(ask(cache, '/harbour/2026/11/28/wall')?.body), /new text/);
    });

    test('a purge of other keys, or one before the miss, does not stop the page being kept', () => {
      const cache = newCache();
      cache.purge(['article:7']);
      const req = miss(cache, '/harbour/2026/11/28/wall');
      cache.purge(['article:8', 'section:3']);
      cache.store(page('/harbour/2026/11/28/wall', ['article:7', 'section:1']), req);
      assert.ok(ask(cache, '/harbour/2026/11/28/wall'));
    });

    test('purgeAll during the render keeps it out too', () => {
      const cache = newCache();
      const req = miss(cache, '/');
      cache.purgeAll();
      cache.store(page('/', ['front']), req);
      assert.equal(cache.has('/'), false);
    });

    test('a render that outlived the purge memory (a minute) is not kept; a purge before the miss never counts', () => {
      let now = 1_000_000;
      const cache = newCache({ ttlMs: 600_000, now: () => now });
      const slow = miss(cache, '/slow');
      now += 61_000;
      cache.store(page('/slow', ['front']), slow);
      assert.equal(cache.has('/slow'), false);

      cache.purge(['article:1']);
      now += 61_000;
      const req = miss(cache, '/late');
      cache.purge(['article:2']);
      cache.store(page('/late', ['article:1']), req);
      assert.ok(cache.has('/late'), 'a purge before the miss never counts, however it is remembered');
    });
  });

  describe('concurrent misses of a page that was cached (request coalescing)', () => {
    const request = (url: string, headers: Record<string, string> = {}) =>
      ({ method: 'GET', url, headers }) as unknown as IncomingMessage;
    /** A response the test ends by hand: 'finish' is what the server emits once it is sent. */
    const response = () => new EventEmitter() as unknown as ServerResponse;

    test('after a purge the first miss renders; the others wait for its answer and are served it', async () => {
      const cache = newCache();
      cache.store(page('/harbour/2026/11/28/wall', ['article:7'], 'old text'));
      cache.purge(['article:7']);

      const first = request('/harbour/2026/11/28/wall');
      const firstRes = response();
      assert.equal(cache.serve(first, firstRes), false);
      assert.equal(cache.awaitRender(first, firstRes), null, 'the first renders');
      const waits = [1, 2, 3].map(() => {
        const req = request('/harbour/2026/11/28/wall');
        assert.equal(cache.serve(req, response()), false);
        return cache.awaitRender(req, response());
      });
      assert.ok(
        waits.every((w) => w instanceof Promise),
        'the others wait',
      );
      assert.equal(cache.stats.coalesced, 3);

      cache.store(page('/harbour/2026/11/28/wall', ['article:7'], 'new text'), first);
      (firstRes as unknown as EventEmitter).emit('finish');
      await Promise.all(waits);
      assert.match(String(ask(cache, '/harbour/2026/11/28/wall')?.body), /new text/);

      // Once it is stored again, a later miss (after the next purge) leads a new render.
      cache.purge(['article:7']);
      const next = request('/harbour/2026/11/28/wall');
      assert.equal(cache.serve(next, response()), false);
      assert.equal(cache.awaitRender(next, response()), null);
    });

    test('a page never stored is not held back (it may be private or an error), nor is a signed-in reader', () => {
      const cache = newCache();
      for (let i = 0; i < 3; i++) assert.equal(cache.awaitRender(request('/search?q=ferry'), response()), null);
      cache.store(page('/'));
      cache.purgeAll();
      assert.equal(cache.awaitRender(request('/'), response()), null, 'the first renders');
      assert.equal(cache.awaitRender(request('/', { cookie: 'nd_session=abc' }), response()), null);
      assert.ok(cache.awaitRender(request('/'), response()), 'an anonymous reader waits');
    });

    test('waiters are let go when the rendering request fails, closes, or takes too long', async () => {
      const cache = newCache({ coalesceWaitMs: 30 });
      cache.store(page('/slow'));
      cache.purgeAll();
      const leadRes = response();
      assert.equal(cache.awaitRender(request('/slow'), leadRes), null);
      const waiting = cache.awaitRender(request('/slow'), response());
      assert.ok(waiting);
      // The cache's timer does not hold a server open on its own; this test holds the loop.
      const hold = setTimeout(() => undefined, 1000);
      await waiting;
      clearTimeout(hold);
      assert.equal(cache.has('/slow'), false, 'nothing was stored: the waiter renders for itself');
      // The timed-out render no longer holds the page: the next miss leads.
      assert.equal(cache.awaitRender(request('/slow'), response()), null);

      cache.store(page('/closed'));
      cache.purgeAll();
      const closing = response();
      assert.equal(cache.awaitRender(request('/closed'), closing), null);
      const behind = cache.awaitRender(request('/closed'), response());
      (closing as unknown as EventEmitter).emit('close');
      await behind;
    });
  });

  test('purgeAll empties the cache', () => {
    const cache = newCache();
    cache.store(page('/', ['front']));
    cache.store(page('/world', ['section:1']));
    cache.purgeAll();
    assert.equal(cache.size, 0);
    assert.equal(cache.totalBytes, 0);
    assert.equal(ask(cache, '/'), null);
    assert.equal(ask(cache, '/world'), null);
  });

  test('stays within its byte budget by dropping the oldest pages first', () => {
    const probe = newCache();
    probe.store(page('/a'));
    const onePage = probe.totalBytes;
    assert.ok(onePage > 0);

    const cache = newCache({ maxBytes: Math.floor(onePage * 2.5) });
    cache.store(page('/a'));
    cache.store(page('/b'));
    assert.equal(cache.size, 2);
    cache.store(page('/c'));
    assert.equal(cache.has('/a'), false, 'the oldest page made room');
    assert.ok(cache.has('/b'));
    assert.ok(cache.has('/c'));
    assert.ok(cache.totalBytes <= Math.floor(onePage * 2.5));
  });

  test('re-storing a page replaces it without counting its bytes twice', () => {
    const cache = newCache();
    cache.store(page('/a'));
    const once = cache.totalBytes;
    cache.store(page('/a'));
    assert.equal(cache.size, 1);
    assert.equal(cache.totalBytes, once);
  });

  test('signed-in readers (nd_session cookie) bypass the shared copy; other cookies do not', () => {
    const cache = newCache();
    cache.store(page('/'));
    assert.equal(ask(cache, '/', { headers: { cookie: 'theme=dark; nd_session=abc123' } }), null);
    assert.ok(ask(cache, '/', { headers: { cookie: 'theme=dark' } }));
    assert.ok(cache.has('/'), 'bypassing does not drop the page for everyone else');
  });
});

describe('acceptsEncoding', () => {
  test('a coding listed without a weight is accepted', () => {
    assert.equal(acceptsEncoding('gzip, deflate, br', 'gzip'), true);
    assert.equal(acceptsEncoding('gzip, deflate, br', 'br'), true);
    assert.equal(acceptsEncoding('deflate', 'gzip'), false);
    assert.equal(acceptsEncoding('', 'gzip'), false);
  });

  test('q=0 refuses a coding; any other weight accepts it', () => {
    assert.equal(acceptsEncoding('gzip;q=0', 'gzip'), false);
    assert.equal(acceptsEncoding('gzip; q=0.000, br', 'gzip'), false);
    assert.equal(acceptsEncoding('gzip; q=0.000, br', 'br'), true);
    assert.equal(acceptsEncoding('br;q=0, gzip;q=0.8', 'br'), false);
    assert.equal(acceptsEncoding('br;q=0, gzip;q=0.8', 'gzip'), true);
    assert.equal(acceptsEncoding('deflate;q=0.5, gzip;q=1.0', 'gzip'), true);
    assert.equal(acceptsEncoding('deflate;q=0.5', 'gzip'), false);
  });
});

test('tracking and unknown query parameters share the page’s cached copy; page numbers do not', () => {
  assert.equal(cacheKey('/city'), '/city');
  assert.equal(cacheKey('/city?utm_source=x&fbclid=y'), '/city');
  assert.equal(cacheKey('/city?utm_source=x&page=2'), '/city?page=2');
  assert.equal(cacheKey('/city?page=2'), '/city?page=2');
  assert.notEqual(cacheKey('/city?page=2'), cacheKey('/city?page=3'));
});
