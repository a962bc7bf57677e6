import { useEffect, useState } from 'react';
import { isAbort, wireApi } from '../api/client';
import type { OpenWireAlert } from '../api/types';
import { formatDateTime } from '../lib/format';
import { Link } from '../lib/router';
import { Badge } from '../ui/bits';
import { useToast } from '../ui/Dialog';
import { ErrorAlert, errorMessage } from '../ui/Field';
import { alertLabels, alertTone } from './WireParts';

/**
 * The agencies' updates, kills, corrections and embargo moves to copy the desk adopted, still
 * to deal with, across the newsroom: each names its article (the editor shows the diff) and
 * can be marked as dealt with here. Nothing is shown when there is nothing to do.
 */
export function OpenWireAlerts() {
  const toast = useToast();
  const [alerts, setAlerts] = useState<OpenWireAlert[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [resolving, setResolving] = useState<number | null>(null);

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

  const resolve = async (alert: OpenWireAlert) => {
    setResolving(alert.id);
    try {
      await wireApi.resolveAlert(alert.id);
      setAlerts((list) => list.filter((a) => a.id !== alert.id));
      toast(`Marked as dealt with: ${alert.article.headline}`);
    } catch (err) {
      toast(errorMessage(err));
    } finally {
      setResolving(null);
    }
  };

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
            <button
              type="button"
              className="button button--small"
              disabled={resolving === alert.id}
              onClick={() => void resolve(alert)}
            >
              Mark as dealt with
              <span className="visually-hidden">: {alert.article.headline}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
