import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { formatDateTime } from '../lib/format';
import { useApi } from '../lib/useApi';
import { Async, PageHeader } from '../ui/bits';
import { useConfirm, useToast } from '../ui/Dialog';
import { ErrorAlert, fieldError, TextField } from '../ui/Field';

// Shapes of /api/admin/content-keys (docs/admin-api.md).
interface ContentKey {
  id: number;
  name: string;
  /** The secret's last characters, to tell keys apart. */
  hint: string;
  createdAt: string;
  createdBy: { id: number; name: string } | null;
  lastUsedAt: string | null;
}

interface CreatedContentKey extends ContentKey {
  secret: string;
}

/** Keys for the read-only Content API (/api/content): made, listed and revoked here. */
export function ContentKeysPage() {
  const keys = useApi<{ items: ContentKey[] }>('/content-keys');
  const confirm = useConfirm();
  const toast = useToast();
  const [created, setCreated] = useState<CreatedContentKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const revoke = async (key: ContentKey) => {
    const ok = await confirm({
      title: `Revoke “${key.name}”?`,
      message: 'Anything using this key stops getting content at once. This cannot be undone; make a new key instead.',
      confirmLabel: 'Revoke key',
      danger: true,
    });
    if (!ok) return;
    setBusyId(key.id);
    setError(null);
    try {
      await api.delete(`/content-keys/${key.id}`);
      if (created?.id === key.id) setCreated(null);
      toast(`“${key.name}” was revoked`);
      keys.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusyId(null);
    }
  };

  const items = keys.data?.items ?? [];
  return (
    <>
      <PageHeader title="Content API keys">
        <p className="muted">
          A key lets a website, an app or a partner read published articles, sections, tags, authors and stories as JSON
          from <code>/api/content/</code> (send it as <code>?key=</code> or an <code>x-content-key</code> header). Keys
          only read what the site already shows; revoke one the moment it is no longer needed.
        </p>
      </PageHeader>
      <CreateKeyForm
        onCreated={(key) => {
          setCreated(key);
          keys.reload();
        }}
      />
      {created ? <NewSecret created={created} onDone={() => setCreated(null)} /> : null}
      <h2 className="section-title">Keys</h2>
      <ErrorAlert error={error} />
      <Async loading={keys.loading} error={keys.error} hasData={keys.data !== undefined}>
        {items.length === 0 ? (
          <p className="empty">No keys yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key</th>
                  <th scope="col">Made</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((key) => (
                  <tr key={key.id}>
                    <td>{key.name}</td>
                    <td>
                      <span className="visually-hidden">ending in </span>
                      <code>…{key.hint}</code>
                    </td>
                    <td>
                      {formatDateTime(key.createdAt)}
                      {key.createdBy ? <span className="muted"> by {key.createdBy.name}</span> : null}
                    </td>
                    <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : <span className="muted">Never</span>}</td>
                    <td className="table__actions">
                      <button
                        type="button"
                        className="button button--small button--danger-ghost"
                        disabled={busyId === key.id}
                        aria-label={`Revoke ${key.name}`}
                        onClick={() => void revoke(key)}
                      >
                        Revoke
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
    </>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedContentKey) => void }) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setProblem('Name the key after who will use it.');
      return;
    }
    setProblem(undefined);
    setBusy(true);
    setError(null);
    try {
      onCreated(await api.post<CreatedContentKey>('/content-keys', { name: name.trim() }));
      setName('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="new-key-title">
      <h2 id="new-key-title" className="panel__title">
        Make a key
      </h2>
      <form className="form-grid" onSubmit={submit} noValidate>
        <ErrorAlert error={error} fields={['name']} className="form-grid__full" />
        <TextField
          label="Name"
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          error={problem ?? fieldError(error, 'name')}
          hint="Who will use it: “Mobile app”, “Partner site”."
        />
        <div className="form-grid__full">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Making…' : 'Make key'}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The secret, shown this once: only its fingerprint is kept. */
function NewSecret({ created, onDone }: { created: CreatedContentKey; onDone: () => void }) {
  const toast = useToast();
  const copy = () => {
    navigator.clipboard
      .writeText(created.secret)
      .then(() => toast('The key is on the clipboard'))
      .catch(() => toast('Copying was refused; select the key and copy it by hand'));
  };
  return (
    <div className="alert alert--success" role="status">
      <p>
        <strong>“{created.name}” is ready.</strong> Copy the key now: it is shown only this once and cannot be seen
        again.
      </p>
      <p>
        <label htmlFor="new-content-key" className="visually-hidden">
          The new key
        </label>
        <input
          id="new-content-key"
          readOnly
          value={created.secret}
          onFocus={(e) => e.currentTarget.select()}
          style={{ fontFamily: 'monospace', width: '100%', maxWidth: '32rem' }}
        />
      </p>
      <p>
        <button type="button" className="button button--primary" onClick={copy}>
          Copy key
        </button>{' '}
        <button type="button" className="button" onClick={onDone}>
          I have copied it
        </button>
      </p>
    </div>
  );
}
