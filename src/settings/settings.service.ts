import type { Db } from '../db/database.js';

export interface SiteSettings {
  siteName: string;
  tagline: string;
  /** The desk credited for additional input on wire copy: "<Agency> with additional input by <desk>". */
  deskName: string;
  timeZone: string;
  locale: string;
  language: string;
  logoImageId: number | null;
  commentsDefaultMode: 'open' | 'premoderated' | 'closed';
}

export const defaultSettings: SiteSettings = {
  siteName: 'Newsdesk',
  tagline: 'Independent news',
  deskName: 'News Desk',
  timeZone: 'Europe/London',
  locale: 'en-US',
  language: 'en',
  logoImageId: null,
  commentsDefaultMode: 'open',
};

type Key = keyof SiteSettings;

/**
 * Site settings live in the database (the newsroom edits them) and are read from memory:
 * every reader page needs them, so they are loaded once and refreshed on change.
 */
export class SettingsService {
  private current: SiteSettings;

  constructor(
    private readonly db: Db,
    defaults: Partial<SiteSettings> = {},
  ) {
    this.current = { ...defaultSettings, ...defaults };
  }

  get(): Readonly<SiteSettings> {
    return this.current;
  }

  async load(): Promise<SiteSettings> {
    const rows = await this.db.kysely.selectFrom('settings').select(['key', 'value']).execute();
    const next: Record<string, unknown> = { ...this.current };
    for (const row of rows) {
      if (row.key in defaultSettings) next[row.key] = JSON.parse(row.value);
    }
    this.current = next as unknown as SiteSettings;
    return this.current;
  }

  async update(patch: Partial<SiteSettings>): Promise<SiteSettings> {
    const now = new Date().toISOString();
    await this.db.kysely.transaction().execute(async (trx) => {
      for (const [key, value] of Object.entries(patch) as [Key, unknown][]) {
        if (!(key in defaultSettings) || value === undefined) continue;
        await trx
          .insertInto('settings')
          .values({ key, value: JSON.stringify(value), updated_at: now })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now }))
          .execute();
      }
    });
    return this.load();
  }
}
