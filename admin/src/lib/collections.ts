import { useEffect, useSyncExternalStore } from 'react';
import { api, itemsOf } from '../api/client';
import type { Author, List, Section, Story, Tag } from '../api/types';

/**
 * Sections, tags, authors and stories are small, read everywhere (filters, the editor's
 * sidebar) and change rarely: each is fetched once and shared until someone edits it.
 */
export interface Collections {
  sections: Section;
  tags: Tag;
  authors: Author;
  stories: Story;
}
export type CollectionName = keyof Collections;

interface Entry<T> {
  items: T[];
  loaded: boolean;
  error: unknown;
  pending: Promise<void> | null;
}

const entries = new Map<CollectionName, Entry<unknown>>();
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

function entry<K extends CollectionName>(name: K): Entry<Collections[K]> {
  let e = entries.get(name);
  if (!e) {
    e = { items: [], loaded: false, error: null, pending: null };
    entries.set(name, e);
  }
  return e as Entry<Collections[K]>;
}

export function loadCollection(name: CollectionName, force = false): Promise<void> {
  const e = entry(name);
  if (e.pending) return e.pending;
  if (e.loaded && !force) return Promise.resolve();
  e.pending = api
    .get<List<Collections[typeof name]> | Collections[typeof name][]>(`/${name}`)
    .then((answer) => {
      entries.set(name, { items: itemsOf(answer), loaded: true, error: null, pending: null });
    })
    .catch((error: unknown) => {
      entries.set(name, { ...e, error, pending: null, loaded: true });
    })
    .finally(emit);
  return e.pending;
}

/** Forget what was loaded (after a sign-out, or when another person may have changed it). */
export function resetCollections(): void {
  entries.clear();
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface CollectionState<T> {
  items: T[];
  loaded: boolean;
  error: unknown;
}

export function useCollection<K extends CollectionName>(name: K): CollectionState<Collections[K]> {
  const e = useSyncExternalStore(subscribe, () => entry(name));
  useEffect(() => {
    void loadCollection(name);
  }, [name]);
  return e;
}
