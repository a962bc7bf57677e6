import { type FormEvent, type KeyboardEvent, type ReactNode, useRef, useState } from 'react';
import { api } from '../api/client';
import { type Author, authorKinds, type Section, type Story, type Tag } from '../api/types';
import { type CollectionName, type Collections, loadCollection, useCollection } from '../lib/collections';
import { setQuery } from '../lib/router';
import { Async, Badge, PageHeader } from '../ui/bits';
import { Dialog, useConfirm, useToast } from '../ui/Dialog';
import { CheckboxField, ErrorAlert, fieldError, SelectField, TextArea, TextField } from '../ui/Field';

type Values = Record<string, string | boolean>;

interface FieldDef {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'number' | 'select' | 'checkbox' | 'email';
  options?: { value: string; label: string }[];
  hint?: string;
  required?: boolean;
}

interface ResourceDef<K extends CollectionName> {
  key: K;
  tab: string;
  singular: string;
  // Method syntax keeps a definition for one collection usable where any collection's is expected.
  nameOf(item: Collections[K]): string;
  columns: { label: string; render(item: Collections[K]): ReactNode }[];
  fields: FieldDef[];
}

const slugField: FieldDef = {
  name: 'slug',
  label: 'Slug',
  type: 'text',
  hint: 'Leave empty to make one from the name.',
};

const sectionsDef: ResourceDef<'sections'> = {
  key: 'sections',
  tab: 'Sections',
  singular: 'section',
  nameOf: (s: Section) => s.name,
  columns: [
    { label: 'Name', render: (s) => s.name },
    { label: 'Slug', render: (s) => <code>{s.slug}</code> },
    { label: 'Position', render: (s) => s.position },
    { label: 'In navigation', render: (s) => (s.inNavigation ? 'Yes' : 'No') },
  ],
  fields: [
    { name: 'name', label: 'Name', type: 'text', required: true },
    slugField,
    { name: 'description', label: 'Description', type: 'textarea' },
    { name: 'position', label: 'Position', type: 'number', hint: 'Order in the navigation, smallest first.' },
    { name: 'inNavigation', label: 'Show in the site navigation', type: 'checkbox' },
  ],
};

const tagsDef: ResourceDef<'tags'> = {
  key: 'tags',
  tab: 'Tags',
  singular: 'tag',
  nameOf: (t: Tag) => t.name,
  columns: [
    { label: 'Name', render: (t) => t.name },
    { label: 'Slug', render: (t) => <code>{t.slug}</code> },
    { label: 'Description', render: (t) => t.description },
  ],
  fields: [
    { name: 'name', label: 'Name', type: 'text', required: true },
    slugField,
    { name: 'description', label: 'Description', type: 'textarea' },
  ],
};

const authorsDef: ResourceDef<'authors'> = {
  key: 'authors',
  tab: 'Authors',
  singular: 'author',
  nameOf: (a: Author) => a.name,
  columns: [
    { label: 'Name', render: (a) => a.name },
    { label: 'Title', render: (a) => a.title },
    { label: 'Kind', render: (a) => a.kind },
    { label: 'Email', render: (a) => a.email ?? '' },
  ],
  fields: [
    { name: 'name', label: 'Name', type: 'text', required: true },
    slugField,
    { name: 'title', label: 'Title', type: 'text', hint: 'As shown on bylines, e.g. “Chief political correspondent”.' },
    {
      name: 'kind',
      label: 'Kind',
      type: 'select',
      options: authorKinds.map((k) => ({ value: k, label: k[0]?.toUpperCase() + k.slice(1) })),
    },
    { name: 'email', label: 'Email', type: 'email' },
    { name: 'bio', label: 'Biography', type: 'textarea' },
  ],
};

const storiesDef: ResourceDef<'stories'> = {
  key: 'stories',
  tab: 'Stories',
  singular: 'story',
  nameOf: (s: Story) => s.title,
  columns: [
    { label: 'Title', render: (s) => s.title },
    { label: 'Slug', render: (s) => <code>{s.slug}</code> },
    {
      label: 'Status',
      render: (s) => <Badge tone={s.status}>{s.status === 'developing' ? 'Developing' : 'Concluded'}</Badge>,
    },
  ],
  fields: [
    { name: 'title', label: 'Title', type: 'text', required: true },
    slugField,
    { name: 'description', label: 'Description', type: 'textarea' },
    {
      name: 'status',
      label: 'Status',
      type: 'select',
      options: [
        { value: 'developing', label: 'Developing' },
        { value: 'concluded', label: 'Concluded' },
      ],
    },
  ],
};

const resources: ResourceDef<CollectionName>[] = [sectionsDef, tagsDef, authorsDef, storiesDef];

export function TaxonomyPage({ tab }: { tab: string | null }) {
  const current = resources.find((r) => r.key === tab) ?? sectionsDef;
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + resources.length) % resources.length;
    setQuery({ tab: resources[next]?.key });
    tabRefs.current[next]?.focus();
  };

  return (
    <>
      <PageHeader title="Sections, tags, authors and stories" />
      <div role="tablist" aria-label="What to manage" className="tabs">
        {resources.map((r, i) => (
          <button
            key={r.key}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${r.key}`}
            aria-selected={r.key === current.key}
            aria-controls={`panel-${r.key}`}
            tabIndex={r.key === current.key ? 0 : -1}
            className="tabs__tab"
            onClick={() => setQuery({ tab: r.key === 'sections' ? null : r.key })}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {r.tab}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current.key}`} aria-labelledby={`tab-${current.key}`} className="tabs__panel">
        <ResourceTable key={current.key} def={current} />
      </div>
    </>
  );
}

function valuesOf(def: ResourceDef<CollectionName>, item: Record<string, unknown> | null): Values {
  const values: Values = {};
  for (const f of def.fields) {
    const v = item?.[f.name];
    if (f.type === 'checkbox') values[f.name] = item ? Boolean(v) : true;
    else if (f.type === 'select') values[f.name] = v == null ? (f.options?.[0]?.value ?? '') : String(v);
    else values[f.name] = v == null ? '' : String(v);
  }
  return values;
}

function payloadOf(def: ResourceDef<CollectionName>, values: Values, creating: boolean): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const f of def.fields) {
    const v = values[f.name];
    if (f.type === 'checkbox') payload[f.name] = Boolean(v);
    else if (f.type === 'number') payload[f.name] = v === '' ? undefined : Number(v);
    else if (f.name === 'slug' && v === '' && creating) continue;
    else if (f.type === 'email') payload[f.name] = v === '' ? null : String(v).trim();
    else payload[f.name] = String(v).trim();
  }
  return payload;
}

function ResourceTable<K extends CollectionName>({ def }: { def: ResourceDef<K> }) {
  const collection = useCollection(def.key);
  const confirm = useConfirm();
  const toast = useToast();
  const [editing, setEditing] = useState<{ item: Collections[K] | null } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const remove = async (item: Collections[K]) => {
    const name = def.nameOf(item);
    const ok = await confirm({
      title: `Delete the ${def.singular} “${name}”?`,
      message: 'This cannot be undone.',
      confirmLabel: `Delete ${def.singular}`,
      danger: true,
    });
    if (!ok) return;
    setError(null);
    try {
      await api.delete(`/${def.key}/${item.id}`);
      await loadCollection(def.key, true);
      toast(`Deleted “${name}”`);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-label={def.tab}>
      <div className="toolbar-row">
        <p className="muted">
          {collection.items.length} {collection.items.length === 1 ? def.singular : def.tab.toLowerCase()}
        </p>
        <button type="button" className="button button--primary" onClick={() => setEditing({ item: null })}>
          New {def.singular}
        </button>
      </div>
      <ErrorAlert error={error} />
      <Async loading={!collection.loaded} error={collection.error} hasData={collection.loaded && !collection.error}>
        {collection.items.length === 0 ? (
          <p className="empty">No {def.tab.toLowerCase()} yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  {def.columns.map((c) => (
                    <th key={c.label} scope="col">
                      {c.label}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {collection.items.map((item) => (
                  <tr key={item.id}>
                    {def.columns.map((c) => (
                      <td key={c.label}>{c.render(item)}</td>
                    ))}
                    <td className="table__actions">
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`Edit ${def.nameOf(item)}`}
                        onClick={() => setEditing({ item })}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="button button--small button--danger-ghost"
                        aria-label={`Delete ${def.nameOf(item)}`}
                        onClick={() => void remove(item)}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
      {editing ? (
        <ResourceForm
          def={def as unknown as ResourceDef<CollectionName>}
          item={editing.item as Record<string, unknown> | null}
          onClose={() => setEditing(null)}
          onSaved={async (name) => {
            await loadCollection(def.key, true);
            setEditing(null);
            toast(`Saved “${name}”`);
          }}
        />
      ) : null}
    </section>
  );
}

function ResourceForm({
  def,
  item,
  onClose,
  onSaved,
}: {
  def: ResourceDef<CollectionName>;
  item: Record<string, unknown> | null;
  onClose: () => void;
  onSaved: (name: string) => Promise<void>;
}) {
  const [values, setValues] = useState<Values>(() => valuesOf(def, item));
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const creating = item === null;
  const set = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    for (const f of def.fields) {
      if (f.required && !String(values[f.name] ?? '').trim()) missing[f.name] = `Enter a ${f.label.toLowerCase()}.`;
    }
    setProblems(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const payload = payloadOf(def, values, creating);
      if (creating) await api.post(`/${def.key}`, payload);
      else await api.patch(`/${def.key}/${String(item.id)}`, payload);
      await onSaved(String(values.name ?? values.title ?? ''));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Dialog title={creating ? `New ${def.singular}` : `Edit ${def.singular}`} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorAlert error={error} fields={def.fields.map((f) => f.name)} />
        {def.fields.map((f) => {
          const err = problems[f.name] ?? fieldError(error, f.name);
          const value = values[f.name];
          if (f.type === 'checkbox') {
            return (
              <CheckboxField
                key={f.name}
                label={f.label}
                checked={Boolean(value)}
                onChange={(e) => set(f.name, e.target.checked)}
                error={err}
                hint={f.hint}
              />
            );
          }
          if (f.type === 'textarea') {
            return (
              <TextArea
                key={f.name}
                label={f.label}
                rows={3}
                value={String(value ?? '')}
                onChange={(e) => set(f.name, e.target.value)}
                error={err}
                hint={f.hint}
              />
            );
          }
          if (f.type === 'select') {
            return (
              <SelectField
                key={f.name}
                label={f.label}
                value={String(value ?? '')}
                onChange={(e) => set(f.name, e.target.value)}
                error={err}
                hint={f.hint}
              >
                {f.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </SelectField>
            );
          }
          return (
            <TextField
              key={f.name}
              label={f.label}
              type={f.type}
              value={String(value ?? '')}
              onChange={(e) => set(f.name, e.target.value)}
              error={err}
              hint={f.hint}
              required={f.required}
            />
          );
        })}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {creating ? `Create ${def.singular}` : 'Save changes'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
