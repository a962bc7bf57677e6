import type { Migration } from 'kysely';
import * as contentModel from './2026-11-28T14-00-content-model.js';
import * as newsroom from './2026-11-28T15-00-newsroom.js';
import * as search from './2026-11-28T16-00-search.js';
import * as contentKeys from './2026-11-28T16-10-content-keys.js';
import * as seo from './2026-11-28T16-20-seo.js';
import * as comments from './2026-11-28T17-00-comments.js';
import * as wire from './2026-11-28T18-00-wire.js';
import * as commentReaders from './2026-11-28T18-20-comment-readers.js';
import * as commentBranches from './2026-11-28T18-30-comment-branches.js';
import * as commentBranchCounts from './2026-11-28T19-00-comment-branch-counts.js';
import * as imageNames from './2026-11-28T19-10-image-names.js';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026-11-28T14-00-content-model': contentModel,
  '2026-11-28T15-00-newsroom': newsroom,
  '2026-11-28T16-00-search': search,
  '2026-11-28T16-10-content-keys': contentKeys,
  '2026-11-28T16-20-seo': seo,
  '2026-11-28T17-00-comments': comments,
  '2026-11-28T18-00-wire': wire,
  '2026-11-28T18-20-comment-readers': commentReaders,
  '2026-11-28T18-30-comment-branches': commentBranches,
  '2026-11-28T19-00-comment-branch-counts': commentBranchCounts,
  '2026-11-28T19-10-image-names': imageNames,
};
