import type { AdminApp } from '../newsroom/admin.plugin.js';
import type { TaxonomyService } from './taxonomy.service.js';

export function registerTaxonomyRoutes(_app: AdminApp, _deps: { taxonomy: TaxonomyService; purge: (keys: string[]) => void }) {}
