import path from 'node:path';

/**
 * Every setting Newsdesk reads, typed, with its default and its check. This is the only
 * module that reads the environment; everything else receives a frozen Config.
 */
export interface Config {
  port: number;
  host: string;
  /** Absolute public address of the site, used for canonical links and feeds. */
  publicUrl: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Load the demo newsroom into an empty database on start. */
  seedDemo: boolean;
  mediaDir: string;
  pageCache: {
    enabled: boolean;
    maxBytes: number;
    /** Seconds an entry may be served from memory before it is rendered again. */
    ttlSeconds: number;
    /** Cache-Control for shared caches (CDN) in front of us. */
    sharedMaxAge: number;
    staleWhileRevalidate: number;
  };
  trustProxy: boolean;
  shutdownTimeoutMs: number;
  /** Defaults for the site settings, used when the database is first created. */
  site: { timeZone: string; locale: string; language: string };
  mail: {
    /** smtp:// or smtps:// address of the relay; null keeps mail in the newsroom's outbox. */
    smtpUrl: string | null;
    from: string;
  };
  media: {
    /** Largest upload accepted, in bytes. */
    maxUploadBytes: number;
    /** Largest image accepted, in pixels (width x height): a guard against decompression bombs. */
    maxPixels: number;
  };
  jobs: {
    /** Run due jobs in this process (turn off on instances that should only serve readers). */
    enabled: boolean;
    pollMs: number;
  };
  sessions: {
    /** How long a newsroom sign-in lasts without use, in hours. */
    idleHours: number;
    /** Mark cookies Secure; on by default when the public address is https. */
    secureCookies: boolean;
  };
  /** Where the built newsroom app lives. */
  adminDist: string;
  /** The WebSub hub feeds name and ping on publish and update (http or https); null: no hub. */
  websubHub: string | null;
  contentApi: {
    /** Requests per minute each Content API key (or address, without a key) may make. */
    ratePerMinute: number;
  };
  wire: {
    /** Hosts fetched even though they resolve to private or local addresses (the SSRF guard lets them through). */
    allowHosts: string[];
    /** How long one fetch of a feed or page may take, redirects and body included. */
    fetchTimeoutMs: number;
    /** Largest feed or page read, in bytes; reading stops beyond it. */
    maxFetchBytes: number;
  };
  /** Akismet checks comments for spam when a key is set; it fails open (a timeout or error never blocks a comment). */
  akismet: { key: string; url: string } | null;
}

type Env = Record<string, string | undefined>;

class ConfigReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  string(name: string, fallback: string): string {
    const raw = this.env[name];
    return raw === undefined || raw === '' ? fallback : raw;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = raw.toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (['0', 'false', 'no', 'off'].includes(value)) return false;
    this.problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
    return fallback;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Newsdesk cannot start, the configuration has problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isLocale(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

/** Reads and checks the configuration; lists every problem at once, then throws. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const read = new ConfigReader(env);
  const port = read.int('PORT', 3000, 0, 65535);
  const host = read.string('HOST', '127.0.0.1');

  const databaseUrl = read.string('DATABASE_URL', 'data/newsdesk.db');
  let database: Config['database'];
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    try {
      new URL(databaseUrl);
    } catch {
      read.problems.push(`DATABASE_URL is not a valid postgres:// address: "${databaseUrl}"`);
    }
    database = { kind: 'postgres', url: databaseUrl };
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(databaseUrl)) {
    read.problems.push(`DATABASE_URL must be a postgres:// address or a SQLite file path, got "${databaseUrl}"`);
    database = { kind: 'sqlite', file: path.resolve(cwd, 'data/newsdesk.db') };
  } else {
    const file = databaseUrl.startsWith('sqlite:') ? databaseUrl.slice('sqlite:'.length) : databaseUrl;
    database = { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(cwd, file) };
  }

  const publicUrlRaw = read.string('NEWSDESK_PUBLIC_URL', `http://localhost:${port}`);
  let publicUrl = publicUrlRaw.replace(/\/+$/, '');
  try {
    const parsed = new URL(publicUrlRaw);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
    publicUrl = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    read.problems.push(`NEWSDESK_PUBLIC_URL must be an http(s) address, got "${publicUrlRaw}"`);
  }

  const timeZone = read.string('NEWSDESK_TIMEZONE', 'Europe/London');
  if (!isTimeZone(timeZone)) read.problems.push(`NEWSDESK_TIMEZONE is not a known time zone: "${timeZone}"`);
  const locale = read.string('NEWSDESK_LOCALE', 'en-US');
  if (!isLocale(locale)) read.problems.push(`NEWSDESK_LOCALE is not a known locale: "${locale}"`);

  const smtpUrl = read.string('NEWSDESK_SMTP_URL', '');
  if (smtpUrl !== '') {
    try {
      const parsed = new URL(smtpUrl);
      if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new Error('protocol');
    } catch {
      read.problems.push(`NEWSDESK_SMTP_URL must be an smtp:// or smtps:// address, got "${smtpUrl}"`);
    }
  }
  const websubHub = read.string('NEWSDESK_WEBSUB_HUB', '');
  if (websubHub !== '') {
    try {
      const parsed = new URL(websubHub);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
    } catch {
      read.problems.push(`NEWSDESK_WEBSUB_HUB must be an http(s) address, got "${websubHub}"`);
    }
  }
  // Host names or addresses, comma-separated: "feeds.intranet, 10.0.0.12".
  const wireAllowHosts = read
    .string('NEWSDESK_WIRE_ALLOW_HOSTS', '')
    .split(',')
    .map((h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, ''),
    )
    .filter(Boolean);
  for (const host of wireAllowHosts) {
    if (!/^[a-z0-9.:-]+$/.test(host)) {
      read.problems.push(
        `NEWSDESK_WIRE_ALLOW_HOSTS takes host names or addresses, without scheme or path, got "${host}"`,
      );
    }
  }
  const akismetKey = read.string('NEWSDESK_AKISMET_KEY', '');
  const akismetUrl = read.string('NEWSDESK_AKISMET_URL', 'https://rest.akismet.com');
  if (!/^https?:\/\/[^\s]+$/.test(akismetUrl)) {
    read.problems.push(`NEWSDESK_AKISMET_URL must be an http(s) address, got "${akismetUrl}"`);
  }
  const mailFrom = read.string('NEWSDESK_MAIL_FROM', `Newsdesk <newsroom@${hostOf(publicUrl)}>`);
  if (!/^[^<>]*<?[^\s@<>]+@[^\s@<>]+>?$/.test(mailFrom)) {
    read.problems.push(`NEWSDESK_MAIL_FROM must be an address like "Newsroom <news@example.com>", got "${mailFrom}"`);
  }

  const config: Config = {
    port,
    host,
    publicUrl,
    database,
    logLevel: read.oneOf('NEWSDESK_LOG_LEVEL', 'info', [
      'fatal',
      'error',
      'warn',
      'info',
      'debug',
      'trace',
      'silent',
    ] as const),
    seedDemo: read.bool('NEWSDESK_SEED_DEMO', true),
    mediaDir: path.resolve(cwd, read.string('NEWSDESK_MEDIA_DIR', 'data/media')),
    pageCache: {
      enabled: read.bool('NEWSDESK_PAGE_CACHE', true),
      maxBytes: read.int('NEWSDESK_PAGE_CACHE_MB', 128, 1, 65536) * 1024 * 1024,
      ttlSeconds: read.int('NEWSDESK_PAGE_CACHE_TTL', 600, 1, 86400),
      sharedMaxAge: read.int('NEWSDESK_CDN_MAX_AGE', 60, 0, 86400),
      staleWhileRevalidate: read.int('NEWSDESK_STALE_WHILE_REVALIDATE', 600, 0, 604800),
    },
    trustProxy: read.bool('NEWSDESK_TRUST_PROXY', false),
    shutdownTimeoutMs: read.int('NEWSDESK_SHUTDOWN_TIMEOUT_MS', 10000, 0, 600000),
    site: { timeZone, locale, language: read.string('NEWSDESK_LANGUAGE', 'en') },
    mail: { smtpUrl: smtpUrl === '' ? null : smtpUrl, from: mailFrom },
    media: {
      maxUploadBytes: read.int('NEWSDESK_MEDIA_MAX_MB', 25, 1, 1024) * 1024 * 1024,
      maxPixels: read.int('NEWSDESK_MEDIA_MAX_MEGAPIXELS', 50, 1, 1000) * 1_000_000,
    },
    jobs: {
      enabled: read.bool('NEWSDESK_JOBS', true),
      pollMs: read.int('NEWSDESK_JOBS_POLL_MS', 1000, 50, 60000),
    },
    sessions: {
      idleHours: read.int('NEWSDESK_SESSION_HOURS', 24 * 14, 1, 24 * 365),
      secureCookies: read.bool('NEWSDESK_SECURE_COOKIES', publicUrl.startsWith('https:')),
    },
    adminDist: path.resolve(cwd, read.string('NEWSDESK_ADMIN_DIST', 'admin/dist')),
    websubHub: websubHub === '' ? null : websubHub,
    contentApi: { ratePerMinute: read.int('NEWSDESK_CONTENT_API_RATE_PER_MINUTE', 300, 1, 1_000_000) },
    wire: {
      allowHosts: wireAllowHosts,
      fetchTimeoutMs: read.int('NEWSDESK_WIRE_TIMEOUT_MS', 15_000, 100, 300_000),
      maxFetchBytes: read.int('NEWSDESK_WIRE_MAX_MB', 5, 1, 100) * 1024 * 1024,
    },
    akismet: akismetKey === '' ? null : { key: akismetKey, url: akismetUrl },
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return deepFreeze(config);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
