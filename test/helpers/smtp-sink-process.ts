/**
 * A real SMTP server for tests, run as its own process by `startSmtpSink()` (smtp-sink.ts):
 * `node --import tsx test/helpers/smtp-sink-process.ts [port]`.
 *
 * It accepts every message (no TLS, no authentication needed) and reports on stdout, one JSON
 * object per line:
 *   {"type":"listening","port":N}
 *   {"type":"message","from":"a@x","to":["b@y"],"raw":"<the message as received>"}
 * It exits on SIGTERM/SIGINT, and when its stdin closes, so it never outlives the test run
 * that started it.
 */
import { SMTPServer } from 'smtp-server';

const port = Number(process.argv[2] ?? 0);

function emit(event: object): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  secure: false,
  logger: false,
  // Accept any credentials, so a relay address with user:pass works too.
  onAuth(_auth, _session, callback) {
    callback(null, { user: 'test' });
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', (err) => callback(err));
    stream.on('end', () => {
      const { mailFrom, rcptTo } = session.envelope;
      emit({
        type: 'message',
        from: mailFrom ? mailFrom.address : '',
        to: rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString('utf8'),
      });
      callback(null, 'Queued');
    });
  },
});

let listening = false;
server.on('error', (err) => {
  process.stderr.write(`smtp sink: ${err.message}\n`);
  // A port already taken: there is nothing to serve, let the parent see the exit.
  if (!listening) process.exit(1);
});

let closing = false;
function shutdown(): void {
  if (closing) return;
  closing = true;
  server.close(() => process.exit(0));
  // Open client connections are given a moment, then dropped.
  setTimeout(() => process.exit(0), 2_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.stdin.on('end', shutdown);
process.stdin.on('error', shutdown);
process.stdin.resume();

server.listen(port, '127.0.0.1', () => {
  listening = true;
  const address = server.server.address();
  emit({ type: 'listening', port: typeof address === 'object' && address ? address.port : port });
});
