import { useEffect, useState } from 'react';
import { isAbort, wireApi } from '../api/client';
import type { Article, ArticleWire, WireAlert } from '../api/types';
import { formatDateTime } from '../lib/format';
import { alertLabels, alertTone, DiffText, embargoText, PubStatusBadge, ResolveAlertButton } from '../pages/WireParts';
import { Badge } from '../ui/bits';
import { CheckboxField, ErrorAlert } from '../ui/Field';
import type { Draft } from './draft';
import type { Update } from './Sidebar';

/**
 * The wire copy an article carries: where it came from and on what terms, the agency's
 * updates, kills and corrections still to deal with, what the desk added to the agency's
 * text, and the credit it is published with. Read again after every save.
 */
export function WirePanel({
  article,
  draft,
  update,
  readOnly,
}: {
  article: Article;
  draft: Draft;
  update: Update;
  readOnly: boolean;
}) {
  const [wire, setWire] = useState<ArticleWire | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { id, version, status } = article;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version or status is a reason to read it again
  useEffect(() => {
    const controller = new AbortController();
    wireApi
      .articleWire(id, { signal: controller.signal })
      .then((answer) => {
        setWire(answer);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!isAbort(err)) setError(err);
      });
    return () => controller.abort();
  }, [id, version, status]);

  const resolved = (alert: WireAlert) =>
    setWire((w) => (w ? { ...w, alerts: w.alerts.filter((a) => a.id !== alert.id) } : w));

  if (error) {
    return (
      <section className="side-panel side-panel--static" aria-label="Wire copy">
        <div className="side-panel__body">
          <ErrorAlert error={error} />
        </div>
      </section>
    );
  }
  if (!wire || wire.sources.length === 0) return null;

  const embargo = embargoText(wire.embargoUntil);
  const showChanges = draft.showWireChanges ?? article.showWireChanges ?? wire.showWireChanges;
  const added = wire.added;
  return (
    <section className="side-panel side-panel--static wire-panel" aria-labelledby="wire-panel-title">
      <h2 id="wire-panel-title" className="side-panel__title">
        Wire copy
      </h2>
      <div className="side-panel__body">
        {embargo ? (
          <p className="wire-flag wire-flag--embargo">
            <strong>{embargo}</strong>. Publishing is refused before then; schedule it for that time or later.
          </p>
        ) : null}
        {wire.sources.some((s) => s.pubStatus && s.pubStatus !== 'usable') ? (
          <p className="wire-flag wire-flag--danger">
            The agency has killed or withheld copy in this article. Do not publish it as it stands.
          </p>
        ) : null}

        <h3 className="side-panel__subtitle">Credit</h3>
        <p className="wire-panel__credit">
          {wire.creditLine ? <q>{wire.creditLine}</q> : <span className="muted">None yet</span>}
        </p>
        <p className="muted small">
          {wire.verbatim
            ? 'Published as received: the agency is credited alone.'
            : 'The desk has changed the agency’s copy: the credit says so.'}{' '}
          It follows the saved text.
        </p>

        {wire.alerts.length > 0 ? (
          <>
            <h3 className="side-panel__subtitle">Alerts ({wire.alerts.length})</h3>
            <ul className="wire-alerts">
              {wire.alerts.map((alert) => (
                <li key={alert.id} className="wire-alert">
                  <p>
                    <Badge tone={alertTone[alert.kind]}>{alertLabels[alert.kind]}</Badge>{' '}
                    <span className="muted">{formatDateTime(alert.createdAt)}</span>
                  </p>
                  <p>{alert.message}</p>
                  {alert.diff ? (
                    <details>
                      <summary>
                        What changed from version {alert.diff.fromVersion} to {alert.diff.toVersion}
                      </summary>
                      <DiffText parts={alert.diff.headline} />
                      <DiffText parts={alert.diff.body} />
                    </details>
                  ) : null}
                  {article.abilities.edit ? <ResolveAlertButton alert={alert} onResolved={resolved} /> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}

        <h3 className="side-panel__subtitle">What the desk added</h3>
        {added === null || wire.verbatim ? (
          <p className="muted small">Nothing yet: the text is the agency’s, as received.</p>
        ) : (
          <>
            <p className="small">
              {added.added.length} {added.added.length === 1 ? 'paragraph' : 'paragraphs'} added
              {added.removedCount > 0
                ? `; ${added.removedCount} of the agency’s ${added.removedCount === 1 ? 'paragraph' : 'paragraphs'} removed or rewritten`
                : ''}
              {added.headlineChanged ? '; the headline changed' : ''}.
            </p>
            {added.added.length > 0 ? (
              <ul className="wire-panel__added" aria-label="Paragraphs the desk wrote">
                {added.added.map((paragraph) => (
                  <li key={paragraph}>
                    <ins>{paragraph}</ins>
                  </li>
                ))}
              </ul>
            ) : null}
            <details className="wire-panel__diff" open>
              <summary>Word by word against the agency’s copy</summary>
              <p className="diff-legend">
                <ins>Underlined</ins>: added by the desk. <del>Struck through</del>: removed from the agency’s copy.
              </p>
              {added.headlineChanged ? <DiffText parts={added.headline} /> : null}
              <DiffText parts={added.body} />
            </details>
          </>
        )}
        <CheckboxField
          label="Show readers what the desk added"
          checked={showChanges}
          disabled={readOnly}
          onChange={(e) => update({ showWireChanges: e.target.checked })}
          hint="A transparency note under the story lists the paragraphs the desk wrote."
        />

        <h3 className="side-panel__subtitle">Provenance</h3>
        {wire.sources.map((source) => (
          <dl key={`${source.itemId}`} className="meta-list wire-panel__source">
            <dt>Source</dt>
            <dd>
              {source.source.name} <PubStatusBadge status={source.pubStatus} />
            </dd>
            {source.originalUrl && /^https?:/i.test(source.originalUrl) ? (
              <>
                <dt>Original</dt>
                <dd>
                  <a href={source.originalUrl} target="_blank" rel="noopener noreferrer nofollow">
                    {source.originalHeadline || 'The agency’s story'}
                  </a>
                </dd>
              </>
            ) : null}
            <dt>Version</dt>
            <dd>
              {source.itemVersion}
              {source.latestVersion > source.itemVersion ? (
                <Badge tone="warning">version {source.latestVersion} received</Badge>
              ) : null}
            </dd>
            <dt>Fetched</dt>
            <dd>
              <time dateTime={source.fetchedAt}>{formatDateTime(source.fetchedAt)}</time>
            </dd>
            <dt>Adopted</dt>
            <dd>
              {formatDateTime(source.adoptedAt)}
              {source.adoptedBy ? ` by ${source.adoptedBy.name}` : ''}
            </dd>
            <dt>Usage terms</dt>
            <dd>{source.usageTerms || 'None given'}</dd>
            <dt>Copyright</dt>
            <dd>{source.copyrightNotice || 'None given'}</dd>
          </dl>
        ))}
      </div>
    </section>
  );
}
