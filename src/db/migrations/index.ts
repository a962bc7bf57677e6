import type { Migration } from 'kysely';
import * as contentModel from './2026-11-28T14-00-content-model.js';
import * as newsroom from './2026-11-28T15-00-newsroom.js';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026-11-28T14-00-content-model': contentModel,
  '2026-11-28T15-00-newsroom': newsroom,
};
