import { type MutableRefObject, useEffect, useLayoutEffect, useState } from 'react';
import { isAbort, wireApi } from '../api/client';
import type { WireItem, WireItemDetail, WireVersionDiff } from '../api/types';
import { useCollection } from '../lib/collections';
import { formatDateTime } from '../lib/format';
import { Link } from '../lib/router';
import { useCan } from '../lib/session';
import { Badge, Loading, StatusBadge } from '../ui/bits';
import { CheckboxField, ErrorAlert, fieldError, SelectField } from '../ui/Field';
import { DiffText, EmbargoBadge, embargoText, PubStatusBadge, signalText, WireHtml } from './WireParts';

/** One article takes at most this many agency items (the server's limit). */
const maxTogether = 5;

export interface PreviewActions {
  adopt: () => void;
  toggleIgnore: () => void;
}

interface PreviewProps {
  itemId: number;
  busy: boolean;
  onChanged: (item: WireItemDetail) => void;
  /** Makes the draft and opens it; throws the server's refusal. */
  onAdopt: (itemIds: number[], sectionId: number | null) => Promise<void>;
  onNotify: (message: string) => void;
  /** The keyboard shortcuts of the inbox act through these. */
  actionsRef: MutableRefObject<PreviewActions | null>;
}

/** The selected wire item in full, its similar reports side by side, and what the desk can do with it. */
export function WirePreview({ itemId, busy, onChanged, onAdopt, onNotify, actionsRef }: PreviewProps) {
  const can = useCan();
  const sections = useCollection('sections');
  const [item, setItem] = useState<WireItemDetail | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const [sectionId, setSectionId] = useState<number | null>(null);
  const [together, setTogether] = useState<number[]>([]);
  const [compareId, setCompareId] = useState<number | null>(null);
  const [working, setWorking] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    wireApi
      .item(itemId, { signal: controller.signal })
      .then((loaded) => {
        setItem(loaded);
        setSectionId(
          loaded.defaultSectionId ?? loaded.similar.find((s) => s.defaultSectionId)?.defaultSectionId ?? null,
        );
        setCompareId(loaded.similar[0]?.id ?? null);
      })
      .catch((err: unknown) => {
        if (!isAbort(err)) setLoadError(err);
      });
    return () => controller.abort();
  }, [itemId]);

  const canAdopt = can('articles.create');

  const adopt = async (ids: number[]) => {
    if (working || busy) return;
    setWorking(true);
    setError(null);
    try {
      await onAdopt(ids, sectionId);
    } catch (err) {
      setError(err);
      setWorking(false);
    }
  };

  const toggleIgnore = async () => {
    if (!item || working || busy) return;
    setWorking(true);
    setError(null);
    try {
      const changed = item.status === 'ignored' ? await wireApi.unignore(item.id) : await wireApi.ignore(item.id);
      setItem(changed);
      onNotify(
        changed.status === 'ignored' ? `Ignored: ${changed.headline}` : `Back in the inbox: ${changed.headline}`,
      );
      onChanged(changed);
    } catch (err) {
      setError(err);
    } finally {
      setWorking(false);
    }
  };

  // Before paint, so a key pressed as soon as the item shows acts on it.
  useLayoutEffect(() => {
    actionsRef.current = item
      ? {
          adopt: () => {
            if (canAdopt) void adopt([item.id, ...together]);
          },
          toggleIgnore: () => void toggleIgnore(),
        }
      : null;
  });
  useEffect(
    () => () => {
      actionsRef.current = null;
    },
    [actionsRef],
  );

  if (loadError) {
    return (
      <section className="wire-preview" aria-label="Preview">
        <ErrorAlert error={loadError} />
      </section>
    );
  }
  if (!item) {
    return (
      <section className="wire-preview" aria-label="Preview">
        <Loading />
      </section>
    );
  }

  const compared = item.similar.find((s) => s.id === compareId) ?? null;
  const usable = item.pubStatus === 'usable';
  const toggleTogether = (id: number, on: boolean) =>
    setTogether((list) => (on ? [...list, id] : list.filter((x) => x !== id)));

  return (
    <section className="wire-preview" aria-labelledby="wire-preview-title">
      <div className="wire-preview__actions">
        {canAdopt ? (
          <SelectField
            label="File the draft in"
            value={sectionId ?? ''}
            onChange={(e) => setSectionId(e.target.value ? Number(e.target.value) : null)}
            error={fieldError(error, 'sectionId')}
          >
            <option value="">Choose a section</option>
            {sections.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="button-row">
          {canAdopt ? (
            <button
              type="button"
              className="button button--primary"
              disabled={working || busy || !usable}
              onClick={() => void adopt([item.id])}
              aria-keyshortcuts="a"
            >
              {item.status === 'adopted' ? 'Adopt again' : 'Adopt'}
            </button>
          ) : null}
          {canAdopt && together.length > 0 ? (
            <button
              type="button"
              className="button button--primary"
              disabled={working || busy || !usable}
              onClick={() => void adopt([item.id, ...together])}
            >
              Adopt with {together.length} similar {together.length === 1 ? 'report' : 'reports'}
            </button>
          ) : null}
          {item.status !== 'adopted' ? (
            <button
              type="button"
              className="button"
              disabled={working || busy}
              onClick={() => void toggleIgnore()}
              aria-keyshortcuts="i"
            >
              {item.status === 'ignored' ? 'Bring back to the inbox' : 'Ignore'}
            </button>
          ) : null}
          {item.url && /^https?:/i.test(item.url) ? (
            <a className="button button--ghost" href={item.url} target="_blank" rel="noopener noreferrer nofollow">
              Original
            </a>
          ) : null}
        </div>
        {!usable ? (
          <p className="wire-flag wire-flag--danger" role="note">
            {item.pubStatus === 'canceled'
              ? `${item.source.name} killed this story: it must not be published.`
              : `${item.source.name} withheld this story: do not publish it until they release it.`}
          </p>
        ) : null}
        {!canAdopt ? (
          <p className="muted small">Your role cannot create articles, so it cannot adopt wire copy.</p>
        ) : null}
        <ErrorAlert error={error} fields={['sectionId']} />
      </div>

      <div className={item.similar.length > 0 ? 'wire-compare' : undefined}>
        <WireCopy item={item} titleId="wire-preview-title" full />
        {item.similar.length > 0 ? (
          <aside className="wire-similar" aria-labelledby="wire-similar-title">
            <h3 id="wire-similar-title" className="wire-similar__title">
              Similar reports ({item.similar.length})
            </h3>
            {canAdopt ? (
              <fieldset className="wire-similar__together">
                <legend>Adopt together (one draft, every source credited)</legend>
                {item.similar.map((s) => (
                  <CheckboxField
                    key={s.id}
                    label={`${s.source.name}: ${s.headline}`}
                    checked={together.includes(s.id)}
                    disabled={
                      s.pubStatus !== 'usable' || (!together.includes(s.id) && together.length >= maxTogether - 1)
                    }
                    hint={s.pubStatus !== 'usable' ? 'Killed or withheld by its agency' : undefined}
                    onChange={(e) => toggleTogether(s.id, e.target.checked)}
                  />
                ))}
              </fieldset>
            ) : null}
            {item.similar.length > 1 ? (
              <SelectField
                label="Compare with"
                value={compareId ?? ''}
                onChange={(e) => setCompareId(Number(e.target.value))}
              >
                {item.similar.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.source.name}: {s.headline}
                  </option>
                ))}
              </SelectField>
            ) : null}
            {compared ? <WireCopy item={compared} titleId={`wire-similar-${compared.id}`} /> : null}
          </aside>
        ) : null}
      </div>
    </section>
  );
}

/** One agency item as the desk reads it: flags first, then the copy, then the terms. */
function WireCopy({
  item,
  titleId,
  full = false,
}: {
  item: WireItem | WireItemDetail;
  titleId: string;
  full?: boolean;
}) {
  // The selected item is the preview's h2; a similar one sits under the h3 "Similar reports".
  const level = full ? 2 : 4;
  const Heading = `h${level}` as 'h2' | 'h4';
  const Label = `h${level + 1}` as 'h3' | 'h5';
  const embargo = embargoText(item.embargoUntil);
  const versions = 'versions' in item ? item.versions : [];
  return (
    <article className="wire-copy" aria-labelledby={titleId}>
      <Heading id={titleId} className="wire-copy__headline">
        {item.headline || '(no headline)'}
      </Heading>
      {embargo ? (
        <p className="wire-flag wire-flag--embargo">
          <strong>{embargo}</strong>: it cannot be published before then.
        </p>
      ) : null}
      <p className="wire-copy__flags">
        <PubStatusBadge status={item.pubStatus} />
        <EmbargoBadge until={full ? null : item.embargoUntil} />
        {item.signals.map((s) => (
          <Badge key={s} tone="warning">
            {signalText(s)}
          </Badge>
        ))}
      </p>
      <dl className="meta-list">
        <dt>Source</dt>
        <dd>{item.source.name}</dd>
        {item.bylines.length > 0 ? (
          <>
            <dt>By</dt>
            <dd>{item.bylines.join(', ')}</dd>
          </>
        ) : null}
        {item.dateline ? (
          <>
            <dt>Dateline</dt>
            <dd>{item.dateline}</dd>
          </>
        ) : null}
        {item.publishedAt ? (
          <>
            <dt>Sent</dt>
            <dd>
              <time dateTime={item.publishedAt}>{formatDateTime(item.publishedAt)}</time>
            </dd>
          </>
        ) : null}
        <dt>Received</dt>
        <dd>
          <time dateTime={item.firstSeenAt}>{formatDateTime(item.firstSeenAt)}</time>
        </dd>
        <dt>Version</dt>
        <dd>
          {item.version}
          {item.sourceVersion ? ` (agency's ${item.sourceVersion})` : ''}
          {item.version > 1 ? ` · updated ${formatDateTime(item.updatedAt)}` : ''}
        </dd>
        {item.expiresAt ? (
          <>
            <dt>Expires</dt>
            <dd>
              <time dateTime={item.expiresAt}>{formatDateTime(item.expiresAt)}</time>
            </dd>
          </>
        ) : null}
        {item.subjects.length > 0 ? (
          <>
            <dt>Subjects</dt>
            <dd>{item.subjects.map((s) => s.name).join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {item.problems.length > 0 ? (
        <div className="notice notice--warning">
          <p>
            <strong>Problems with this item as received</strong>
          </p>
          <ul>
            {item.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {item.edNote ? (
        <p className="notice">
          <strong>Note to editors (not for publication):</strong> {item.edNote}
        </p>
      ) : null}
      {item.summary ? <p className="wire-copy__summary">{item.summary}</p> : null}
      <WireHtml html={item.bodyHtml} headingLevel={level} />
      {item.images.length > 0 ? (
        <div className="wire-copy__images">
          <Label className="wire-copy__label">Images offered</Label>
          <ul>
            {item.images.map((image) => (
              <li key={image.url}>
                {image.caption || image.alt || 'An image without caption'}
                {image.credit ? ` (${image.credit})` : ''}
                {/^https?:/i.test(image.url) ? (
                  <>
                    {' · '}
                    <a href={image.url} target="_blank" rel="noopener noreferrer nofollow">
                      open
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl className="meta-list wire-copy__terms">
        <dt>Usage terms</dt>
        <dd>{item.usageTerms || 'None given'}</dd>
        <dt>Copyright</dt>
        <dd>{item.copyrightNotice || 'None given'}</dd>
      </dl>
      {item.articles.length > 0 ? (
        <div className="wire-copy__articles">
          <Label className="wire-copy__label">In articles</Label>
          <ul>
            {item.articles.map((a) => (
              <li key={a.id}>
                <Link to={`/articles/${a.id}`}>{a.headline || `Article ${a.id}`}</Link>{' '}
                <StatusBadge status={a.status} />
                {a.relationship ? <span className="muted"> · {a.relationship}</span> : null}
                <span className="muted"> · from version {a.itemVersion}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {versions.length > 1 ? <Versions itemId={item.id} versions={versions} /> : null}
    </article>
  );
}

function Versions({ itemId, versions }: { itemId: number; versions: WireItemDetail['versions'] }) {
  const [open, setOpen] = useState(false);
  const [diff, setDiff] = useState<WireVersionDiff | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!open || diff) return;
    const controller = new AbortController();
    wireApi
      .versionDiff(itemId, { signal: controller.signal })
      .then(setDiff)
      .catch((err: unknown) => {
        if (!isAbort(err)) setError(err);
      });
    return () => controller.abort();
  }, [open, diff, itemId]);
  return (
    <details className="wire-versions" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{versions.length} versions received · what changed in the latest</summary>
      <ol className="wire-versions__list">
        {versions.map((v) => (
          <li key={v.version}>
            Version {v.version} · <time dateTime={v.fetchedAt}>{formatDateTime(v.fetchedAt)}</time>
            {v.signals.length ? ` · ${v.signals.map(signalText).join(', ')}` : ''}
            {v.pubStatus !== 'usable' ? ` · ${v.pubStatus === 'canceled' ? 'killed' : 'withheld'}` : ''}
          </li>
        ))}
      </ol>
      {error ? <ErrorAlert error={error} /> : null}
      {open && !diff && !error ? <Loading /> : null}
      {diff ? (
        <div>
          <p className="diff-legend">
            Version {diff.fromVersion} to {diff.toVersion}: <ins>added</ins>, <del>removed</del>.
          </p>
          <DiffText parts={diff.headline} />
          <DiffText parts={diff.body} />
        </div>
      ) : null}
    </details>
  );
}
