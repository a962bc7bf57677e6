import fs from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/wire');

/** A fixture of test/fixtures/wire, as text. */
export function wireFixture(name: string): string {
  return fs.readFileSync(path.join(fixturesDir, name), 'utf8');
}

/** What the server answers on one path; change it between polls with `serve`. */
export type FeedRoute =
  | {
      body: string | Buffer;
      status?: number;
      contentType?: string;
      /** Sent with the body; a request with a matching If-None-Match gets 304. */
      etag?: string;
      /** Sent with the body; a request with this If-Modified-Since (and no If-None-Match) gets 304. */
      lastModified?: string;
    }
  | { redirect: string; status?: 301 | 302 | 303 | 307 | 308 }
  | { status: number; body?: string }
  /** Accepts the request and never answers. */
  | { hang: true }
  /** Streams this many bytes of feed-looking XML, without a Content-Length. */
  | { hugeBytes: number };

export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

export interface FeedServer {
  /** http://127.0.0.1:port */
  origin: string;
  port: number;
  url(pathname: string): string;
  serve(pathname: string, route: FeedRoute): void;
  /** Serves a fixture file with the content type its extension suggests. */
  serveFixture(pathname: string, fixture: string, extra?: { etag?: string; lastModified?: string }): void;
  requests: SeenRequest[];
  close(): Promise<void>;
}

const typeFor = (name: string) =>
  name.endsWith('.json') || name.includes('json')
    ? 'application/json; charset=utf-8'
    : name.endsWith('.html')
      ? 'text/html; charset=utf-8'
      : name.endsWith('.atom') || name.includes('atom')
        ? 'application/atom+xml; charset=utf-8'
        : 'application/rss+xml; charset=utf-8';

/**
 * A local HTTP server for wire tests, on 127.0.0.1 and a free port: it serves fixtures,
 * changes what it serves between polls, answers conditional GETs with 304, and misbehaves on
 * demand (404, redirects, a hang, 10 MB, HTML instead of a feed).
 */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, FeedRoute>();
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path: pathname, headers: req.headers });
    const route = routes.get(pathname);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      return;
    }
    if ('hang' in route) return;
    if ('redirect' in route) {
      res.writeHead(route.status ?? 302, { location: route.redirect }).end();
      return;
    }
    if ('hugeBytes' in route) {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.from(`<item><title>${'Filler '.repeat(140)}</title></item>\n`);
      let sent = 0;
      const pump = () => {
        while (sent < route.hugeBytes) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>');
      req.socket.once('close', () => {
        sent = route.hugeBytes;
      });
      pump();
      return;
    }
    if (!('body' in route) || route.body === undefined) {
      const status = route.status ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(http.STATUS_CODES[status] ?? '');
      return;
    }
    const ok = route as Extract<FeedRoute, { etag?: string }>;
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const notModified =
      inm !== undefined
        ? ok.etag !== undefined && inm === ok.etag
        : ok.lastModified !== undefined && ims === ok.lastModified;
    const validators = {
      ...(ok.etag ? { etag: ok.etag } : {}),
      ...(ok.lastModified ? { 'last-modified': ok.lastModified } : {}),
    };
    if (notModified) {
      res.writeHead(304, validators).end();
      return;
    }
    res
      .writeHead(ok.status ?? 200, {
        'content-type': ok.contentType ?? 'application/rss+xml; charset=utf-8',
        ...validators,
      })
      .end(ok.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (pathname) => `${origin}${pathname}`,
    serve: (pathname, route) => routes.set(pathname, route),
    serveFixture: (pathname, fixture, extra = {}) =>
      routes.set(pathname, { body: wireFixture(fixture), contentType: typeFor(fixture), ...extra }),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
