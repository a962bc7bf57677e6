/**
 * One polite live region for the whole island: what happened without a page load (a comment
 * posted, more comments shown, new ones waiting) is read out by screen readers.
 */
let region: HTMLElement | null = null;
let pending: number | undefined;

export function createLiveRegion(host: HTMLElement): void {
  region = document.createElement('div');
  region.className = 'visually-hidden';
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  region.id = 'comments-announcer';
  host.append(region);
}

export function announce(text: string): void {
  if (!region) return;
  const target = region;
  // Emptied first, so the same words said twice are read twice.
  target.textContent = '';
  window.clearTimeout(pending);
  pending = window.setTimeout(() => {
    target.textContent = text;
  }, 60);
}

/** Moves focus to an element that is not normally focusable (a comment, a notice), and brings it into view. */
export function focusOn(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: 'nearest' });
}

export const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
