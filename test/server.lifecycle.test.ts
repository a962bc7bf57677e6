import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { freePort, type ServerProcess, spawnServer } from './helpers/server-process.js';

/** Each test gets its own directory with a SQLite file and a media folder, removed afterwards. */
const dirs: string[] = [];
const servers: ServerProcess[] = [];
function workDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-lifecycle-'));
  fs.mkdirSync(path.join(dir, 'media'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function startServer(dir: string, extra: Record<string, string> = {}) {
  const port = await freePort();
  const server = spawnServer({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: path.join(dir, 'newsdesk.db'),
    NEWSDESK_MEDIA_DIR: path.join(dir, 'media'),
    NEWSDESK_SEED_DEMO: 'false',
    NEWSDESK_LOG_LEVEL: 'warn',
    ...extra,
  });
  servers.push(server);
  const line = await server.waitForLine('Newsdesk is listening at', 30_000);
  return { server, port, line };
}

function integrityCheck(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** A raw HTTP/1.1 connection: we decide when each byte is sent and when we read. */
class RawConnection {
  readonly socket: net.Socket;
  /** Bytes received and not yet consumed as a response, kept as chunks (a large body is not copied per chunk). */
  private chunks: Buffer[] = [];
  private size = 0;
  private hungUp = false;
  /** The parsed status line and headers of the response being received. */
  private head: { status: number; headers: Record<string, string>; bodyStart: number } | null = null;
  private firstData: Promise<void>;
  readonly closed: Promise<void>;

  private constructor(socket: net.Socket) {
    this.socket = socket;
    this.firstData = new Promise((resolve) => socket.once('data', () => resolve()));
    socket.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.size += chunk.length;
    });
    socket.on('error', () => {});
    this.closed = new Promise((resolve) =>
      socket.on('close', () => {
        this.hungUp = true;
        resolve();
      }),
    );
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  write(text: string): Promise<void> {
    return new Promise((resolve, reject) => this.socket.write(text, (err) => (err ? reject(err) : resolve())));
  }

  /** Waits for the first bytes of the answer and stops reading, so the server cannot send it all. */
  async stopReadingAfterFirstBytes(): Promise<void> {
    await this.firstData;
    this.socket.pause();
  }

  /** The next response if it has fully arrived (Content-Length framing), consuming its bytes. */
  private take(): RawResponse | null {
    if (!this.head) {
      const all = Buffer.concat(this.chunks);
      this.chunks = [all];
      const end = all.indexOf('\r\n\r\n');
      if (end < 0) return null;
      const [statusLine = '', ...headerLines] = all.subarray(0, end).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      this.head = { status: Number(statusLine.split(' ')[1]), headers, bodyStart: end + 4 };
    }
    const { status, headers, bodyStart } = this.head;
    const length = Number(headers['content-length']);
    if (!Number.isInteger(length)) throw new Error(`expected a Content-Length answer, got ${JSON.stringify(headers)}`);
    if (this.size < bodyStart + length) return null;
    const all = Buffer.concat(this.chunks);
    const rest = all.subarray(bodyStart + length);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.size = rest.length;
    this.head = null;
    return { status, headers, body: all.subarray(bodyStart, bodyStart + length) };
  }

  /** Reads until the whole next response is here, bounded; fails if the server hangs up before. */
  async readResponse(timeoutMs: number): Promise<RawResponse> {
    this.socket.resume();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const res = this.take();
      if (res) return res;
      if (this.hungUp) {
        throw new Error(`the server closed the connection after ${this.size} bytes, before a full answer`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no full answer within ${timeoutMs} ms (${this.size} bytes so far)`);
  }
}

/** Tries to connect until the server no longer accepts connections (bounded). */
async function waitUntilRefused(port: number, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const outcome = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve('accepted');
      });
      socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    });
    if (outcome !== 'accepted') return outcome;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the server still accepted new connections ${timeoutMs} ms after SIGTERM`);
}

describe('server process lifecycle', () => {
  test('starts, prints its address, answers /health, and exits 0 on SIGTERM leaving the database intact', async () => {
    const dir = workDir();
    const { server, port, line } = await startServer(dir);
    assert.equal(line, `Newsdesk is listening at http://localhost:${port}`);

    const res = await fetch(`http://127.0.0.1:${port}/health`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok', database: 'sqlite' });

    server.child.kill('SIGTERM');
    const exit = await server.waitForExit(8_000);
    assert.deepEqual(exit, { code: 0, signal: null }, `stderr:\n${server.stderr()}`);

    const file = path.join(dir, 'newsdesk.db');
    // A clean close checkpoints the write-ahead log into the database and removes it.
    // (Checked first: opening the file to inspect it creates a new, empty log.)
    assert.equal(fs.existsSync(`${file}-wal`), false, 'the WAL file was left behind: the database was not closed');
    assert.equal(integrityCheck(file), 'ok');
  });

  test('on SIGTERM a download in progress is finished, new connections are refused, then it exits 0', async () => {
    const dir = workDir();
    // Far more than the kernel's socket buffers hold, so the server is still sending when SIGTERM comes.
    const content = Buffer.concat(Array.from({ length: 48 }, () => randomBytes(1024 * 1024)));
    fs.writeFileSync(path.join(dir, 'media', 'large.bin'), content);
    const { server, port } = await startServer(dir);

    const download = await RawConnection.open(port);
    await download.write('GET /media/large.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await download.stopReadingAfterFirstBytes();

    server.child.kill('SIGTERM');
    assert.equal(await waitUntilRefused(port, 10_000), 'ECONNREFUSED');
    assert.equal(server.child.exitCode, null, 'the server exited while a response was still being sent');

    const res = await download.readResponse(30_000);
    assert.equal(res.status, 200);
    assert.equal(res.body.length, content.length);
    assert.equal(
      createHash('sha256').update(res.body).digest('hex'),
      createHash('sha256').update(content).digest('hex'),
      'the file arrived altered',
    );

    const exit = await server.waitForExit(20_000);
    assert.deepEqual(exit, { code: 0, signal: null }, `stderr:\n${server.stderr()}`);
    assert.equal(integrityCheck(path.join(dir, 'newsdesk.db')), 'ok');
  });

  test('on SIGTERM a request still arriving on an open connection is answered 503 and the connection closed, not dropped', async () => {
    const dir = workDir();
    const { server, port } = await startServer(dir);

    // One full exchange first, so we know the server has accepted this kept-alive connection.
    const conn = await RawConnection.open(port);
    await conn.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const first = await conn.readResponse(10_000);
    assert.equal(first.status, 200);

    // Then half of a second request: the request line and one header, no blank line yet.
    await conn.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // Give the server a moment to read those bytes (the only settle wait in this file).
    await new Promise((r) => setTimeout(r, 300));

    server.child.kill('SIGTERM');
    assert.equal(await waitUntilRefused(port, 10_000), 'ECONNREFUSED');
    await conn.write('Accept: application/json\r\n\r\n');
    const res = await conn.readResponse(10_000);
    // Fastify's shutdown sheds load: requests that complete after close() began are not run.
    assert.equal(res.status, 503);
    assert.equal(res.headers.connection, 'close');
    await conn.closed;

    const exit = await server.waitForExit(10_000);
    assert.deepEqual(exit, { code: 0, signal: null }, `stderr:\n${server.stderr()}`);
  });

  const badSettings: [variable: string, value: string][] = [
    ['PORT', 'abc'],
    ['NEWSDESK_TIMEZONE', 'Mars/Olympus'],
    ['DATABASE_URL', 'mysql://x'],
  ];
  for (const [variable, value] of badSettings) {
    test(`a bad setting (${variable}=${value}) stops the start with exit code 1 and a message naming it`, async () => {
      const dir = workDir();
      const env: Record<string, string> = {
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        DATABASE_URL: path.join(dir, 'newsdesk.db'),
        NEWSDESK_MEDIA_DIR: path.join(dir, 'media'),
        NEWSDESK_SEED_DEMO: 'false',
        NEWSDESK_LOG_LEVEL: 'warn',
      };
      env[variable] = value;
      const server = spawnServer(env);
      servers.push(server);
      const exit = await server.waitForExit(30_000);
      assert.deepEqual(exit, { code: 1, signal: null });
      for (const word of [variable, value]) {
        assert.ok(server.stderr().includes(word), `stderr does not name ${word}:\n${server.stderr()}`);
      }
      assert.doesNotMatch(server.stdout(), /listening/);
    });
  }
});
