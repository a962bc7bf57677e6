import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { CommentSettings } from '../api/types';
import { useCan } from '../lib/session';
import { useApi } from '../lib/useApi';
import { Async } from '../ui/bits';
import { useToast } from '../ui/Dialog';
import { CheckboxField, ErrorAlert, fieldError, TextArea, TextField } from '../ui/Field';

type NumberKey = {
  [K in keyof CommentSettings]: CommentSettings[K] extends number ? K : never;
}[keyof CommentSettings];

const numberFields: { key: NumberKey; label: string; hint?: string; step?: string }[] = [
  { key: 'maxLinks', label: 'Most links in a comment', hint: 'A comment with more is held for a moderator.' },
  { key: 'autoCloseDays', label: 'Close comments after (days)', hint: 'Counted from first publication; 0 never.' },
  { key: 'rateLimitSeconds', label: 'Seconds between comments', hint: 'Per commenter and per address.' },
  {
    key: 'newCommenterApprovals',
    label: 'Approvals before a new commenter is trusted',
    hint: 'Until then their comments wait for a moderator; 0 trusts everyone.',
  },
  { key: 'minLength', label: 'Shortest comment (characters)' },
  { key: 'maxLength', label: 'Longest comment (characters)' },
  { key: 'reportThreshold', label: 'Reports that send a comment back for review' },
  {
    key: 'digestHours',
    label: 'Email moderators a digest of waiting comments every (hours)',
    hint: 'Sent only when comments were held since the last one; 0 turns it off.',
  },
  { key: 'repeatWindowMinutes', label: 'Repeat-post window (minutes)' },
  { key: 'editWindowMinutes', label: 'Authors may edit for (minutes)' },
  { key: 'minSubmitSeconds', label: 'Fastest believable form (seconds)' },
  { key: 'spamSimilarity', label: 'Similarity to known spam (0 to 1)', step: '0.05' },
];

type Form = Omit<CommentSettings, NumberKey | 'bannedWords' | 'suspectWords'> & {
  numbers: Record<NumberKey, string>;
  bannedWords: string;
  suspectWords: string;
};

const toForm = (s: CommentSettings): Form => ({
  guestsAllowed: s.guestsAllowed,
  premoderateAll: s.premoderateAll,
  bannedWords: s.bannedWords.join('\n'),
  suspectWords: s.suspectWords.join('\n'),
  numbers: Object.fromEntries(numberFields.map((f) => [f.key, String(s[f.key])])) as Record<NumberKey, string>,
});

const words = (text: string) =>
  text
    .split(/[\n,]/)
    .map((w) => w.trim())
    .filter(Boolean);

/** The comment settings: moderators read them, owners change them (settings.manage). */
export function CommentSettingsForm() {
  const can = useCan();
  const editable = can('settings.manage');
  const loaded = useApi<CommentSettings>('/comment-settings');
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const notify = useToast();

  useEffect(() => {
    if (loaded.data) setForm(toForm(loaded.data));
  }, [loaded.data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setBusy(true);
    setError(null);
    try {
      const patch: Partial<CommentSettings> = {
        guestsAllowed: form.guestsAllowed,
        premoderateAll: form.premoderateAll,
        bannedWords: words(form.bannedWords),
        suspectWords: words(form.suspectWords),
      };
      for (const f of numberFields) {
        const raw = form.numbers[f.key].trim();
        (patch as Record<string, unknown>)[f.key] = raw === '' ? Number.NaN : Number(raw);
      }
      const saved = await api.patch<CommentSettings>('/comment-settings', patch);
      loaded.setData(saved);
      notify('Comment settings saved.');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const shownFields = [
    'guestsAllowed',
    'premoderateAll',
    'bannedWords',
    'suspectWords',
    ...numberFields.map((f) => f.key),
  ];

  return (
    <Async loading={loaded.loading} error={loaded.error} hasData={form !== null}>
      {form ? (
        <form className="stack comment-settings" onSubmit={submit} aria-label="Comment settings">
          {editable ? null : <p className="notice">Only an owner can change these settings.</p>}
          <ErrorAlert error={error} fields={shownFields} />
          <fieldset disabled={!editable || busy} className="stack">
            <legend className="visually-hidden">Comment settings</legend>
            <CheckboxField
              label="Guests may comment (name and email only)"
              checked={form.guestsAllowed}
              error={fieldError(error, 'guestsAllowed')}
              onChange={(e) => setForm({ ...form, guestsAllowed: e.target.checked })}
            />
            <CheckboxField
              label="Premoderate every comment"
              hint="Articles can also be premoderated one by one, in the editor."
              checked={form.premoderateAll}
              error={fieldError(error, 'premoderateAll')}
              onChange={(e) => setForm({ ...form, premoderateAll: e.target.checked })}
            />
            <div className="form-grid">
              <TextArea
                label="Banned words"
                hint="One per line. A comment with one is rejected."
                rows={5}
                value={form.bannedWords}
                error={fieldError(error, 'bannedWords')}
                onChange={(e) => setForm({ ...form, bannedWords: e.target.value })}
              />
              <TextArea
                label="Suspect words"
                hint="One per line. A comment with one waits for a moderator."
                rows={5}
                value={form.suspectWords}
                error={fieldError(error, 'suspectWords')}
                onChange={(e) => setForm({ ...form, suspectWords: e.target.value })}
              />
              {numberFields.map((f) => (
                <TextField
                  key={f.key}
                  label={f.label}
                  hint={f.hint}
                  type="number"
                  inputMode="decimal"
                  step={f.step ?? '1'}
                  value={form.numbers[f.key]}
                  error={fieldError(error, f.key)}
                  onChange={(e) => setForm({ ...form, numbers: { ...form.numbers, [f.key]: e.target.value } })}
                />
              ))}
            </div>
          </fieldset>
          {editable ? (
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                Save comment settings
              </button>
            </div>
          ) : null}
        </form>
      ) : null}
    </Async>
  );
}
