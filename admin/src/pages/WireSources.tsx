import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ApiError, api, wireApi } from '../api/client';
import {
  type IndexPolicy,
  indexPolicies,
  type Section,
  type SiteSettings,
  type WireFormat,
  type WirePollOutcome,
  type WireSource,
  type WireSourceInput,
  wireFormats,
} from '../api/types';
import { useCollection } from '../lib/collections';
import { formatDateTime } from '../lib/format';
import { Link } from '../lib/router';
import { useCan } from '../lib/session';
import { Async, Badge, PageHeader } from '../ui/bits';
import { Dialog, useConfirm, useToast } from '../ui/Dialog';
import { CheckboxField, ErrorAlert, errorMessage, fieldError, SelectField, TextArea, TextField } from '../ui/Field';
import { AddFromUrlForm } from './WireParts';

const formatLabels: Record<WireFormat, string> = {
  auto: 'Detect it (RSS, Atom, JSON Feed or ninjs)',
  rss: 'RSS 2.0',
  atom: 'Atom',
  jsonfeed: 'JSON Feed',
  ninjs: 'IPTC ninjs (1.x, 2.x or 3.x)',
};

const policyText: Record<IndexPolicy, { label: string; explain: string }> = {
  index: {
    label: 'Index it',
    explain: 'Search engines and Google News treat copy published as received like our own stories.',
  },
  news_noindex: {
    label: 'Keep it out of Google News',
    explain:
      'Search engines may index it, but Google News is asked to leave it out, so the agency’s original gets the credit there.',
  },
  noindex: {
    label: 'Keep it out of search engines',
    explain: 'Pages with copy published as received ask every search engine not to index them.',
  },
};

const defaultCredit = '{source}';
const defaultEditedCredit = '{sources} with additional input by {desk}';

/** A credit template filled in as the server does it: "{sources} with additional input by {desk}". */
function fillCredit(template: string, source: string, desk: string): string {
  return template.replace(/\{(sources?|desk)\}/g, (_, key: string) => (key === 'desk' ? desk : source)).trim();
}

/** What a poll did, in a sentence. */
export function outcomeText(outcome: WirePollOutcome): string {
  if (outcome.status === 'failed') return `The poll failed: ${outcome.error ?? 'no reason given'}.`;
  if (outcome.status === 'not_modified') return 'The feed has not changed since the last poll.';
  const parts = [
    `${outcome.newItems} new`,
    `${outcome.updatedItems} updated`,
    `${outcome.unchanged} unchanged`,
    `${outcome.duplicates} ${outcome.duplicates === 1 ? 'duplicate' : 'duplicates'}`,
    ...(outcome.skipped > 0 ? [`${outcome.skipped} skipped (no headline or text)`] : []),
  ];
  return `Read the feed: ${parts.join(', ')}.`;
}

export function WireSourcesPage() {
  const can = useCan();
  const toast = useToast();
  const confirm = useConfirm();
  const sections = useCollection('sections');
  const [sources, setSources] = useState<WireSource[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [editing, setEditing] = useState<WireSource | 'new' | null>(null);
  const [outcomes, setOutcomes] = useState<Record<number, WirePollOutcome>>({});
  const [polling, setPolling] = useState<number | null>(null);
  const [refused, setRefused] = useState<{ source: WireSource; error: unknown } | null>(null);
  const [deskName, setDeskName] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setSources((await wireApi.sources()).items);
      setLoadError(null);
    } catch (err) {
      setLoadError(err);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // The desk's name makes the credit examples real; only those who manage settings can read it.
  const canReadSettings = can('settings.manage');
  useEffect(() => {
    if (!canReadSettings) return;
    api
      .get<SiteSettings>('/settings')
      .then((s) => setDeskName(s.deskName))
      .catch(() => setDeskName(null));
  }, [canReadSettings]);

  const replace = (source: WireSource) =>
    setSources((list) => {
      const rest = (list ?? []).filter((s) => s.id !== source.id);
      return [...rest, source].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
    });

  const pollNow = async (source: WireSource) => {
    setPolling(source.id);
    try {
      const answer = await wireApi.pollSource(source.id);
      replace(answer.source);
      setOutcomes((o) => ({ ...o, [source.id]: answer.outcome }));
      toast(`${source.name}: ${outcomeText(answer.outcome)}`);
    } catch (err) {
      toast(`${source.name}: ${errorMessage(err)}`);
    } finally {
      setPolling(null);
    }
  };

  const remove = async (source: WireSource) => {
    const ok = await confirm({
      title: `Delete ${source.name}?`,
      message: `Its ${source.itemCount} ${source.itemCount === 1 ? 'item is' : 'items are'} deleted with it. A source whose copy is in an article cannot be deleted: disable it instead.`,
      confirmLabel: 'Delete source',
      danger: true,
    });
    if (!ok) return;
    setRefused(null);
    try {
      await wireApi.deleteSource(source.id);
      setSources((list) => (list ?? []).filter((s) => s.id !== source.id));
      toast(`${source.name} deleted`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setRefused({ source, error: err });
      else toast(errorMessage(err));
    }
  };

  const disable = async (source: WireSource) => {
    try {
      replace(await wireApi.updateSource(source.id, { enabled: false }));
      setRefused(null);
      toast(`${source.name} is disabled: it is no longer polled, and its items stay.`);
    } catch (err) {
      toast(errorMessage(err));
    }
  };

  const manage = can('wire.manage');
  return (
    <>
      <PageHeader
        title="Wire sources"
        actions={
          <>
            <Link to="/wire" className="button">
              Wire inbox
            </Link>
            {manage ? (
              <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
                Add a source
              </button>
            ) : null}
          </>
        }
      >
        <p className="muted">The agencies’ feeds the desk reads, with the credit and terms their copy carries.</p>
      </PageHeader>

      {refused ? (
        <div role="alert" className="alert alert--error wire-refused">
          <p>
            <strong>{refused.source.name} was not deleted.</strong> {errorMessage(refused.error)}
          </p>
          <div className="button-row">
            {refused.source.enabled && manage ? (
              <button type="button" className="button button--small" onClick={() => void disable(refused.source)}>
                Disable it instead
              </button>
            ) : null}
            <button type="button" className="button button--small button--ghost" onClick={() => setRefused(null)}>
              Dismiss
            </button>
          </div>
        </div>
      ) : null}

      <AddFromUrlForm />

      <Async loading={sources === null} error={loadError} hasData={sources !== null}>
        {sources && sources.length === 0 ? (
          <div className="empty">
            <p>No wire sources yet. Add an agency’s feed to start the inbox.</p>
          </div>
        ) : null}
        {sources && sources.length > 0 ? (
          <div className="table-wrap">
            <table className="table wire-sources">
              <caption className="visually-hidden">Wire sources</caption>
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Status</th>
                  <th scope="col">Items</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sources.map((source) => (
                  <SourceRow
                    key={source.id}
                    source={source}
                    sections={sections.items}
                    outcome={outcomes[source.id] ?? null}
                    polling={polling === source.id}
                    manage={manage}
                    onPoll={() => void pollNow(source)}
                    onEdit={() => setEditing(source)}
                    onDelete={() => void remove(source)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Async>

      {editing ? (
        <SourceDialog
          source={editing === 'new' ? null : editing}
          sections={sections.items}
          deskName={deskName}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            replace(saved);
            toast(
              created
                ? `${saved.name} added. ${saved.enabled ? 'Poll it now to read its feed at once.' : ''}`
                : `${saved.name} saved`,
            );
          }}
        />
      ) : null}
    </>
  );
}

function SourceRow({
  source,
  sections,
  outcome,
  polling,
  manage,
  onPoll,
  onEdit,
  onDelete,
}: {
  source: WireSource;
  sections: Section[];
  outcome: WirePollOutcome | null;
  polling: boolean;
  manage: boolean;
  onPoll: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const section = sections.find((s) => s.id === source.defaultSectionId);
  return (
    <tr>
      <td>
        <strong>{source.name}</strong> {source.enabled ? null : <Badge>Disabled</Badge>}
        <span className="cell-note wire-sources__url">{source.url}</span>
        <span className="cell-note">
          {formatLabels[source.format].replace(/ \(.*\)$/, '')} · every {source.pollMinutes} min
          {section ? ` · files in ${section.name}` : ''}
        </span>
      </td>
      <td>
        <dl className="meta-list wire-sources__status">
          <dt>Last success</dt>
          <dd>{source.lastSuccessAt ? formatDateTime(source.lastSuccessAt) : 'Never'}</dd>
          {source.lastError ? (
            <>
              <dt>Last error</dt>
              <dd className="wire-sources__error">
                {source.lastError}
                {source.lastErrorAt ? ` (${formatDateTime(source.lastErrorAt)})` : ''}
                {source.failures > 0
                  ? ` · ${source.failures} failed ${source.failures === 1 ? 'poll' : 'polls'} in a row`
                  : ''}
              </dd>
            </>
          ) : null}
          <dt>Next poll</dt>
          <dd>
            {!source.enabled
              ? 'Not polled while disabled'
              : source.nextPollAt
                ? formatDateTime(source.nextPollAt)
                : '—'}
          </dd>
        </dl>
        <p className="wire-sources__outcome" role="status">
          {outcome ? (
            <span className={outcome.status === 'failed' ? 'wire-sources__error' : undefined}>
              {outcomeText(outcome)}
            </span>
          ) : null}
        </p>
      </td>
      <td>
        <Link to={`/wire?source=${source.id}&status=all`}>
          {source.itemCount} {source.itemCount === 1 ? 'item' : 'items'}
        </Link>
      </td>
      <td className="table__actions">
        {manage ? (
          <>
            <button
              type="button"
              className="button button--small"
              onClick={onPoll}
              disabled={polling}
              aria-label={`Poll now: ${source.name}`}
            >
              {polling ? 'Polling…' : 'Poll now'}
            </button>
            <button type="button" className="button button--small" onClick={onEdit} aria-label={`Edit ${source.name}`}>
              Edit
            </button>
            <button
              type="button"
              className="button button--small button--danger-ghost"
              onClick={onDelete}
              aria-label={`Delete ${source.name}`}
            >
              Delete
            </button>
          </>
        ) : null}
      </td>
    </tr>
  );
}

type Form = Omit<WireSourceInput, 'pollMinutes'> & { pollMinutes: string };

function formOf(source: WireSource | null): Form {
  return {
    name: source?.name ?? '',
    url: source?.url ?? '',
    format: source?.format ?? 'auto',
    pollMinutes: String(source?.pollMinutes ?? 5),
    creditTemplate: source?.creditTemplate ?? defaultCredit,
    editedCreditTemplate: source?.editedCreditTemplate ?? defaultEditedCredit,
    defaultSectionId: source?.defaultSectionId ?? null,
    usageTerms: source?.usageTerms ?? '',
    copyrightNotice: source?.copyrightNotice ?? '',
    indexPolicy: source?.indexPolicy ?? 'news_noindex',
    enabled: source?.enabled ?? true,
  };
}

function SourceDialog({
  source,
  sections,
  deskName,
  onClose,
  onSaved,
}: {
  source: WireSource | null;
  sections: Section[];
  deskName: string | null;
  onClose: () => void;
  onSaved: (source: WireSource, created: boolean) => void;
}) {
  const [form, setForm] = useState<Form>(() => formOf(source));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const minutes = Number(form.pollMinutes);
    const input = { ...form, pollMinutes: Number.isInteger(minutes) ? minutes : 0 };
    try {
      const saved = source ? await wireApi.updateSource(source.id, input) : await wireApi.createSource(input);
      onSaved(saved, source === null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const agency = form.name.trim() || 'The agency';
  const desk = deskName || 'your desk';
  const asReceived = fillCredit(form.creditTemplate.trim() || defaultCredit, agency, desk);
  const edited = fillCredit(form.editedCreditTemplate.trim() || defaultEditedCredit, agency, desk);
  const placed = Object.keys(form);

  return (
    <Dialog title={source ? `Edit ${source.name}` : 'Add a wire source'} onClose={onClose} className="dialog--wide">
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorAlert error={error} fields={placed} />
        <TextField
          label="Name"
          value={form.name}
          onChange={(e) => set('name', e.target.value)}
          error={fieldError(error, 'name')}
          hint="The agency as credited under its copy, e.g. Harbour Press Agency."
          maxLength={200}
          data-autofocus
        />
        <TextField
          label="Feed address"
          type="url"
          value={form.url}
          placeholder="https://"
          onChange={(e) => set('url', e.target.value)}
          error={fieldError(error, 'url')}
          maxLength={2000}
        />
        <div className="wire-form-row">
          <SelectField
            label="Format"
            value={form.format}
            onChange={(e) => set('format', e.target.value as WireFormat)}
            error={fieldError(error, 'format')}
          >
            {wireFormats.map((f) => (
              <option key={f} value={f}>
                {formatLabels[f]}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Poll every (minutes)"
            type="number"
            min={1}
            max={1440}
            value={form.pollMinutes}
            onChange={(e) => set('pollMinutes', e.target.value)}
            error={fieldError(error, 'pollMinutes')}
          />
        </div>
        <SelectField
          label="Default section"
          value={form.defaultSectionId ?? ''}
          onChange={(e) => set('defaultSectionId', e.target.value ? Number(e.target.value) : null)}
          error={fieldError(error, 'defaultSectionId')}
          hint="Adopted drafts are filed here unless the desk chooses another."
        >
          <option value="">None: the desk chooses each time</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <fieldset className="wire-credit">
          <legend>Credit line</legend>
          <TextField
            label="Credit for copy published as received"
            value={form.creditTemplate}
            onChange={(e) => set('creditTemplate', e.target.value)}
            error={fieldError(error, 'creditTemplate')}
            hint="{source} is where the agency’s name goes."
            maxLength={300}
          />
          <TextField
            label="Credit once the desk has changed the copy"
            value={form.editedCreditTemplate}
            onChange={(e) => set('editedCreditTemplate', e.target.value)}
            error={fieldError(error, 'editedCreditTemplate')}
            hint="{sources} is the agency (or agencies: “A and B”), {desk} the desk’s name from the settings."
            maxLength={300}
          />
          <div className="wire-credit__example" aria-live="polite">
            <p>
              As received: <q>{asReceived}</q>
            </p>
            <p>
              After the desk’s changes: <q>{edited}</q>
            </p>
          </div>
        </fieldset>
        <TextArea
          label="Usage terms"
          rows={3}
          value={form.usageTerms}
          onChange={(e) => set('usageTerms', e.target.value)}
          error={fieldError(error, 'usageTerms')}
          hint="Shown to the desk beside every item of this source and kept with the articles made from it."
          maxLength={4000}
        />
        <TextField
          label="Copyright notice"
          value={form.copyrightNotice}
          onChange={(e) => set('copyrightNotice', e.target.value)}
          error={fieldError(error, 'copyrightNotice')}
          hint="Shown on the reader page with the credit, e.g. © 2026 Harbour Press Agency."
          maxLength={4000}
        />
        <fieldset className="wire-policy">
          <legend>Search engines, for copy published as received</legend>
          {indexPolicies.map((policy) => (
            <div key={policy} className="wire-policy__choice">
              <input
                type="radio"
                id={`policy-${policy}`}
                name="indexPolicy"
                value={policy}
                checked={form.indexPolicy === policy}
                onChange={() => set('indexPolicy', policy)}
                aria-describedby={`policy-${policy}-explain`}
              />
              <label htmlFor={`policy-${policy}`}>{policyText[policy].label}</label>
              <p id={`policy-${policy}-explain`} className="field__hint">
                {policyText[policy].explain}
              </p>
            </div>
          ))}
          <p className="field__hint">
            Once the desk adds to the copy, the article is the newsroom’s own and is indexed like any other.
          </p>
          {fieldError(error, 'indexPolicy') ? <p className="field__error">{fieldError(error, 'indexPolicy')}</p> : null}
        </fieldset>
        <CheckboxField
          label="Poll this source"
          checked={form.enabled}
          onChange={(e) => set('enabled', e.target.checked)}
          hint="A disabled source is not polled; its items stay in the inbox."
          error={fieldError(error, 'enabled')}
        />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {source ? 'Save source' : 'Add source'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
