import { announce, focusOn, plural } from './announce.js';
import { call, fetchPage } from './api.js';

/** A comment as the server renders it for the island (the same view as the page's). */
export interface Fragment {
  id: number;
  parentId: number | null;
  depth: number;
  html: string;
}

export type Sort = 'oldest' | 'newest' | 'liked';

const commentId = (article: Element) => Number(article.id.replace('comment-', ''));

/**
 * The server-rendered thread, changed in place: comments placed under their parents, more
 * pages appended, another sort swapped in. Every comment that arrives is handed to `enhance`
 * (its buttons), exactly as those on the page at first.
 */
export class Thread {
  sort: Sort;

  constructor(
    readonly section: HTMLElement,
    readonly articleId: number,
    private readonly enhance: (article: HTMLElement) => void,
  ) {
    const current = section.querySelector('.comments__sort a[aria-current]');
    this.sort = current ? sortOf(current as HTMLAnchorElement) : 'oldest';
  }

  has(id: number): boolean {
    return document.getElementById(`comment-${id}`) !== null;
  }

  private get root(): HTMLElement {
    return (this.section.querySelector('.comments__thread') as HTMLElement | null) ?? this.section;
  }

  /** The top-level list, made when the thread had no comments yet. */
  private list(): HTMLOListElement {
    const found = this.root.querySelector('.comments__list');
    if (found) return found as HTMLOListElement;
    const list = document.createElement('ol');
    list.className = 'comments__list';
    const more = this.root.querySelector('.comments__more');
    if (more) more.before(list);
    else this.root.append(list);
    return list;
  }

  /**
   * Puts a comment where the server would list it: under its parent when that is on the page
   * (or else under its top comment), at the top or the end of the list when it starts a thread.
   * Returns the comment's element, or null when its branch is not on this page.
   */
  place(fragment: Fragment, options: { rootId?: number; at?: 'start' | 'end' } = {}): HTMLElement | null {
    const existing = document.getElementById(`comment-${fragment.id}`);
    if (existing) return existing;
    const template = document.createElement('template');
    template.innerHTML = fragment.html;
    const article = template.content.firstElementChild as HTMLElement | null;
    if (!article) return null;
    const item = document.createElement('li');
    item.append(article);
    if (fragment.parentId === null) {
      const list = this.list();
      if (options.at === 'start') list.prepend(item);
      else list.append(item);
    } else {
      const parent =
        document.getElementById(`comment-${fragment.parentId}`) ??
        (options.rootId ? document.getElementById(`comment-${options.rootId}`) : null);
      const parentItem = parent?.closest('li');
      if (!parentItem || !this.section.contains(parentItem)) return null;
      repliesOf(parentItem).append(item);
    }
    this.enhance(article);
    return article;
  }

  /** The count line ("12 comments") follows what readers can see. */
  addToCount(delta: number): void {
    const count = this.section.querySelector('.comments__count');
    if (!count) return;
    const now = Number((count.textContent ?? '').replace(/[^\d]/g, '')) || 0;
    count.textContent = plural(Math.max(0, now + delta), 'comment', 'comments');
  }

  /** "Load more comments": the next page's comments appended, those already here skipped. */
  async loadMore(link: HTMLAnchorElement): Promise<void> {
    link.setAttribute('aria-disabled', 'true');
    const page = await fetchPage(link.href);
    link.removeAttribute('aria-disabled');
    if (!page) return announce('More comments could not be loaded. Please try again.');
    const added = this.adopt(page, false);
    this.replaceMore(page);
    if (added[0]) focusOn(added[0]);
    announce(
      added.length > 0 ? `${plural(added.length, 'more comment', 'more comments')} shown.` : 'No more comments.',
    );
  }

  /** Another order: its first page replaces the list; focus stays on the sort link pressed. */
  async changeSort(link: HTMLAnchorElement): Promise<void> {
    const sort = sortOf(link);
    const page = await fetchPage(`/comments/${this.articleId}${sort === 'oldest' ? '' : `?sort=${sort}`}`);
    if (!page) return announce('The comments could not be sorted. Please try again.');
    this.sort = sort;
    this.adopt(page, true);
    this.replaceMore(page);
    for (const a of Array.from(this.section.querySelectorAll('.comments__sort a'))) {
      if (a === link) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    }
    announce(`Comments sorted: ${(link.textContent ?? sort).trim().toLowerCase()} first.`);
  }

  /** "N more replies": the branch's next replies, each under its parent. */
  async moreReplies(link: HTMLAnchorElement): Promise<void> {
    const item = link.closest('li');
    const top = item?.querySelector(':scope > article');
    if (!item || !top) return;
    const rootId = commentId(top);
    const after = new URL(link.href).searchParams.get('after') ?? '';
    const answer = await call<{ replies: Fragment[]; next: string | null }>(
      'GET',
      `/api/comments/${rootId}/replies?after=${encodeURIComponent(after)}`,
    );
    if (!answer.ok) return announce(answer.problem.message);
    const placed = answer.data.replies.flatMap((r) => this.place(r, { rootId }) ?? []);
    const holder = link.closest('.comments__more-replies');
    const label = link.textContent ?? '';
    const left = Number(label.replace(/[^\d]/g, '')) - answer.data.replies.length;
    // "190+ more replies": a very long branch is counted only so far, so what is left is a floor too.
    const floor = label.includes('+');
    if (answer.data.next && holder) {
      const next = new URL(link.href);
      next.searchParams.set('after', answer.data.next);
      link.href = `${next.pathname}${next.search}`;
      link.textContent =
        left > 0
          ? floor
            ? `${left.toLocaleString('en')}+ more replies`
            : plural(left, 'more reply', 'more replies')
          : 'More replies';
      item.append(holder);
    } else {
      holder?.remove();
    }
    if (placed[0]) focusOn(placed[0]);
    announce(`${plural(placed.length, 'more reply', 'more replies')} shown.`);
  }

  /** Moves a fetched page's comments into this one (replacing the list, or appending new ones). */
  private adopt(page: Document, replace: boolean): HTMLElement[] {
    const list = this.list();
    if (replace) list.replaceChildren();
    const added: HTMLElement[] = [];
    for (const item of Array.from(page.querySelectorAll('.comments__list > li'))) {
      const top = item.querySelector(':scope > article');
      if (!top || (!replace && this.has(commentId(top)))) continue;
      const mine = document.importNode(item, true) as HTMLElement;
      list.append(mine);
      const article = mine.querySelector(':scope > article') as HTMLElement;
      added.push(article);
      for (const each of Array.from(mine.querySelectorAll('article.comment'))) this.enhance(each as HTMLElement);
    }
    return added;
  }

  private replaceMore(page: Document): void {
    const fetched = page.querySelector('.comments__more');
    const current = this.root.querySelector('.comments__more');
    if (fetched) {
      const mine = document.importNode(fetched, true);
      if (current) current.replaceWith(mine);
      else this.root.append(mine);
    } else {
      current?.remove();
    }
  }
}

/** The replies list directly under a comment's list item, made when it has none yet. */
function repliesOf(item: HTMLLIElement): HTMLOListElement {
  const found = item.querySelector(':scope > .comments__replies');
  if (found) return found as HTMLOListElement;
  const list = document.createElement('ol');
  list.className = 'comments__replies';
  // After the comment (and an open reply form), before a "more replies" link.
  const more = item.querySelector(':scope > .comments__more-replies');
  if (more) more.before(list);
  else item.append(list);
  return list;
}

function sortOf(link: HTMLAnchorElement): Sort {
  const sort = new URL(link.href).searchParams.get('sort');
  return sort === 'newest' || sort === 'liked' ? sort : 'oldest';
}
