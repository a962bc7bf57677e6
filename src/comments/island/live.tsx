import { render } from 'preact';
import { announce, focusOn, plural } from './announce.js';
import { call } from './api.js';
import type { Fragment, Thread } from './thread.js';

interface Announced {
  id: number;
  parentId: number | null;
  rootId: number;
}

/** Fixed to the window's edge by the stylesheet: showing it moves nothing on the page. */
function NewComments({ count, onShow }: { count: number; onShow: () => void }) {
  if (count === 0) return null;
  return (
    <button type="button" class="comments__live-button" onClick={onShow}>
      {count === 1 ? '1 new comment — show it' : `${count.toLocaleString('en')} new comments — show them`}
    </button>
  );
}

/**
 * Live "new comments": the article's event stream says a comment joined the thread; the
 * reader is offered a button, and nothing moves under them until they press it. Then the
 * comments are fetched, placed, and focus goes to the first.
 */
export function startLive(section: HTMLElement, thread: Thread): { forget(id: number): void } {
  const waiting = new Map<number, Announced>();
  const box = document.createElement('div');
  box.className = 'comments__live';
  section.append(box);
  let lastSaid = 0;
  let sayLater: number | undefined;

  const draw = () => render(<NewComments count={waiting.size} onShow={show} />, box);
  const tell = () => {
    // At most one announcement in ten seconds, however busy the thread.
    window.clearTimeout(sayLater);
    const wait = Math.max(0, lastSaid + 10_000 - Date.now());
    sayLater = window.setTimeout(() => {
      if (waiting.size === 0) return;
      lastSaid = Date.now();
      announce(
        `${plural(waiting.size, 'new comment', 'new comments')}: the button at the bottom of the window shows them.`,
      );
    }, wait);
  };

  async function show(): Promise<void> {
    const asked = [...waiting.values()];
    if (asked.length === 0) return;
    const answer = await call<{ comments: Fragment[] }>(
      'GET',
      `/api/comments?articleId=${thread.articleId}&ids=${asked.map((a) => a.id).join(',')}`,
    );
    if (!answer.ok) return announce(answer.problem.message);
    for (const a of asked) waiting.delete(a.id);
    draw();
    const placed: HTMLElement[] = [];
    for (const fragment of answer.data.comments) {
      const rootId = asked.find((a) => a.id === fragment.id)?.rootId;
      const fresh = !thread.has(fragment.id);
      const article = thread.place(fragment, {
        ...(rootId ? { rootId } : {}),
        at: thread.sort === 'newest' ? 'start' : 'end',
      });
      if (fresh) thread.addToCount(1);
      if (article && fresh) placed.push(article);
    }
    const first = placed[0];
    if (first) focusOn(first);
    announce(
      placed.length > 0
        ? `${plural(placed.length, 'new comment', 'new comments')} shown.`
        : 'The new comments are in parts of the thread not shown here.',
    );
  }

  const connect = () => {
    const source = new EventSource(`/comments/${thread.articleId}/events`);
    source.addEventListener('comment', (event) => {
      let data: Announced;
      try {
        data = JSON.parse((event as MessageEvent<string>).data) as Announced;
      } catch {
        return;
      }
      if (!Number.isInteger(data.id) || thread.has(data.id) || waiting.has(data.id)) return;
      waiting.set(data.id, data);
      draw();
      tell();
    });
    // A refused stream (too many open, or the server busy) is tried again a minute later;
    // a dropped one the browser reconnects by itself.
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) window.setTimeout(connect, 60_000);
    });
  };
  connect();

  return {
    forget(id: number) {
      if (waiting.delete(id)) draw();
    },
  };
}
