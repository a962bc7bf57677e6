import { useEffect, useState } from 'react';
import { isAbort, wireApi } from '../api/client';
import type { OpenWireAlert } from '../api/types';
import { formatDateTime } from '../lib/format';
import { Link } from '../lib/router';
import { Badge } from '../ui/bits';
import { ErrorAlert } from '../ui/Field';
import { alertLabels, alertTone, ResolveAlertButton } from './WireParts';

/**
 * The agencies' updates, kills, corrections and embargo moves to copy the desk adopted, still
 * to deal with, across the newsroom: each names its article (the editor shows the diff) and
 * can be marked as dealt with here. Nothing is shown when there is nothing to do.
 */
export function OpenWireAlerts() {
  const [alerts, setAlerts] = useState<OpenWireAlert[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    wireApi
      .openAlerts({ signal: controller.signal })
      .then((answer) => setAlerts(answer.items))
      .catch((err: unknown) => {
        if (!isAbort(err)) setError(err);
      });
    return () => controller.abort();
  }, []);

  if (error) return <ErrorAlert error={error} />;
  if (alerts.length === 0) return null;
  return (
    <section className="wire-open-alerts" aria-labelledby="wire-open-alerts-title">
      <h2 id="wire-open-alerts-title" className="wire-open-alerts__title">
        Agency changes to deal with ({alerts.length})
      </h2>
      <ul className="wire-alerts">
        {alerts.map((alert) => (
          <li key={alert.id} className="wire-alert">
            <p>
              <Badge tone={alertTone[alert.kind]}>{alertLabels[alert.kind]}</Badge>{' '}
              <Link to={`/articles/${alert.article.id}`}>{alert.article.headline || 'Untitled article'}</Link>{' '}
              <span className="muted">{formatDateTime(alert.createdAt)}</span>
            </p>
            <p>{alert.message}</p>
            {alert.canResolve ? (
              <ResolveAlertButton
                alert={alert}
                about={alert.article.headline}
                onResolved={() => setAlerts((list) => list.filter((a) => a.id !== alert.id))}
              />
            ) : (
              <p className="muted small">The article’s author or an editor deals with this.</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
