import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const started = performance.now();
  const app = await buildApp(config, { seedDemo: config.seedDemo });
  const address = await app.listen({ port: config.port, host: config.host });
  const shown =
    config.host === '0.0.0.0' || config.host === '::' || config.host === '127.0.0.1'
      ? `http://localhost:${(app.server.address() as { port: number }).port}`
      : address;
  app.log.info(
    { address, database: config.database.kind, startupMs: Math.round(performance.now() - started) },
    `Newsdesk is listening at ${shown}`,
  );
  console.log(`Newsdesk is listening at ${shown}`);
  console.log(
    (await app.services.staff.needsOwner())
      ? `The newsroom is at ${shown}/newsroom/ and asks for its owner account on first visit.`
      : `The newsroom is at ${shown}/newsroom/`,
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    // Keep-alive connections idle between requests would hold the close open until they time out.
    const idle = setInterval(() => app.server.closeIdleConnections(), 100);
    idle.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
