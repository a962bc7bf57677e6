import { type FormEvent, useState } from 'react';
import { api, itemsOf } from '../api/client';
import { type List, type Staff, type StaffRole, staffRoles } from '../api/types';
import { useCollection } from '../lib/collections';
import { formatDateTime, roleLabels } from '../lib/format';
import { useSession } from '../lib/session';
import { useApi } from '../lib/useApi';
import { Async, Badge, PageHeader } from '../ui/bits';
import { useConfirm, useToast } from '../ui/Dialog';
import { ErrorAlert, fieldError, SelectField, TextField } from '../ui/Field';

const roleHints: Record<StaffRole, string> = {
  owner: 'everything, including settings and staff',
  editor: 'edits and publishes any article, manages sections and tags',
  author: 'writes and publishes their own articles',
  contributor: 'writes drafts and submits them for review',
  moderator: 'moderates comments',
};

const statusLabels = { active: 'Active', invited: 'Invited', suspended: 'Suspended' } as const;

export function StaffPage() {
  const { session } = useSession();
  const staff = useApi<List<Staff> | Staff[]>('/staff');
  const authors = useCollection('authors');
  const confirm = useConfirm();
  const toast = useToast();
  const [error, setError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const people = itemsOf(staff.data);

  const change = async (person: Staff, patch: Partial<Pick<Staff, 'role' | 'status' | 'authorId'>>, done: string) => {
    setBusyId(person.id);
    setError(null);
    try {
      await api.patch(`/staff/${person.id}`, patch);
      toast(done);
      staff.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusyId(null);
    }
  };

  const resend = async (person: Staff) => {
    setBusyId(person.id);
    setError(null);
    try {
      await api.post(`/staff/${person.id}/invitations`);
      toast(`A new invitation is on its way to ${person.email}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusyId(null);
    }
  };

  const remove = async (person: Staff) => {
    const ok = await confirm({
      title: `Remove ${person.name}?`,
      message: 'They can no longer sign in. Articles they wrote stay as they are.',
      confirmLabel: 'Remove from staff',
      danger: true,
    });
    if (!ok) return;
    setBusyId(person.id);
    setError(null);
    try {
      await api.delete(`/staff/${person.id}`);
      toast(`${person.name} was removed`);
      staff.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <>
      <PageHeader title="Staff" />
      <InviteForm onInvited={() => staff.reload()} authors={authors.items} />
      <h2 className="section-title">People</h2>
      <ErrorAlert error={error} />
      <Async loading={staff.loading} error={staff.error} hasData={staff.data !== undefined}>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => {
                const self = person.id === session?.staff.id;
                const busy = busyId === person.id;
                return (
                  <tr key={person.id}>
                    <td>
                      {person.name}
                      {self ? <span className="muted"> (you)</span> : null}
                    </td>
                    <td>{person.email}</td>
                    <td>
                      <label className="visually-hidden" htmlFor={`role-${person.id}`}>
                        Role for {person.name}
                      </label>
                      <select
                        id={`role-${person.id}`}
                        value={person.role}
                        disabled={busy}
                        onChange={(e) =>
                          void change(
                            person,
                            { role: e.target.value as StaffRole },
                            `${person.name} is now ${roleLabels[e.target.value as StaffRole]}`,
                          )
                        }
                      >
                        {staffRoles.map((r) => (
                          <option key={r} value={r}>
                            {roleLabels[r]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <Badge tone={person.status}>{statusLabels[person.status] ?? person.status}</Badge>
                    </td>
                    <td>
                      {person.lastLoginAt ? formatDateTime(person.lastLoginAt) : <span className="muted">Never</span>}
                    </td>
                    <td className="table__actions">
                      {person.status === 'invited' ? (
                        <button
                          type="button"
                          className="button button--small"
                          disabled={busy}
                          aria-label={`Resend invitation to ${person.name}`}
                          onClick={() => void resend(person)}
                        >
                          Resend invitation
                        </button>
                      ) : null}
                      {person.status === 'active' && !self ? (
                        <button
                          type="button"
                          className="button button--small"
                          disabled={busy}
                          aria-label={`Suspend ${person.name}`}
                          onClick={() => void change(person, { status: 'suspended' }, `${person.name} is suspended`)}
                        >
                          Suspend
                        </button>
                      ) : null}
                      {person.status === 'suspended' ? (
                        <button
                          type="button"
                          className="button button--small"
                          disabled={busy}
                          aria-label={`Reactivate ${person.name}`}
                          onClick={() => void change(person, { status: 'active' }, `${person.name} is active again`)}
                        >
                          Reactivate
                        </button>
                      ) : null}
                      {self ? null : (
                        <button
                          type="button"
                          className="button button--small button--danger-ghost"
                          disabled={busy}
                          aria-label={`Remove ${person.name}`}
                          onClick={() => void remove(person)}
                        >
                          Remove
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Async>
    </>
  );
}

function InviteForm({ onInvited, authors }: { onInvited: () => void; authors: { id: number; name: string }[] }) {
  const toast = useToast();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('author');
  const [authorId, setAuthorId] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) found.email = 'Enter an email address.';
    if (!name.trim()) found.name = 'Enter their name.';
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      await api.post('/staff', {
        email: email.trim(),
        name: name.trim(),
        role,
        ...(authorId ? { authorId: Number(authorId) } : {}),
      });
      toast(`Invitation sent to ${email.trim()}`);
      setEmail('');
      setName('');
      setAuthorId('');
      onInvited();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="invite-title">
      <h2 id="invite-title" className="panel__title">
        Invite someone
      </h2>
      <form className="form-grid" onSubmit={submit} noValidate>
        <ErrorAlert error={error} fields={['email', 'name', 'role', 'authorId']} className="form-grid__full" />
        <TextField
          label="Email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={problems.email ?? fieldError(error, 'email')}
        />
        <TextField
          label="Name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={problems.name ?? fieldError(error, 'name')}
        />
        <SelectField
          label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value as StaffRole)}
          error={fieldError(error, 'role')}
          hint={roleHints[role]}
        >
          {staffRoles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Writes as (author profile)"
          value={authorId}
          onChange={(e) => setAuthorId(e.target.value)}
          error={fieldError(error, 'authorId')}
        >
          <option value="">No author profile</option>
          {authors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <div className="form-grid__full">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Sending…' : 'Send invitation'}
          </button>
        </div>
      </form>
    </section>
  );
}
