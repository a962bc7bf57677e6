import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, where `src/server.ts` is started from, as an operator would. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A port nobody listens on right now: the kernel picks one, we read it and let it go. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Settles when the process has exited and its output has been read to the end. */
  exited: Promise<Exit>;
  /** Resolves with the first stdout line containing `text`; rejects if the process exits first or time runs out. */
  waitForLine(text: string, timeoutMs: number): Promise<string>;
  /** Resolves with the exit; rejects if the process is still running after `timeoutMs`. */
  waitForExit(timeoutMs: number): Promise<Exit>;
  /** SIGTERM, then SIGKILL if it has not gone after `graceMs`. Safe to call after it exited. */
  stop(graceMs?: number): Promise<Exit>;
}

/**
 * The environment a server gets: the caller's variables, and nothing inherited that
 * configures Newsdesk (or marks the child as part of a node:test run).
 */
function serverEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('NEWSDESK_') || ['PORT', 'HOST', 'DATABASE_URL', 'NODE_TEST_CONTEXT'].includes(key)) continue;
    inherited[key] = value;
  }
  return { ...inherited, ...env };
}

/** Starts the real server, `node --import tsx src/server.ts`, from the project root. */
export function spawnServer(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: projectRoot,
    env: serverEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    stdout += chunk;
    for (const listener of listeners) listener();
  });
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  let exit: Exit | null = null;
  const exited = new Promise<Exit>((resolve) => {
    child.on('close', (code, signal) => {
      exit = { code, signal };
      for (const listener of listeners) listener();
      resolve(exit);
    });
  });
  const describeOutput = () => `\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`;

  const waitForLine = (text: string, timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const line = stdout.split('\n').find((l) => l.includes(text));
        if (line !== undefined) return done(() => resolve(line.trim()));
        if (exit)
          done(() =>
            reject(
              new Error(`the server exited (${JSON.stringify(exit)}) before printing "${text}"${describeOutput()}`),
            ),
          );
      };
      const timer = setTimeout(
        () =>
          done(() => reject(new Error(`the server did not print "${text}" within ${timeoutMs} ms${describeOutput()}`))),
        timeoutMs,
      );
      const done = (settle: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        settle();
      };
      listeners.add(check);
      check();
    });

  const waitForExit = (timeoutMs: number) =>
    new Promise<Exit>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the server was still running ${timeoutMs} ms later${describeOutput()}`)),
        timeoutMs,
      );
      exited.then((e) => {
        clearTimeout(timer);
        resolve(e);
      });
    });

  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitForLine,
    waitForExit,
    async stop(graceMs = 15_000) {
      if (exit) return exit;
      child.kill('SIGTERM');
      try {
        return await waitForExit(graceMs);
      } catch {
        child.kill('SIGKILL');
        return exited;
      }
    },
  };
}
