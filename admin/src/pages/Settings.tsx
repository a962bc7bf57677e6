import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { ApiError, api } from '../api/client';
import { commentModes, type MediaImage, type NavigationLink, type SiteSettings } from '../api/types';
import { commentModeLabels } from '../lib/format';
import { useApi } from '../lib/useApi';
import { AltWarning, imageSrc, MediaPickerDialog } from '../media/MediaBrowser';
import { Async, PageHeader } from '../ui/bits';
import { useToast } from '../ui/Dialog';
import { ErrorAlert, fieldError, SelectField, TextField } from '../ui/Field';

const knownFields = [
  'siteName',
  'tagline',
  'deskName',
  'timeZone',
  'locale',
  'language',
  'logoImageId',
  'commentsDefaultMode',
  'navigation',
];

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) || !current ? zones : [current, ...zones];
}

/** A navigation row's error, whichever path notation the server uses. */
function navError(error: unknown, index: number, key: keyof NavigationLink): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const names = [`navigation.${index}.${key}`, `navigation/${index}/${key}`, `navigation[${index}].${key}`];
  return error.fields.find((f) => names.includes(f.field.replace(/^\//, '')))?.message;
}

export function SettingsPage() {
  const loaded = useApi<SiteSettings>('/settings');
  const [form, setForm] = useState<SiteSettings | null>(null);
  const [logo, setLogo] = useState<MediaImage | null>(null);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const toast = useToast();

  useEffect(() => {
    if (loaded.data) setForm({ ...loaded.data, navigation: loaded.data.navigation ?? [] });
  }, [loaded.data]);

  const logoId = form?.logoImageId ?? null;
  useEffect(() => {
    if (logoId === null) {
      setLogo(null);
      return;
    }
    if (logo?.id === logoId) return;
    api
      .get<MediaImage>(`/media/${logoId}`)
      .then(setLogo)
      .catch(() => setLogo(null));
  }, [logoId, logo?.id]);

  const zones = useMemo(() => timeZones(form?.timeZone ?? ''), [form?.timeZone]);

  const set = <K extends keyof SiteSettings>(key: K, value: SiteSettings[K]) =>
    setForm((f) => (f ? { ...f, [key]: value } : f));
  const setNav = (navigation: NavigationLink[]) => set('navigation', navigation);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.patch<SiteSettings>('/settings', {
        ...form,
        navigation: form.navigation.filter((n) => n.label.trim() || n.url.trim()),
      });
      loaded.setData(saved);
      toast('Settings saved');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="Settings" />
      <Async loading={loaded.loading} error={loaded.error} hasData={form !== null}>
        {form ? (
          <form className="settings" onSubmit={save} noValidate>
            <ErrorAlert error={error} fields={knownFields} />
            <div className="panel">
              <fieldset className="panel__group">
                <legend className="panel__title">The site</legend>
                <div className="form-grid">
                  <TextField
                    label="Site name"
                    value={form.siteName}
                    onChange={(e) => set('siteName', e.target.value)}
                    error={fieldError(error, 'siteName')}
                  />
                  <TextField
                    label="Tagline"
                    value={form.tagline}
                    onChange={(e) => set('tagline', e.target.value)}
                    error={fieldError(error, 'tagline')}
                  />
                  <TextField
                    label="Desk name"
                    value={form.deskName}
                    onChange={(e) => set('deskName', e.target.value)}
                    error={fieldError(error, 'deskName')}
                    hint={`Credited on wire copy: “Reuters with additional input by ${form.deskName || 'the desk'}”.`}
                  />
                  <fieldset className="field panel__group">
                    <legend className="field__label">Logo</legend>
                    <div className="image-choice">
                      {logo ? (
                        <img className="image-choice__thumb" src={imageSrc(logo)} alt="Current logo" />
                      ) : (
                        <span className="image-choice__empty">No logo: the site name is shown.</span>
                      )}
                      {logo ? <AltWarning image={logo} /> : null}
                      <button type="button" className="button button--small" onClick={() => setPicking(true)}>
                        Choose logo
                      </button>
                      {form.logoImageId !== null ? (
                        <button
                          type="button"
                          className="button button--small button--ghost"
                          onClick={() => set('logoImageId', null)}
                        >
                          Remove logo
                        </button>
                      ) : null}
                    </div>
                    {fieldError(error, 'logoImageId') ? (
                      <p className="field__error">{fieldError(error, 'logoImageId')}</p>
                    ) : null}
                  </fieldset>
                </div>
              </fieldset>
            </div>

            <div className="panel">
              <fieldset className="panel__group">
                <legend className="panel__title">Time and language</legend>
                <div className="form-grid">
                  <SelectField
                    label="Time zone"
                    value={form.timeZone}
                    onChange={(e) => set('timeZone', e.target.value)}
                    error={fieldError(error, 'timeZone')}
                    hint="Dates on the site (and in URLs) are shown in this zone."
                  >
                    {zones.map((z) => (
                      <option key={z} value={z}>
                        {z.replaceAll('_', ' ')}
                      </option>
                    ))}
                  </SelectField>
                  <TextField
                    label="Language"
                    value={form.language}
                    onChange={(e) => set('language', e.target.value)}
                    error={fieldError(error, 'language')}
                    hint="The language of the content, e.g. en, fr, ar."
                  />
                  <TextField
                    label="Locale"
                    value={form.locale}
                    onChange={(e) => set('locale', e.target.value)}
                    error={fieldError(error, 'locale')}
                    hint="How dates and numbers are written, e.g. en-US, en-GB, fr-FR."
                  />
                </div>
              </fieldset>
            </div>

            <div className="panel">
              <fieldset className="panel__group">
                <legend className="panel__title">Navigation</legend>
                <p className="muted">
                  Extra links in the site navigation, after the sections. URLs may be paths on this site (/about) or
                  full addresses.
                </p>
                {form.navigation.length === 0 ? <p className="empty">No extra links.</p> : null}
                <ol className="nav-editor">
                  {form.navigation.map((link, i) => {
                    const update = (patch: Partial<NavigationLink>) =>
                      setNav(form.navigation.map((n, j) => (j === i ? { ...n, ...patch } : n)));
                    const move = (to: number) => {
                      const next = [...form.navigation];
                      const [item] = next.splice(i, 1);
                      if (item) next.splice(to, 0, item);
                      setNav(next);
                    };
                    const position = i + 1;
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: rows are identified by their position
                      <li key={i} className="nav-editor__row">
                        <TextField
                          label={`Label of link ${position}`}
                          value={link.label}
                          onChange={(e) => update({ label: e.target.value })}
                          error={navError(error, i, 'label')}
                        />
                        <TextField
                          label={`URL of link ${position}`}
                          value={link.url}
                          onChange={(e) => update({ url: e.target.value })}
                          error={navError(error, i, 'url')}
                        />
                        <div className="nav-editor__buttons">
                          <button
                            type="button"
                            className="button button--small button--icon"
                            aria-label={`Move link ${position} up`}
                            disabled={i === 0}
                            onClick={() => move(i - 1)}
                          >
                            ↑
                          </button>
                          <button
                            type="button"
                            className="button button--small button--icon"
                            aria-label={`Move link ${position} down`}
                            disabled={i === form.navigation.length - 1}
                            onClick={() => move(i + 1)}
                          >
                            ↓
                          </button>
                          <button
                            type="button"
                            className="button button--small button--icon button--danger-ghost"
                            aria-label={`Remove link ${position}`}
                            onClick={() => setNav(form.navigation.filter((_, j) => j !== i))}
                          >
                            ×
                          </button>
                        </div>
                      </li>
                    );
                  })}
                </ol>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setNav([...form.navigation, { label: '', url: '' }])}
                >
                  Add link
                </button>
              </fieldset>
            </div>

            <div className="panel">
              <fieldset className="panel__group">
                <legend className="panel__title">Comments</legend>
                <SelectField
                  label="Comments on new articles"
                  value={form.commentsDefaultMode}
                  onChange={(e) => set('commentsDefaultMode', e.target.value as SiteSettings['commentsDefaultMode'])}
                  error={fieldError(error, 'commentsDefaultMode')}
                  hint="Each article can change it."
                >
                  {commentModes.map((m) => (
                    <option key={m} value={m}>
                      {commentModeLabels[m]}
                    </option>
                  ))}
                </SelectField>
              </fieldset>
            </div>

            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {busy ? 'Saving…' : 'Save settings'}
              </button>
            </div>
          </form>
        ) : null}
      </Async>
      {picking ? (
        <MediaPickerDialog
          title="Choose a logo"
          selectedId={form?.logoImageId ?? null}
          onClose={() => setPicking(false)}
          onPick={(image) => {
            setLogo(image);
            set('logoImageId', image.id);
            setPicking(false);
          }}
        />
      ) : null}
    </>
  );
}
