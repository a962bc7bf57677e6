import type { Selectable } from 'kysely';
import { type Clock, iso } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, type FieldError, invalidFields, notFound } from '../../errors.js';
import type { JobQueue } from '../../jobs/jobs.service.js';
import type { IndexPolicy, WireFormat, WireSourcesTable } from '../wire.table.js';

export type WireSourceRow = Selectable<WireSourcesTable>;
export type WireSource = WireSourceRow & { itemCount: number };

export const defaultCreditTemplate = '{source}';
export const defaultEditedCreditTemplate = '{sources} with additional input by {desk}';

export const sourceLimits = { name: 200, url: 2000, template: 300, terms: 4000, minPoll: 1, maxPoll: 1440 } as const;

export interface SourceInput {
  name?: string;
  url?: string;
  format?: WireFormat;
  pollMinutes?: number;
  creditTemplate?: string;
  editedCreditTemplate?: string;
  defaultSectionId?: number | null;
  usageTerms?: string;
  copyrightNotice?: string;
  indexPolicy?: IndexPolicy;
  enabled?: boolean;
}

export const pollJobKey = (sourceId: number) => `wire.poll:${sourceId}`;

/**
 * Wire sources: the agencies' feeds the desk reads, with the credit and terms their copy
 * carries. Polling state (validators, errors, backoff) is written by the ingest service.
 */
export class WireSources {
  constructor(
    private readonly deps: {
      db: Db;
      clock: Clock;
      jobs: Pick<JobQueue, 'cancel'>;
      sectionExists: (id: number) => boolean;
    },
  ) {}

  private get kysely() {
    return this.deps.db.kysely;
  }

  async list(): Promise<WireSource[]> {
    const rows = await this.kysely.selectFrom('wire_sources').selectAll().orderBy('name').orderBy('id').execute();
    const counts = await this.kysely
      .selectFrom('wire_items')
      .select((eb) => ['source_id', eb.fn.countAll<number>().as('n')])
      .where('source_id', 'is not', null)
      .groupBy('source_id')
      .execute();
    const byId = new Map(counts.map((c) => [c.source_id, Number(c.n)]));
    return rows.map((row) => ({ ...row, itemCount: byId.get(row.id) ?? 0 }));
  }

  async find(id: number): Promise<WireSource | undefined> {
    const row = await this.kysely.selectFrom('wire_sources').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const count = await this.kysely
      .selectFrom('wire_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source_id', '=', id)
      .executeTakeFirstOrThrow();
    return { ...row, itemCount: Number(count.n) };
  }

  async get(id: number): Promise<WireSource> {
    const source = await this.find(id);
    if (!source) throw notFound('wire source');
    return source;
  }

  async create(input: SourceInput & { name: string; url: string }): Promise<WireSource> {
    this.check(input);
    const now = iso(this.deps.clock.now());
    const { id } = await this.kysely
      .insertInto('wire_sources')
      .values({
        name: input.name.trim(),
        url: input.url.trim(),
        format: input.format ?? 'auto',
        poll_minutes: input.pollMinutes ?? 5,
        credit_template: input.creditTemplate?.trim() || defaultCreditTemplate,
        edited_credit_template: input.editedCreditTemplate?.trim() || defaultEditedCreditTemplate,
        default_section_id: input.defaultSectionId ?? null,
        usage_terms: input.usageTerms ?? '',
        copyright_notice: input.copyrightNotice ?? '',
        index_policy: input.indexPolicy ?? 'news_noindex',
        enabled: input.enabled === false ? 0 : 1,
        etag: null,
        last_modified: null,
        // Due at once: the desk wants to see what a new source brings.
        next_poll_at: now,
        last_polled_at: null,
        last_success_at: null,
        last_error: null,
        last_error_at: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return this.get(id);
  }

  async update(id: number, input: SourceInput): Promise<WireSource> {
    const before = await this.get(id);
    this.check(input);
    const now = iso(this.deps.clock.now());
    const urlChanged = input.url !== undefined && input.url.trim() !== before.url;
    const enabling = input.enabled === true && before.enabled === 0;
    await this.kysely
      .updateTable('wire_sources')
      .set({
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.url !== undefined ? { url: input.url.trim() } : {}),
        ...(input.format !== undefined ? { format: input.format } : {}),
        ...(input.pollMinutes !== undefined ? { poll_minutes: input.pollMinutes } : {}),
        ...(input.creditTemplate !== undefined
          ? { credit_template: input.creditTemplate.trim() || defaultCreditTemplate }
          : {}),
        ...(input.editedCreditTemplate !== undefined
          ? { edited_credit_template: input.editedCreditTemplate.trim() || defaultEditedCreditTemplate }
          : {}),
        ...(input.defaultSectionId !== undefined ? { default_section_id: input.defaultSectionId } : {}),
        ...(input.usageTerms !== undefined ? { usage_terms: input.usageTerms } : {}),
        ...(input.copyrightNotice !== undefined ? { copyright_notice: input.copyrightNotice } : {}),
        ...(input.indexPolicy !== undefined ? { index_policy: input.indexPolicy } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled ? 1 : 0 } : {}),
        // Another address is another feed: its validators and failures are not this one's.
        ...(urlChanged ? { etag: null, last_modified: null, failures: 0, last_error: null } : {}),
        ...(urlChanged || enabling ? { next_poll_at: now } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    return this.get(id);
  }

  /**
   * Deletes a source with its items. Refused while an article carries any of its items: the
   * article's provenance (what was received, on what terms) must stay; disable it instead.
   */
  async delete(id: number): Promise<void> {
    await this.get(id);
    await this.kysely.transaction().execute(async (trx) => {
      const adopted = await trx
        .selectFrom('article_wire')
        .innerJoin('wire_items', 'wire_items.id', 'article_wire.wire_item_id')
        .select((eb) => eb.fn.count<number>('article_wire.article_id').distinct().as('n'))
        .where('wire_items.source_id', '=', id)
        .executeTakeFirstOrThrow();
      const articles = Number(adopted.n);
      if (articles > 0) {
        throw new AppError(
          'conflict',
          `${articles === 1 ? 'An article was' : `${articles} articles were`} made from this source's copy, and ` +
            'its provenance must stay. Disable the source instead: it stops polling and keeps its items.',
        );
      }
      const items = trx.selectFrom('wire_items').select('id').where('source_id', '=', id);
      await trx.deleteFrom('wire_alerts').where('wire_item_id', 'in', items).execute();
      await trx.deleteFrom('wire_item_versions').where('item_id', 'in', items).execute();
      await trx.deleteFrom('wire_items').where('source_id', '=', id).execute();
      await trx.deleteFrom('wire_sources').where('id', '=', id).execute();
      await this.deps.jobs.cancel(pollJobKey(id), trx);
    });
  }

  /** The rules a schema cannot say in words an editor understands; every broken one at once. */
  private check(input: SourceInput): void {
    const fields: FieldError[] = [];
    if (input.name !== undefined && input.name.trim() === '') {
      fields.push({ field: 'name', message: 'Name the agency as it should be credited.' });
    }
    if (input.url !== undefined) {
      let protocol = '';
      try {
        protocol = new URL(input.url.trim()).protocol;
      } catch {
        // reported below
      }
      if (protocol !== 'http:' && protocol !== 'https:') {
        fields.push({ field: 'url', message: "Give the feed's address, starting with http:// or https://." });
      }
    }
    if (
      input.creditTemplate !== undefined &&
      input.creditTemplate.trim() !== '' &&
      !input.creditTemplate.includes('{source}')
    ) {
      fields.push({
        field: 'creditTemplate',
        message: "The credit must contain {source}, where the agency's name goes.",
      });
    }
    if (
      input.editedCreditTemplate !== undefined &&
      input.editedCreditTemplate.trim() !== '' &&
      !input.editedCreditTemplate.includes('{desk}')
    ) {
      fields.push({
        field: 'editedCreditTemplate',
        message: "The credit for edited copy must contain {desk}, where the desk's name goes.",
      });
    }
    if (
      input.defaultSectionId !== undefined &&
      input.defaultSectionId !== null &&
      !this.deps.sectionExists(input.defaultSectionId)
    ) {
      fields.push({ field: 'defaultSectionId', message: 'There is no section with that id.' });
    }
    if (fields.length > 0) throw invalidFields(fields);
  }
}
