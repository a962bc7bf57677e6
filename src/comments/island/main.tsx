import { render } from 'preact';
import { CommentActions, focusAfterDelete, type Own } from './actions.js';
import { announce, createLiveRegion, focusOn } from './announce.js';
import { call, fetchPage, setCsrfToken } from './api.js';
import { enhanceForm, type Posted, replyFormFrom } from './forms.js';
import { startLive } from './live.js';
import { Thread } from './thread.js';

/**
 * The comments island: upgrades the server-rendered thread and form of an article page
 * (posting and replying without a page load, like, report, edit, delete, more pages, sort,
 * live "new comments"). Everything it does also works without it, through plain links and forms.
 */
const script = document.getElementById('comments-island');
const section = document.getElementById('comments');
const articleId = Number(script?.dataset.article);
if (section && Number.isInteger(articleId) && articleId > 0) start(section, articleId);

interface Me {
  signedIn: boolean;
  csrfToken?: string;
}

function start(section: HTMLElement, articleId: number): void {
  createLiveRegion(section);
  const own = new Map<number, Own>();
  const mounted = new WeakSet<HTMLElement>();

  const enhance = (article: HTMLElement) => {
    const footer = article.querySelector(':scope > .comment__footer');
    if (!footer || article.classList.contains('comment--deleted')) return;
    let host = footer.querySelector(':scope > .comment__island') as HTMLElement | null;
    if (!host) {
      host = document.createElement('span');
      host.className = 'comment__island';
      footer.append(host);
    }
    const id = Number(article.id.replace('comment-', ''));
    // Rendered again (not mounted twice) once the reader's own comments are known.
    render(<CommentActions key={id} article={article} own={own.get(id) ?? null} onDeleted={deleted} />, host);
    mounted.add(article);
  };
  const thread = new Thread(section, articleId, enhance);
  const live = startLive(section, thread);

  const deleted = (article: HTMLElement) => {
    const item = article.closest('li');
    const replies = item?.querySelector(':scope > .comments__replies > li');
    if (replies) {
      article.classList.add('comment--deleted');
      article.replaceChildren(
        Object.assign(document.createElement('p'), { className: 'comment__deleted', textContent: 'Comment deleted' }),
      );
    } else {
      item?.remove();
    }
    thread.addToCount(-1);
    focusAfterDelete(section);
  };

  const posted = (answer: Posted, form: HTMLFormElement, text: string) => {
    const { comment } = answer;
    own.set(comment.id, { id: comment.id, body: text, editableUntil: Date.now() + comment.editableForMs });
    live.forget(comment.id);
    const article = thread.place(
      { id: comment.id, parentId: comment.parentId, depth: comment.depth, html: answer.html },
      { rootId: comment.rootId, at: comment.parentId === null && thread.sort === 'newest' ? 'start' : 'end' },
    );
    thread.addToCount(1);
    if (form.classList.contains('comment-form--reply')) closeReply(form, false);
    if (article) focusOn(article);
  };

  // Every comment on the page gets its buttons now; the reader's own get theirs when known.
  for (const article of Array.from(section.querySelectorAll('article.comment'))) enhance(article as HTMLElement);
  let main = section.querySelector('#comment-form') as HTMLFormElement | null;
  if (main) enhanceForm(main, posted);

  const who = call<Me>('GET', '/api/readers/me');
  void who.then(async (answer) => {
    if (!answer.ok || !answer.data.signedIn) return;
    setCsrfToken(answer.data.csrfToken ?? null);
    // The shared page shows the guest form (or "Sign in"); a signed-in reader gets their own, with its token.
    const page = await fetchPage(`/comments/${articleId}/write`);
    const theirs = page?.getElementById('comment-form');
    const here = main ?? section.querySelector('.comments__sign-in');
    if (!theirs || !here) return;
    const form = document.importNode(theirs, true) as HTMLFormElement;
    here.replaceWith(form);
    main = form;
    enhanceForm(form, posted);
  });

  if (section.querySelector('article.comment')) {
    void call<{ now: string; comments: { id: number; body?: string; editableUntil: string }[] }>(
      'GET',
      `/api/readers/me/comments?articleId=${articleId}`,
    ).then((answer) => {
      if (!answer.ok) return;
      // Edit windows are counted on the server's clock, moved to this browser's.
      const skew = Date.now() - Date.parse(answer.data.now);
      for (const c of answer.data.comments) {
        own.set(c.id, { id: c.id, body: c.body ?? null, editableUntil: Date.parse(c.editableUntil) + skew });
        const article = document.getElementById(`comment-${c.id}`);
        if (article && mounted.has(article)) enhance(article);
      }
    });
  }

  // ------------------------------------------------------------ links the island answers in place

  const openReply = (link: HTMLAnchorElement) => {
    const article = link.closest('article');
    if (!main || !article) return false;
    const parentId = Number(article.id.replace('comment-', ''));
    const open = document.getElementById(`reply-form-${parentId}`);
    if (open) {
      (open.querySelector('textarea') as HTMLElement | null)?.focus();
      return true;
    }
    const author = article.querySelector('.comment__author')?.textContent ?? 'this comment';
    const form = replyFormFrom(main, parentId, author);
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel';
    cancel.addEventListener('click', () => closeReply(form, true));
    form.querySelector('button[type="submit"]')?.after(cancel);
    article.after(form);
    enhanceForm(form, posted);
    (form.querySelector('textarea') as HTMLElement | null)?.focus();
    announce(`Reply form opened under ${author}’s comment.`);
    return true;
  };

  const closeReply = (form: HTMLFormElement, cancelled: boolean) => {
    const parentId = form.id.replace('reply-form-', '');
    form.remove();
    if (cancelled) {
      (document.querySelector(`#comment-${parentId} .comment__reply`) as HTMLElement | null)?.focus();
      announce('Reply cancelled.');
    }
  };

  section.addEventListener('click', (event) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    const link = (event.target as Element | null)?.closest('a');
    if (!link || !section.contains(link)) return;
    if (link.matches('.comment__reply')) {
      if (openReply(link)) event.preventDefault();
    } else if (link.matches('.comments__more a')) {
      event.preventDefault();
      void thread.loadMore(link);
    } else if (link.matches('.comments__sort a')) {
      event.preventDefault();
      void thread.changeSort(link);
    } else if (link.matches('.comments__more-replies a')) {
      event.preventDefault();
      void thread.moreReplies(link);
    }
  });
}
