import dns, { type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ipaddr from 'ipaddr.js';
import { nonPublicKind, normalHost } from './ssrf.js';

const MAX_REDIRECTS = 5;

/** Why a fetch failed, in words an editor understands; shown on the source or answered to the desk. */
export class FetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FetchError';
  }
}

export interface FetchOptions {
  /** Hosts fetched even though they resolve to private or local addresses (NEWSDESK_WIRE_ALLOW_HOSTS). */
  allowHosts: readonly string[];
  timeoutMs: number;
  maxBytes: number;
  /** What is fetched, for the wording of errors: "The feed answered 404 Not Found". */
  what: 'feed' | 'page' | 'image';
  accept?: string;
  /** Validators of the last answer, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  userAgent?: string;
  /** Resolves a host name to its addresses (tests substitute their own). */
  resolve?: (host: string) => Promise<LookupAddress[]>;
}

export interface Fetched {
  /** 200-299, or 304 when the conditional GET found nothing new (then body is ''). */
  status: number;
  /** The address finally answered, after redirects. */
  url: string;
  body: string;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
}

/** The same answer with the body's bytes as received (an image), not decoded to text. */
export type FetchedBytes = Omit<Fetched, 'body'> & { bytes: Buffer };

const systemResolve = (host: string) => dns.promises.lookup(host, { all: true, verbatim: true });

export function describeDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

export function describeSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${mb.toFixed(1)} MB`;
}

/**
 * The addresses a URL may be fetched from. The SSRF guard: a host resolving to any address
 * that is not public (private, loopback, link-local, unique-local, CGNAT, multicast,
 * unspecified; IPv4-mapped IPv6 included) is refused unless it is in the allow list.
 */
async function checkedAddresses(url: URL, opts: FetchOptions): Promise<LookupAddress[]> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(`Only http and https addresses can be fetched, not ${url.protocol.replace(/:$/, '')}`);
  }
  const host = normalHost(url.hostname);
  let addresses: LookupAddress[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
  } else {
    try {
      addresses = await (opts.resolve ?? systemResolve)(host);
    } catch {
      throw new FetchError(`The ${opts.what}'s host "${host}" could not be found`);
    }
    if (addresses.length === 0) throw new FetchError(`The ${opts.what}'s host "${host}" could not be found`);
  }
  if (opts.allowHosts.map(normalHost).includes(host)) return addresses;
  for (const { address } of addresses) {
    const kind = nonPublicKind(address);
    if (kind) {
      throw new FetchError(
        `The address "${host}" leads to ${address}, a ${kind} address; Newsdesk fetches only from public addresses`,
      );
    }
  }
  return addresses;
}

/** Connects only to the addresses we checked: a second DNS answer (rebinding) is never asked for. */
function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = options.family === 4 || options.family === 6 ? options.family : 0;
    const usable = addresses.filter((a) => family === 0 || a.family === family);
    if (options.all) {
      callback(null, usable);
      return;
    }
    const first = usable[0];
    if (!first) {
      callback(Object.assign(new Error('no address of that family'), { code: 'ENOTFOUND' }), '', 0);
      return;
    }
    callback(null, first.address, first.family);
  };
}

function get(url: URL, addresses: LookupAddress[], headers: Record<string, string>, signal: AbortSignal) {
  return new Promise<IncomingMessage>((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method: 'GET',
      headers,
      signal,
      lookup: pinnedLookup(addresses),
      // A fresh connection per fetch: a pooled socket could lead to an address not checked for this host.
      agent: false,
    });
    request.once('response', resolve);
    request.once('error', reject);
    request.end();
  });
}

function decoded(response: IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return response.pipe(zlib.createGunzip());
  if (encoding === 'deflate') return response.pipe(zlib.createInflate());
  if (encoding === 'br') return response.pipe(zlib.createBrotliDecompress());
  return response;
}

/** Reads the body, stopping as soon as it passes the limit (after decompression: no zip bombs). */
async function readLimited(response: IncomingMessage, opts: FetchOptions): Promise<Buffer> {
  const tooLarge = () => new FetchError(`The ${opts.what} is larger than ${describeSize(opts.maxBytes)}`);
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > opts.maxBytes && !response.headers['content-encoding']) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = decoded(response);
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > opts.maxBytes) throw tooLarge();
      chunks.push(buffer);
    }
  } catch (error) {
    response.destroy();
    if (error instanceof FetchError || (error as Error).name === 'AbortError') throw error;
    if ((error as { code?: string }).code?.startsWith('Z_')) {
      throw new FetchError(`The ${opts.what}'s compressed body is damaged`);
    }
    throw error;
  } finally {
    if (stream !== response) stream.destroy();
  }
  return Buffer.concat(chunks);
}

/** The text of a body, in the charset its Content-Type or XML declaration names (UTF-8 otherwise). */
export function decodeText(bytes: Buffer, contentType: string | null): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const head = bytes.subarray(0, 512).toString('latin1');
  const fromDeclaration =
    /^<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  for (const label of [fromHeader, fromDeclaration, 'utf-8']) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // An unknown label: try the next source.
    }
  }
  return bytes.toString('utf8');
}

function networkError(error: unknown, opts: FetchOptions, url: URL): FetchError {
  if (error instanceof FetchError) return error;
  const e = error as NodeJS.ErrnoException;
  if (e.name === 'AbortError') {
    return new FetchError(`The ${opts.what} did not answer within ${describeDuration(opts.timeoutMs)}`);
  }
  const host = normalHost(url.hostname);
  switch (e.code) {
    case 'ECONNREFUSED':
      return new FetchError(`The ${opts.what}'s server (${host}) refused the connection`);
    case 'ECONNRESET':
    case 'EPIPE':
      return new FetchError(`The ${opts.what}'s server (${host}) closed the connection before answering`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new FetchError(`The ${opts.what}'s host "${host}" could not be found`);
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'CERT_HAS_EXPIRED':
      return new FetchError(`The ${opts.what}'s server (${host}) has a certificate that cannot be trusted`);
    default:
      return new FetchError(`The ${opts.what} could not be fetched: ${e.message || e.code || 'network error'}`);
  }
}

/**
 * GET with the guard on every hop: redirects are followed by hand (at most 5), each checked
 * before it is connected to; one deadline covers the whole fetch; the body is cut off at the
 * size limit. Anything that goes wrong is a FetchError worded for an editor. The body is
 * text, in the charset the answer names (a feed, a page).
 */
export async function guardedFetch(address: string, opts: FetchOptions): Promise<Fetched> {
  const { bytes, ...answer } = await guardedFetchBytes(address, opts);
  return { ...answer, body: answer.status === 304 ? '' : decodeText(bytes, answer.contentType) };
}

/** guardedFetch with the body's bytes as they came (an agency's picture), under the same guard and limits. */
export async function guardedFetchBytes(address: string, opts: FetchOptions): Promise<FetchedBytes> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchError(`"${address.slice(0, 200)}" is not a web address`);
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  const headers: Record<string, string> = {
    accept: opts.accept ?? '*/*',
    'accept-encoding': 'gzip, deflate, br',
    'user-agent': opts.userAgent ?? 'Newsdesk wire reader',
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  try {
    for (let hop = 0; ; hop++) {
      const addresses = await raceAbort(checkedAddresses(url, opts), controller.signal);
      const response = await get(url, addresses, headers, controller.signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if ([301, 302, 303, 307, 308].includes(status) && location) {
        response.resume();
        if (hop >= MAX_REDIRECTS) throw new FetchError(`The ${opts.what} redirected more than ${MAX_REDIRECTS} times`);
        try {
          url = new URL(location, url);
        } catch {
          throw new FetchError(
            `The ${opts.what} redirected to "${location.slice(0, 200)}", which is not a web address`,
          );
        }
        continue;
      }
      const contentType = response.headers['content-type'] ?? null;
      const meta = {
        url: url.toString(),
        contentType,
        etag: response.headers.etag ?? null,
        lastModified: response.headers['last-modified'] ?? null,
      };
      if (status === 304) {
        response.resume();
        return { status, bytes: Buffer.alloc(0), ...meta };
      }
      if (status < 200 || status >= 300) {
        response.resume();
        const reason = http.STATUS_CODES[status];
        throw new FetchError(`The ${opts.what} answered ${status}${reason ? ` ${reason}` : ''}`);
      }
      return { status, bytes: await readLimited(response, opts), ...meta };
    }
  } catch (error) {
    throw networkError(error, opts, url);
  } finally {
    clearTimeout(timer);
  }
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
