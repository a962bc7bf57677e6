import { AppError } from '../errors.js';
import type { StaffRole } from './newsroom.table.js';

/**
 * Who may do what, in one table. `any` reaches every article, `own` only those the person
 * created. Routes name the ability they need; the article rules below narrow `own` and
 * the workflow state. Nothing else in the program decides permissions.
 */
export const policy = {
  'articles.read': { owner: 'any', editor: 'any', author: 'any', contributor: 'own', moderator: 'any' },
  'articles.create': { owner: 'any', editor: 'any', author: 'any', contributor: 'any' },
  'articles.edit': { owner: 'any', editor: 'any', author: 'own', contributor: 'own' },
  'articles.submit': { owner: 'any', editor: 'any', author: 'own', contributor: 'own' },
  'articles.publish': { owner: 'any', editor: 'any', author: 'own' },
  'articles.schedule': { owner: 'any', editor: 'any', author: 'own' },
  'articles.unpublish': { owner: 'any', editor: 'any', author: 'own' },
  'articles.delete': { owner: 'any', editor: 'any', author: 'own', contributor: 'own' },
  'frontpage.curate': { owner: 'any', editor: 'any' },
  'taxonomy.read': { owner: 'any', editor: 'any', author: 'any', contributor: 'any', moderator: 'any' },
  'taxonomy.manage': { owner: 'any', editor: 'any' },
  'media.read': { owner: 'any', editor: 'any', author: 'any', contributor: 'any' },
  'media.upload': { owner: 'any', editor: 'any', author: 'any', contributor: 'any' },
  'media.manage': { owner: 'any', editor: 'any', author: 'own', contributor: 'own' },
  'settings.manage': { owner: 'any' },
  'staff.manage': { owner: 'any' },
  'outbox.read': { owner: 'any' },
  'wire.manage': { owner: 'any', editor: 'any' },
  'wire.desk': { owner: 'any', editor: 'any', author: 'any' },
  'comments.moderate': { owner: 'any', editor: 'any', moderator: 'any' },
} as const satisfies Record<string, Partial<Record<StaffRole, 'any' | 'own'>>>;

export type Ability = keyof typeof policy;
export type Scope = 'any' | 'own';
export const abilities = Object.keys(policy) as Ability[];

/** What a route needs: an ability, or only a signed-in person, or nobody (sign-in, setup). */
export type RouteAccess = Ability | 'signed_in' | 'public';

const described: Record<Ability, string> = {
  'articles.read': 'read these articles',
  'articles.create': 'create articles',
  'articles.edit': 'edit this article',
  'articles.submit': 'submit this article for review',
  'articles.publish': 'publish this article',
  'articles.schedule': 'schedule this article',
  'articles.unpublish': 'unpublish this article',
  'articles.delete': 'delete this article',
  'frontpage.curate': 'change the front page or the breaking-news flag',
  'taxonomy.read': 'read sections and tags',
  'taxonomy.manage': 'manage sections, tags, authors and stories',
  'media.read': 'browse the media library',
  'media.upload': 'upload images',
  'media.manage': 'change or delete this image',
  'settings.manage': 'change site settings',
  'staff.manage': 'manage staff accounts',
  'outbox.read': 'read the outbox',
  'wire.manage': 'manage wire sources',
  'wire.desk': 'read the wire inbox or adopt wire copy',
  'comments.moderate': 'moderate comments',
};

export function scopeOf(role: StaffRole, ability: Ability): Scope | null {
  const row: Partial<Record<StaffRole, Scope>> = policy[ability];
  return row[role] ?? null;
}

export function abilitiesOf(role: StaffRole): Partial<Record<Ability, Scope>> {
  const out: Partial<Record<Ability, Scope>> = {};
  for (const ability of abilities) {
    const scope = scopeOf(role, ability);
    if (scope) out[ability] = scope;
  }
  return out;
}

export function forbidden(role: StaffRole, ability: Ability): AppError {
  return new AppError('forbidden', `Your role (${role}) may not ${described[ability]}.`);
}

export interface Actor {
  id: number;
  role: StaffRole;
}

/** The facts about an article that decide what a person may do with it. */
export interface ArticleFacts {
  createdBy: number | null;
  status: string;
}

const articleAbilities = [
  'articles.read',
  'articles.edit',
  'articles.submit',
  'articles.publish',
  'articles.schedule',
  'articles.unpublish',
  'articles.delete',
] as const;
export type ArticleAbility = (typeof articleAbilities)[number];

/**
 * May this person do this to this article? Contributors write drafts: once their piece is
 * published (or scheduled) only an editor changes it, and they delete only unpublished drafts.
 */
export function canOnArticle(actor: Actor, ability: ArticleAbility, article: ArticleFacts): boolean {
  const scope = scopeOf(actor.role, ability);
  if (!scope) return false;
  if (scope === 'own' && article.createdBy !== actor.id) return false;
  if (actor.role === 'contributor') {
    const unpublishedDraft = article.status === 'draft' || article.status === 'in_review';
    if ((ability === 'articles.edit' || ability === 'articles.delete') && !unpublishedDraft) return false;
  }
  return true;
}

export function requireOnArticle(actor: Actor, ability: ArticleAbility, article: ArticleFacts): void {
  if (!canOnArticle(actor, ability, article)) throw forbidden(actor.role, ability);
}

/** The booleans each article carries for the viewer, so the newsroom app never recomputes them. */
export function articleAbilitiesFor(actor: Actor, article: ArticleFacts) {
  return {
    edit: canOnArticle(actor, 'articles.edit', article),
    submit: canOnArticle(actor, 'articles.submit', article),
    publish: canOnArticle(actor, 'articles.publish', article),
    schedule: canOnArticle(actor, 'articles.schedule', article),
    unpublish: canOnArticle(actor, 'articles.unpublish', article),
    delete: canOnArticle(actor, 'articles.delete', article),
  };
}
