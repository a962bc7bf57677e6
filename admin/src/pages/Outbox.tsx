import { useState } from 'react';
import { queryString } from '../api/client';
import type { List, OutboxMessage } from '../api/types';
import { formatDateTime } from '../lib/format';
import { useApi } from '../lib/useApi';
import { Async, Badge, PageHeader, Pagination } from '../ui/bits';

const statusTone = (status: string) => (status === 'sent' ? 'published' : status === 'failed' ? 'failed' : 'neutral');

export function OutboxPage() {
  const [page, setPage] = useState(1);
  const list = useApi<List<OutboxMessage>>(`/outbox${queryString({ page })}`);
  return (
    <>
      <PageHeader
        title="Outbox"
        actions={
          <button type="button" className="button" onClick={list.reload}>
            Refresh
          </button>
        }
      >
        <p className="muted">
          Every email the newsroom sends: invitations, password resets, notifications. Without a mail server configured,
          messages are kept here instead of being sent.
        </p>
      </PageHeader>
      <Async loading={list.loading} error={list.error} hasData={list.data !== undefined}>
        {list.data?.items.length === 0 ? <p className="empty">No mail yet.</p> : null}
        <ul className="outbox">
          {list.data?.items.map((m) => (
            <li key={m.id} className="outbox__item">
              <details>
                <summary>
                  <span className="outbox__subject">{m.subject}</span>
                  <span className="outbox__meta">
                    to {m.to} · <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time> · {m.kind}
                  </span>
                  <Badge tone={statusTone(m.status)}>{m.status}</Badge>
                </summary>
                <dl className="meta-list">
                  <dt>Attempts</dt>
                  <dd>{m.attempts}</dd>
                  {m.sentAt ? (
                    <>
                      <dt>Sent</dt>
                      <dd>{formatDateTime(m.sentAt)}</dd>
                    </>
                  ) : null}
                  {m.lastError ? (
                    <>
                      <dt>Last error</dt>
                      <dd className="field__error">{m.lastError}</dd>
                    </>
                  ) : null}
                </dl>
                <pre className="outbox__text">{m.text}</pre>
              </details>
            </li>
          ))}
        </ul>
        {list.data ? (
          <Pagination page={list.data.page} limit={list.data.limit} total={list.data.total} onPage={setPage} />
        ) : null}
      </Async>
    </>
  );
}
