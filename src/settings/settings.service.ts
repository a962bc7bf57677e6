import type { Db } from '../db/database.js';
import { type FieldError, invalidFields } from '../errors.js';

export interface NavigationLink {
  label: string;
  /** A path on this site ("/about") or a full http(s) address. */
  url: string;
}

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
  /** Links shown in the navigation after the sections. */
  navigation: NavigationLink[];
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
  navigation: [],
};

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const isLocale = (locale: string) => {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
};

/** Checks a settings change field by field; the newsroom shows each message beside its field. */
export function checkSettings(patch: Partial<SiteSettings>): FieldError[] {
  const fields: FieldError[] = [];
  const text = (field: keyof SiteSettings, max: number, required: boolean) => {
    const value = patch[field];
    if (value === undefined) return;
    if (typeof value !== 'string' || (required && !value.trim()))
      fields.push({ field, message: 'This cannot be empty.' });
    else if (value.length > max) fields.push({ field, message: `Use at most ${max} characters.` });
  };
  text('siteName', 120, true);
  text('tagline', 200, false);
  text('deskName', 120, true);
  if (patch.timeZone !== undefined && !isTimeZone(patch.timeZone)) {
    fields.push({ field: 'timeZone', message: 'Use a time zone name like Europe/London or America/New_York.' });
  }
  if (patch.locale !== undefined && !isLocale(patch.locale)) {
    fields.push({ field: 'locale', message: 'Use a locale like en-GB or fr-FR.' });
  }
  if (patch.language !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(patch.language)) {
    fields.push({ field: 'language', message: 'Use a language code like en or pt-BR.' });
  }
  if (
    patch.commentsDefaultMode !== undefined &&
    !['open', 'premoderated', 'closed'].includes(patch.commentsDefaultMode)
  ) {
    fields.push({ field: 'commentsDefaultMode', message: 'Use open, premoderated or closed.' });
  }
  if (patch.navigation !== undefined) {
    if (!Array.isArray(patch.navigation) || patch.navigation.length > 20) {
      fields.push({ field: 'navigation', message: 'Use at most 20 links.' });
    } else {
      patch.navigation.forEach((link, i) => {
        if (!link || typeof link.label !== 'string' || !link.label.trim() || link.label.length > 60) {
          fields.push({ field: `navigation.${i}.label`, message: 'Give the link a label of up to 60 characters.' });
        }
        if (!link || typeof link.url !== 'string' || !/^(\/(?!\/)\S*|https?:\/\/\S+)$/.test(link.url)) {
          fields.push({ field: `navigation.${i}.url`, message: 'Use a path like /about or a full http(s) address.' });
        }
      });
    }
  }
  return fields;
}

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
    const problems = checkSettings(patch);
    if (problems.length > 0) throw invalidFields(problems);
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
