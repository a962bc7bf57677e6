import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/** Where the server mounts the app; every in-app path starts with it. */
export const BASE = '/newsroom';

/** `/articles/3` → `/newsroom/articles/3`. */
export const href = (path: string) => (path === '/' ? `${BASE}/` : `${BASE}${path}`);

type Guard = () => Promise<boolean>;

const listeners = new Set<() => void>();
let guard: Guard | null = null;
let lastKind: 'push' | 'replace' | 'pop' = 'push';

/** How the address last changed: replacing it (a saved draft getting its id, filters) is not a new page. */
export const lastNavigationKind = () => lastKind;
let lastUrl = typeof location === 'undefined' ? '' : location.pathname + location.search + location.hash;

function notify() {
  lastUrl = location.pathname + location.search + location.hash;
  for (const listener of listeners) listener();
}

/**
 * One guard at a time (the editor with unsaved changes). It answers whether leaving is
 * fine; returns a function that removes it.
 */
export function setNavigationGuard(next: Guard): () => void {
  guard = next;
  return () => {
    if (guard === next) guard = null;
  };
}

export interface NavigateOptions {
  replace?: boolean;
  /** Skip the guard: the caller already saved or asked. */
  force?: boolean;
}

export async function navigate(to: string, options: NavigateOptions = {}): Promise<void> {
  if (!options.force && guard && !(await guard())) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  lastKind = options.replace ? 'replace' : 'push';
  notify();
  if (!options.replace) window.scrollTo(0, 0);
}

function onPopState() {
  lastKind = 'pop';
  if (!guard) {
    notify();
    return;
  }
  // The browser has already moved; put the old address back while asking.
  const target = location.pathname + location.search + location.hash;
  const current = guard;
  history.pushState(null, '', lastUrl);
  void current().then((ok) => {
    if (!ok) return;
    guard = null;
    history.pushState(null, '', target);
    notify();
  });
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener('popstate', onPopState);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', onPopState);
  };
}

const snapshot = () => location.pathname + location.search;

export interface AppLocation {
  /** The path inside the app, without BASE: `/articles/3`. */
  path: string;
  query: URLSearchParams;
  /** The full address, for `?next=`. */
  full: string;
}

export function useLocation(): AppLocation {
  const full = useSyncExternalStore(subscribe, snapshot);
  const [pathname = '', search = ''] = full.split('?');
  let path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  if (path === '') path = '/';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return { path, query: new URLSearchParams(search), full };
}

/** Matches `/articles/:id` against `/articles/3`; null when it does not fit. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const h = have[i] ?? '';
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(h);
    else if (w !== h) return null;
  }
  return params;
}

/** Replaces the query string of the current address (filters, pages) without a history entry. */
export function setQuery(params: Record<string, string | number | null | undefined>, options: NavigateOptions = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  void navigate(location.pathname + (text ? `?${text}` : ''), { replace: true, ...options });
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** An ordinary link, followed in-app unless the reader asked for a new tab or window. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const target = to.startsWith(BASE) ? to : href(to);
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      rest.target === '_blank'
    ) {
      return;
    }
    event.preventDefault();
    void navigate(target);
  };
  return <a href={target} onClick={handle} {...rest} />;
}
