import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort, type WireInboxFilter, wireApi } from '../api/client';
import {
  type WireItemDetail,
  type WireItemStatus,
  type WireItemSummary,
  type WireSource,
  wireItemStatuses,
} from '../api/types';
import { useCollection } from '../lib/collections';
import { formatDateTime } from '../lib/format';
import { href, Link, navigate, setQuery, useLocation } from '../lib/router';
import { useCan } from '../lib/session';
import { Badge, Loading, PageHeader } from '../ui/bits';
import { useToast } from '../ui/Dialog';
import { ErrorAlert, SelectField, TextField } from '../ui/Field';
import { OpenWireAlerts } from './WireAlerts';
import { AddFromUrlForm, EmbargoBadge, itemStatusLabels, PubStatusBadge } from './WireParts';
import { WirePreview } from './WirePreview';

const pageSize = 30;

/** Keys typed into a field are text, not commands. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

const statusTone: Record<WireItemStatus, string> = { new: 'scheduled', ignored: 'unpublished', adopted: 'published' };

/** The inbox's filters, from the address: the desk can bookmark and share a view. */
function filterOf(query: URLSearchParams): WireInboxFilter {
  const status = query.get('status');
  const number = (key: string) => {
    const n = Number(query.get(key));
    return Number.isInteger(n) && n > 0 ? n : null;
  };
  return {
    source: number('source'),
    section: number('section'),
    // The inbox opens on what is waiting; "all" shows every status.
    status: status === 'all' ? null : wireItemStatuses.includes(status as WireItemStatus) ? status : 'new',
    q: query.get('q')?.trim() || null,
  };
}

const matches = (filter: WireInboxFilter, item: Pick<WireItemSummary, 'status'>) =>
  !filter.status || filter.status === item.status;

export function WireInboxPage() {
  const { query } = useLocation();
  const can = useCan();
  const toast = useToast();
  const sections = useCollection('sections');
  const filter = filterOf(query);
  const filterKey = JSON.stringify(filter);
  const requestedItem = Number(query.get('item')) || null;

  const [sources, setSources] = useState<WireSource[]>([]);
  const [items, setItems] = useState<WireItemSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [activeId, setActiveId] = useState<number | null>(requestedItem);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState(filter.q ?? '');
  const rowRefs = useRef(new Map<number, HTMLElement>());
  /** Set by the preview: its adopt and ignore actions, for the keyboard. */
  const actions = useRef<{ adopt: () => void; toggleIgnore: () => void } | null>(null);

  useEffect(() => {
    wireApi
      .sources()
      .then((answer) => setSources(answer.items))
      .catch(() => setSources([]));
  }, []);

  // A newly added item (Add from URL) opens in the preview.
  useEffect(() => {
    if (requestedItem !== null) setActiveId(requestedItem);
  }, [requestedItem]);

  const load = useCallback(
    async (before: string | null, signal?: AbortSignal) => {
      setLoading(true);
      try {
        const current = JSON.parse(filterKey) as WireInboxFilter;
        const page = await wireApi.inbox({ ...current, before, limit: pageSize }, signal ? { signal } : undefined);
        setItems((list) => (before ? [...list, ...page.items] : page.items));
        setNext(page.nextCursor);
        setError(null);
        if (!before) setActiveId((id) => id ?? page.items[0]?.id ?? null);
      } catch (err) {
        if (!isAbort(err)) setError(err);
      } finally {
        if (!signal?.aborted) setLoading(false);
      }
    },
    [filterKey],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: an item just added (requestedItem) is a reason to read the list again
  useEffect(() => {
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
  }, [load, requestedItem]);

  // The search box applies itself when typing pauses.
  useEffect(() => {
    const typed = text.trim();
    if (typed === (filter.q ?? '')) return;
    const timer = window.setTimeout(() => setQuery({ ...Object.fromEntries(query), q: typed, item: null }), 350);
    return () => window.clearTimeout(timer);
  }, [text, filter.q, query]);

  const setFilter = (key: string, value: string) =>
    setQuery({ ...Object.fromEntries(query), [key]: value, item: null });

  const activeIndex = items.findIndex((i) => i.id === activeId);
  const move = useCallback(
    (step: number) => {
      if (items.length === 0) return;
      const index = activeIndex < 0 ? 0 : Math.min(Math.max(0, activeIndex + step), items.length - 1);
      const id = items[index]?.id;
      if (id === undefined) return;
      setActiveId(id);
      const row = rowRefs.current.get(id);
      row?.focus({ preventScroll: true });
      row?.scrollIntoView?.({ block: 'nearest' });
    },
    [activeIndex, items],
  );

  /** The preview changed an item: update its row, or drop it when it no longer fits the filter. */
  const applyItem = useCallback(
    (item: WireItemDetail) => {
      const current = JSON.parse(filterKey) as WireInboxFilter;
      setItems((list) => {
        const index = list.findIndex((i) => i.id === item.id);
        if (index < 0) return list;
        if (matches(current, item)) return list.map((i) => (i.id === item.id ? { ...i, ...item } : i));
        // The next row takes the place of the one that left, as in the moderation queue.
        const following = list[index + 1] ?? list[index - 1];
        setActiveId(following?.id ?? null);
        return list.filter((i) => i.id !== item.id);
      });
    },
    [filterKey],
  );

  const adopt = useCallback(
    async (itemIds: number[], sectionId: number | null) => {
      setBusy(true);
      try {
        const draft = await wireApi.adopt(itemIds, sectionId);
        const missing = draft.pictureProblems ?? [];
        toast(
          `Draft created from wire copy: ${draft.headline}` +
            (missing.length > 0 ? `. Left out: ${missing.join('; ')}` : ''),
        );
        await navigate(href(`/articles/${draft.id}`));
      } catch (err) {
        setBusy(false);
        throw err;
      }
    },
    [toast],
  );

  // Keyboard shortcuts for the whole page, never while typing or with a dialog open.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (typing(event.target) || document.querySelector('dialog[open]')) return;
      if (event.key === 'j') move(1);
      else if (event.key === 'k') move(-1);
      else if (busy || !actions.current) return;
      else if (event.key === 'a') actions.current.adopt();
      else if (event.key === 'i') actions.current.toggleIgnore();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [busy, move]);

  const sectionName = (id: number | null) => sections.items.find((s) => s.id === id)?.name ?? null;

  return (
    <>
      <PageHeader
        title="Wire"
        actions={
          can('wire.manage') ? (
            <Link to="/wire/sources" className="button">
              Wire sources
            </Link>
          ) : null
        }
      >
        <p className="muted">
          Agency copy as it arrives, newest first. Adopt a story to make a draft that keeps its credit.
        </p>
      </PageHeader>

      <OpenWireAlerts />

      <search className="filters" aria-label="Filter the wire">
        <SelectField label="Source" value={filter.source ?? ''} onChange={(e) => setFilter('source', e.target.value)}>
          <option value="">Every source</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Section"
          title="Items of sources filed in this section by default"
          value={filter.section ?? ''}
          onChange={(e) => setFilter('section', e.target.value)}
        >
          <option value="">Every section</option>
          {sections.items.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Status"
          value={filter.status ?? 'all'}
          onChange={(e) => setFilter('status', e.target.value === 'new' ? '' : e.target.value)}
        >
          {wireItemStatuses.map((s) => (
            <option key={s} value={s}>
              {itemStatusLabels[s]}
            </option>
          ))}
          <option value="all">Any status</option>
        </SelectField>
        <TextField
          label="Search"
          type="search"
          value={text}
          placeholder="Words in the headline or summary"
          onChange={(e) => setText(e.target.value)}
          fieldClassName="field--grow"
        />
      </search>

      <AddFromUrlForm />

      <div className="wire-desk">
        <section className="wire-desk__list" aria-labelledby="wire-list-title">
          <div className="wire-desk__list-head">
            <h2 id="wire-list-title" className="visually-hidden">
              Wire items
            </h2>
            <p className="muted moderation__keys" id="wire-keys">
              Keys: <kbd>j</kbd> / <kbd>k</kbd> next / previous · <kbd>a</kbd> adopt · <kbd>i</kbd> ignore or bring back
            </p>
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => void load(null)}
              disabled={loading}
            >
              Refresh
            </button>
          </div>
          {error ? <ErrorAlert error={error} /> : null}
          {loading && items.length === 0 ? (
            <Loading />
          ) : items.length === 0 ? (
            <div className="empty">
              <p>
                {filter.q || filter.source || filter.section
                  ? 'No wire items match these filters.'
                  : filter.status === 'new'
                    ? 'Nothing waiting: every wire item has been looked at.'
                    : 'No wire items here.'}
              </p>
            </div>
          ) : (
            <ol className="wire-list" aria-describedby="wire-keys">
              {items.map((item) => (
                <InboxRow
                  key={item.id}
                  item={item}
                  active={item.id === activeId}
                  sectionName={sectionName(item.defaultSectionId)}
                  rowRef={(el) => {
                    if (el) rowRefs.current.set(item.id, el);
                    else rowRefs.current.delete(item.id);
                  }}
                  onSelect={() => setActiveId(item.id)}
                />
              ))}
            </ol>
          )}
          {next ? (
            <button type="button" className="button" disabled={loading} onClick={() => void load(next)}>
              Load more
            </button>
          ) : null}
        </section>

        {activeId !== null ? (
          <WirePreview
            key={activeId}
            itemId={activeId}
            busy={busy}
            onChanged={applyItem}
            onAdopt={adopt}
            onNotify={(message) => toast(message)}
            actionsRef={actions}
          />
        ) : (
          <section className="wire-preview wire-preview--empty" aria-label="Preview">
            <p className="muted">Choose an item to read it here.</p>
          </section>
        )}
      </div>
    </>
  );
}

function InboxRow({
  item,
  active,
  sectionName,
  rowRef,
  onSelect,
}: {
  item: WireItemSummary;
  active: boolean;
  sectionName: string | null;
  rowRef: (el: HTMLElement | null) => void;
  onSelect: () => void;
}) {
  const when = item.publishedAt ?? item.firstSeenAt;
  return (
    <li
      ref={rowRef}
      tabIndex={-1}
      className={[
        'wire-row',
        active ? 'wire-row--active' : '',
        item.pubStatus !== 'usable' ? 'wire-row--killed' : '',
      ].join(' ')}
      aria-current={active ? 'true' : undefined}
      onFocus={onSelect}
    >
      <button type="button" className="wire-row__headline" onClick={onSelect}>
        {item.headline || '(no headline)'}
      </button>
      <p className="wire-row__meta muted">
        <span>{item.source.name}</span>
        {sectionName ? <span> · {sectionName}</span> : null}
        {' · '}
        <time dateTime={when}>{formatDateTime(when)}</time>
        {item.version > 1 ? <span> · version {item.version}</span> : null}
      </p>
      <p className="wire-row__flags">
        <Badge tone={statusTone[item.status]}>{itemStatusLabels[item.status]}</Badge>
        <EmbargoBadge until={item.embargoUntil} />
        <PubStatusBadge status={item.pubStatus} />
        {item.clusterSize > 1 ? (
          <Badge tone="slot">
            {item.clusterSize - 1} similar {item.clusterSize === 2 ? 'report' : 'reports'}
          </Badge>
        ) : null}
        {item.problemCount > 0 ? (
          <Badge tone="warning">
            {item.problemCount} {item.problemCount === 1 ? 'problem' : 'problems'}
          </Badge>
        ) : null}
        {item.origin === 'url' ? <Badge>From a web page</Badge> : null}
      </p>
    </li>
  );
}
