import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { projectRoot } from './server-process.js';

/**
 * A real SMTP server in a child process (smtp-sink-process.ts, built on `smtp-server`) that
 * keeps every message it is sent, for tests of invitations, password resets and the like.
 *
 *   const sink = await startSmtpSink();
 *   // configure the app with NEWSDESK_SMTP_URL: sink.url
 *   const mail = await sink.waitFor((m) => m.to.includes('ana@example.com'));
 *   assert.match(mail.subject, /invited/);
 *   const link = mail.links.find((l) => l.includes('/newsroom/invitation/'));
 *   await sink.stop();
 *
 * `messages` fills as mail arrives; `waitFor` also finds a message that came before it was
 * called. Bodies are decoded (quoted-printable, base64, encoded-word subjects, multipart).
 */
export interface SmtpSink {
  /** smtp://127.0.0.1:PORT, ready for NEWSDESK_SMTP_URL. */
  url: string;
  port: number;
  /** Every message received so far, oldest first. */
  messages: Received[];
  /** The first message (already received or still to come) matching `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate?: (message: Received) => boolean, timeoutMs?: number): Promise<Received>;
  /** Forgets the messages received so far. */
  clear(): void;
  /** Stops the server process; safe to call twice. */
  stop(): Promise<void>;
}

export interface Received {
  /** The SMTP envelope: MAIL FROM and every RCPT TO, which is who really gets the message (Bcc included). */
  from: string;
  to: string[];
  /** Header fields in order, unfolded, values as sent (encoded words not decoded). */
  headers: { name: string; value: string }[];
  /** The first header with this name (any case), with encoded words decoded. */
  header(name: string): string | undefined;
  /** Decoded Subject. */
  subject: string;
  /** Decoded text/plain body ('' when there is none), lines ending in \n. */
  text: string;
  /** Decoded text/html body, or null. */
  html: string | null;
  /** Every http(s) address in the text body (or in the HTML body's href attributes when there is no text). */
  links: string[];
  /** The message exactly as the server received it. */
  raw: string;
}

const processScript = fileURLToPath(new URL('./smtp-sink-process.ts', import.meta.url));

/**
 * Starts the sink on 127.0.0.1. With `port`, it listens there (to test a relay that comes up
 * late, point the app at a free port first, then start the sink on it); by default any free port.
 */
export async function startSmtpSink(options: { port?: number; startTimeoutMs?: number } = {}): Promise<SmtpSink> {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const child = spawn(process.execPath, ['--import', 'tsx', processScript, String(options.port ?? 0)], {
    cwd: projectRoot,
    env,
    // stdin stays open: the sink exits when it closes, so a crashed test run leaves no server behind.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin?.on('error', () => {});
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');

  const messages: Received[] = [];
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  let stderr = '';
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.on('close', () => {
      exited = true;
      notify();
      resolve();
    });
  });
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });

  let port: number | null = null;
  let pending = '';
  child.stdout?.on('data', (chunk: string) => {
    pending += chunk;
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
      if (!line) continue;
      let event: { type?: string; port?: number; from?: string; to?: string[]; raw?: string };
      try {
        event = JSON.parse(line);
      } catch {
        continue;
      }
      if (event.type === 'listening') port = event.port ?? null;
      if (event.type === 'message') messages.push(parseMessage(event.from ?? '', event.to ?? [], event.raw ?? ''));
      notify();
    }
  });

  const stop = async () => {
    if (!exited) {
      child.stdin?.end();
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exit;
      clearTimeout(killer);
    }
  };

  const startTimeoutMs = options.startTimeoutMs ?? 20_000;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      listeners.delete(check);
      void stop();
      reject(new Error(`the SMTP sink did not start within ${startTimeoutMs} ms\n${stderr}`));
    }, startTimeoutMs);
    const check = () => {
      if (port !== null) {
        clearTimeout(timer);
        listeners.delete(check);
        resolve();
      } else if (exited) {
        clearTimeout(timer);
        listeners.delete(check);
        reject(new Error(`the SMTP sink exited before listening\n${stderr}`));
      }
    };
    listeners.add(check);
    check();
  });
  const listeningPort = port as unknown as number;

  return {
    url: `smtp://127.0.0.1:${listeningPort}`,
    port: listeningPort,
    messages,
    clear() {
      messages.length = 0;
    },
    stop,
    waitFor(predicate = () => true, timeoutMs = 5_000) {
      return new Promise<Received>((resolve, reject) => {
        const describe = () =>
          messages.length === 0
            ? 'no messages arrived'
            : `received: ${messages.map((m) => `[to ${m.to.join(', ')}] ${m.subject}`).join('; ')}`;
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        const check = () => {
          const found = messages.find(predicate);
          if (found) done(() => resolve(found));
          else if (exited) done(() => reject(new Error(`the SMTP sink stopped; ${describe()}`)));
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`no matching message within ${timeoutMs} ms; ${describe()}`))),
          timeoutMs,
        );
        listeners.add(check);
        check();
      });
    },
  };
}

/** Parses what a sink received; exported for tests of the parser itself. */
export function parseMessage(from: string, to: string[], raw: string): Received {
  const { headers, body } = splitEntity(raw);
  const header = (name: string) => {
    const found = headers.find((h) => h.name.toLowerCase() === name.toLowerCase());
    return found === undefined ? undefined : decodeWords(found.value);
  };
  const bodies = readBodies(headers, body);
  const text = bodies.text ?? '';
  const html = bodies.html;
  const links =
    text !== ''
      ? [...text.matchAll(/https?:\/\/[^\s<>"')\]]+/g)].map((m) => m[0])
      : [...(html ?? '').matchAll(/href="(https?:\/\/[^"]+)"/g)].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));
  return { from, to, headers, header, subject: header('subject') ?? '', text, html, links, raw };
}

interface HeaderField {
  name: string;
  value: string;
}

function splitEntity(raw: string): { headers: HeaderField[]; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : '';
  const headers: HeaderField[] = [];
  for (const line of head.split(/\r?\n/)) {
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0) headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return { headers, body };
}

function param(value: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*("([^"]*)"|[^;\\s]+)`, 'i').exec(value);
  return match ? (match[2] ?? match[1]) : undefined;
}

function readBodies(headers: HeaderField[], body: string): { text: string | null; html: string | null } {
  const get = (name: string) => headers.find((h) => h.name.toLowerCase() === name)?.value;
  const contentType = get('content-type') ?? 'text/plain; charset=us-ascii';
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();

  if (type.startsWith('multipart/')) {
    const boundary = param(contentType, 'boundary');
    if (!boundary) return { text: null, html: null };
    let text: string | null = null;
    let html: string | null = null;
    const delimiter = `--${boundary}`;
    const sections = body.split(new RegExp(`(?:^|\\r?\\n)${escapeRegExp(delimiter)}`));
    // sections[0] is the preamble; a section starting with "--" follows the closing delimiter.
    for (const section of sections.slice(1)) {
      if (section.startsWith('--')) break;
      const part = splitEntity(section.replace(/^[ \t]*\r?\n/, ''));
      const found = readBodies(part.headers, part.body);
      text ??= found.text;
      html ??= found.html;
    }
    return { text, html };
  }
  if (type !== 'text/plain' && type !== 'text/html') return { text: null, html: null };

  const encoding = (get('content-transfer-encoding') ?? '7bit').trim().toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : Buffer.from(body, 'utf8');
  const decoded = decodeCharset(bytes, param(contentType, 'charset')).replace(/\r\n/g, '\n').replace(/\n+$/, '');
  return type === 'text/plain' ? { text: decoded, html: null } : { text: null, html: decoded };
}

function decodeQuotedPrintable(body: string): Buffer {
  const input = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const hex = input.slice(i + 1, i + 3);
    if (input[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(input[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function decodeCharset(bytes: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=); adjacent ones are joined before decoding. */
function decodeWords(value: string): string {
  const word = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
  let out = '';
  let last = 0;
  let run: { charset: string; bytes: Buffer[] } | null = null;
  const flush = () => {
    if (run) out += decodeCharset(Buffer.concat(run.bytes), run.charset);
    run = null;
  };
  for (const match of value.matchAll(word)) {
    const between = value.slice(last, match.index);
    const [, charset = 'utf-8', kind = 'Q', data = ''] = match;
    // Whitespace between two encoded words is not part of the text (RFC 2047, 6.2).
    if (!(run && /^\s*$/.test(between))) {
      flush();
      out += between;
    }
    const bytes =
      kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : decodeQuotedPrintable(data.replaceAll('_', ' '));
    const current = run as { charset: string; bytes: Buffer[] } | null;
    if (current && current.charset.toLowerCase() === charset.toLowerCase()) current.bytes.push(bytes);
    else {
      flush();
      run = { charset, bytes: [bytes] };
    }
    last = match.index + match[0].length;
  }
  flush();
  return out + value.slice(last);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
