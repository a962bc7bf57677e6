import { useEditor, useEditorState } from '@tiptap/react';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api, isAbort } from '../api/client';
import type { Article, ArticleAbilities, ArticleStatus, BodyDoc, MediaImage, Note, SiteSettings } from '../api/types';
import { useCollection } from '../lib/collections';
import { formatDateTime, formatTime, fromLocalInput, toLocalInput } from '../lib/format';
import { href, Link, navigate, setNavigationGuard } from '../lib/router';
import { useCan, useSession } from '../lib/session';
import { Loading, PageHeader, StatusBadge, useTitle } from '../ui/bits';
import { useConfirm, useToast } from '../ui/Dialog';
import { ErrorAlert, Field, fieldError, TextField } from '../ui/Field';
import { BodyEditor, type DropHandler } from './BodyEditor';
import { bodyOf, type Draft, draftOf, emptyDraft, payloadOf, placedFields } from './draft';
import { editorExtensions, emptyBody } from './extensions';
import { HistoryPanel, NotesPanel } from './HistoryPanels';
import { AuthorsPicker, FeatureImagePanel, Panel, PlacementPanel, SeoPanel, SourcesPanel, TagPicker } from './Sidebar';
import { WirePanel } from './WirePanel';

const autosaveDelay = 3000;
/** Statuses whose text readers cannot see yet: only these are saved without asking. */
const autosavable: ArticleStatus[] = ['draft', 'in_review', 'unpublished', 'withdrawn'];

interface KeptCopy {
  draft: Draft;
  body: BodyDoc;
  text: string;
  keptAt: Date;
}

const images = (list: FileList | null | undefined) => Array.from(list ?? []).filter((f) => f.type.startsWith('image/'));

export default function EditorPage({ articleId }: { articleId: number | null }) {
  const { session } = useSession();
  const can = useCan();
  const confirm = useConfirm();
  const toast = useToast();
  const sections = useCollection('sections');
  const tags = useCollection('tags');
  const authors = useCollection('authors');
  const stories = useCollection('stories');

  const [article, setArticleState] = useState<Article | null>(null);
  const [draft, setDraftState] = useState<Draft>(() => emptyDraft(session));
  const [dirty, setDirtyState] = useState(false);
  const [conflict, setConflictState] = useState<{ version: number | null } | null>(null);
  const [loading, setLoading] = useState(articleId !== null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [kept, setKept] = useState<KeptCopy | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [featureImage, setFeatureImage] = useState<MediaImage | null>(null);
  const [scheduleAt, setScheduleAt] = useState('');
  const [settings, setSettings] = useState<SiteSettings | null>(null);

  // The latest values, for callbacks that outlive a render (timers, the editor's handlers).
  const articleRef = useRef<Article | null>(null);
  const draftRef = useRef(draft);
  const dirtyRef = useRef(false);
  const conflictRef = useRef<{ version: number | null } | null>(null);
  const changeSeq = useRef(0);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const dropRef = useRef<DropHandler | null>(null);
  const onChangeRef = useRef<() => void>(() => {});
  const standfirstRef = useRef<HTMLTextAreaElement>(null);

  const setArticle = (next: Article | null) => {
    articleRef.current = next;
    setArticleState(next);
  };
  const setDraft = (next: Draft) => {
    draftRef.current = next;
    setDraftState(next);
  };
  const setDirty = (next: boolean) => {
    dirtyRef.current = next;
    setDirtyState(next);
  };
  const setConflict = (next: { version: number | null } | null) => {
    conflictRef.current = next;
    setConflictState(next);
  };

  const editor = useEditor({
    extensions: editorExtensions,
    content: emptyBody,
    // TipTap would add a <style> element, which the newsroom's CSP forbids; its rules are in styles.css.
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        id: 'article-body',
        class: 'prose',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Body',
      },
      handleDrop: (view, event, _slice, moved) => {
        const files = images(event.dataTransfer?.files);
        if (moved || files.length === 0 || !dropRef.current || !view.editable) return false;
        event.preventDefault();
        dropRef.current(files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? null);
        return true;
      },
      handlePaste: (view, event) => {
        const files = images(event.clipboardData?.files);
        if (files.length === 0 || !dropRef.current || !view.editable) return false;
        event.preventDefault();
        dropRef.current(files, view.state.selection.to);
        return true;
      },
    },
    onUpdate: () => onChangeRef.current(),
  });

  const missingAlt = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      let count = 0;
      e.state.doc.descendants((node) => {
        if (node.type.name === 'figure' && !node.attrs.alt) count++;
      });
      return count;
    },
  });

  const sessionAbilities: ArticleAbilities = {
    edit: can('articles.create'),
    submit: can('articles.submit'),
    publish: can('articles.publish'),
    schedule: can('articles.schedule'),
    unpublish: false,
    delete: false,
  };
  const abilities = article?.abilities ?? sessionAbilities;
  const status: ArticleStatus = article?.status ?? 'draft';
  const readOnly = !abilities.edit;

  const autosaveAllowed = () => {
    const current = articleRef.current;
    const d = draftRef.current;
    if (conflictRef.current) return false;
    if (!current) return can('articles.create') && d.headline.trim() !== '' && d.sectionId !== null;
    return current.abilities.edit && autosavable.includes(current.status);
  };

  // TipTap may replace its editor just after the page mounts (a slow first render); the
  // article's text, loaded after that, must go to the editor on screen, not the replaced one.
  const editorRef = useRef(editor);
  editorRef.current = editor;

  /** Shows a server article in the form and the editor, as the new saved state. */
  const applyArticle = (next: Article) => {
    setArticle(next);
    setDraft(draftOf(next));
    editorRef.current.chain().setMeta('addToHistory', false).setContent(bodyOf(next), { emitUpdate: false }).run();
    changeSeq.current = 0;
    setDirty(false);
    setConflict(null);
    setSavedAt(new Date(next.modifiedAt));
    setFailed(false);
    setError(null);
    setProblems({});
  };

  const saveNow = async (autosave: boolean): Promise<boolean> => {
    const current = articleRef.current;
    const d = draftRef.current;
    if (current && !dirtyRef.current) return true;
    if (!current) {
      const found: Record<string, string> = {};
      if (!d.headline.trim()) found.headline = 'Write a headline first.';
      if (d.sectionId === null) found.sectionId = 'Choose a section.';
      if (Object.keys(found).length > 0) {
        if (!autosave) setProblems(found);
        return false;
      }
    }
    const seq = changeSeq.current;
    setSaving(true);
    try {
      const payload = payloadOf(d, editor.getJSON());
      const saved = current
        ? await api.patch<Article>(`/articles/${current.id}`, {
            ...payload,
            version: current.version,
            ...(autosave ? { autosave: true } : {}),
          })
        : await api.post<Article>('/articles', payload);
      setArticle(saved);
      // Keep what the person typed meanwhile; take only what the server chose for them.
      const chosen: Partial<Draft> = {};
      if (!draftRef.current.slug && saved.slug) chosen.slug = saved.slug;
      if (draftRef.current.commentsMode === null) chosen.commentsMode = saved.commentsMode;
      if (Object.keys(chosen).length > 0) setDraft({ ...draftRef.current, ...chosen });
      if (changeSeq.current === seq) setDirty(false);
      setSavedAt(new Date());
      setFailed(false);
      setError(null);
      setProblems({});
      if (!current) void navigate(href(`/articles/${saved.id}`), { replace: true, force: true });
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'edit_conflict') {
        const version = Number(err.details.currentVersion);
        setConflict({ version: Number.isFinite(version) && version > 0 ? version : null });
      } else {
        setError(err);
        setFailed(true);
      }
      return false;
    } finally {
      setSaving(false);
    }
  };

  const save = async (autosave: boolean): Promise<boolean> => {
    window.clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    if (conflictRef.current) return false;
    const run: Promise<boolean> = saveNow(autosave).finally(() => {
      if (inFlight.current === run) inFlight.current = null;
    });
    inFlight.current = run;
    return run;
  };

  const markChanged = () => {
    changeSeq.current += 1;
    setDirty(true);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      if (autosaveAllowed()) void save(true);
    }, autosaveDelay);
  };
  onChangeRef.current = markChanged;

  const update = (patch: Partial<Draft>) => {
    setDraft({ ...draftRef.current, ...patch });
    const keys = Object.keys(patch);
    if (keys.some((k) => problems[k])) {
      setProblems((p) => Object.fromEntries(Object.entries(p).filter(([k]) => !keys.includes(k))));
    }
    markChanged();
  };

  // Load the article (or start a blank one); skip the load when this page just created it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the address changes, not on every render
  useEffect(() => {
    window.clearTimeout(timer.current);
    if (articleId === null) {
      if (articleRef.current === null && changeSeq.current === 0) return;
      setArticle(null);
      setDraft(emptyDraft(session));
      editor.chain().setMeta('addToHistory', false).setContent(emptyBody, { emitUpdate: false }).run();
      changeSeq.current = 0;
      setDirty(false);
      setConflict(null);
      setKept(null);
      setSavedAt(null);
      setError(null);
      return;
    }
    if (articleRef.current?.id === articleId) return;
    const controller = new AbortController();
    setLoading(true);
    setLoadError(null);
    api
      .get<Article>(`/articles/${articleId}`, { signal: controller.signal })
      .then((loaded) => {
        applyArticle(loaded);
        setKept(null);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        setLoadError(err);
        setLoading(false);
      });
    return () => controller.abort();
  }, [articleId]);

  useEffect(() => {
    editor.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  // The desk name suggests credit lines; the site name dresses the social preview.
  const canReadSettings = can('settings.manage');
  useEffect(() => {
    if (!canReadSettings) return;
    api
      .get<SiteSettings>('/settings')
      .then(setSettings)
      .catch(() => setSettings(null));
  }, [canReadSettings]);

  const featureImageId = draft.featureImageId;
  useEffect(() => {
    if (featureImageId === null) {
      setFeatureImage(null);
      return;
    }
    let cancelled = false;
    api
      .get<MediaImage>(`/media/${featureImageId}`)
      .then((image) => {
        if (!cancelled) setFeatureImage(image);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [featureImageId]);

  // Ctrl/Cmd+S saves, wherever the focus is.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saveRef.current(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Leaving the page with unsaved work: the browser asks on unload; in-app links ask here.
  useEffect(() => {
    if (!dirty && !saving) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty, saving]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the guard reads the latest state through refs
  useEffect(() => {
    if (!dirty) return;
    return setNavigationGuard(async () => {
      if (autosaveAllowed() && (await save(false))) return true;
      return confirm({
        title: 'Leave without saving?',
        message: 'Your latest changes are not saved. If you leave now, they are lost.',
        confirmLabel: 'Leave without saving',
        cancelLabel: 'Stay',
        danger: true,
      });
    });
  }, [dirty, confirm]);

  const title = draft.headline.trim() || (article ? 'Untitled article' : 'New article');
  useTitle(title);

  if (loading) return <Loading label="Opening the article…" />;
  if (loadError) {
    return (
      <>
        <PageHeader title="Article" />
        <ErrorAlert error={loadError} />
        <p>
          <Link to="/">Back to the articles</Link>
        </p>
      </>
    );
  }

  /** Runs a workflow step on the saved article, saving first so it acts on what is on screen. */
  const act = async (name: string, call: (id: number) => Promise<Article>, done: string) => {
    if (!articleRef.current || dirtyRef.current) {
      if (!(await save(false))) return;
    }
    const current = articleRef.current;
    if (!current) return;
    setBusy(name);
    setError(null);
    try {
      setArticle(await call(current.id));
      toast(done);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const publish = () => act('publish', (id) => api.put<Article>(`/articles/${id}/publication`), 'Published');
  const submitForReview = () =>
    act('submit', (id) => api.put<Article>(`/articles/${id}/review`), 'Submitted for review');
  const returnToDraft = () => act('return', (id) => api.delete<Article>(`/articles/${id}/review`), 'Returned to draft');
  const unschedule = () => act('unschedule', (id) => api.delete<Article>(`/articles/${id}/schedule`), 'Unscheduled');
  const unpublish = () =>
    act('unpublish', (id) => api.delete<Article>(`/articles/${id}/publication`, { withdraw: false }), 'Unpublished');

  const schedule = () => {
    const at = fromLocalInput(scheduleAt);
    if (!at) {
      setProblems((p) => ({ ...p, at: 'Choose the date and time to publish.' }));
      return;
    }
    if (new Date(at).getTime() <= Date.now()) {
      setProblems((p) => ({ ...p, at: 'Choose a time in the future.' }));
      return;
    }
    setProblems((p) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'at')));
    void act(
      'schedule',
      (id) => api.put<Article>(`/articles/${id}/schedule`, { at }),
      `Scheduled for ${formatDateTime(at)}`,
    );
  };

  const withdraw = async () => {
    const ok = await confirm({
      title: 'Withdraw this article?',
      message:
        'Readers who follow a link to it will be told it was withdrawn (410 Gone), and search engines drop it. Use this for legal or serious editorial reasons; to simply take it down, unpublish instead.',
      confirmLabel: 'Withdraw article',
      danger: true,
    });
    if (ok)
      void act('withdraw', (id) => api.delete<Article>(`/articles/${id}/publication`, { withdraw: true }), 'Withdrawn');
  };

  const remove = async () => {
    const current = articleRef.current;
    if (!current) return;
    const ok = await confirm({
      title: 'Delete this article?',
      message: 'It is removed with its history. This cannot be undone.',
      confirmLabel: 'Delete article',
      danger: true,
    });
    if (!ok) return;
    setBusy('delete');
    try {
      await api.delete(`/articles/${current.id}`);
      setDirty(false);
      toast('Article deleted');
      await navigate(href('/'), { force: true });
    } catch (err) {
      setError(err);
      setBusy(null);
    }
  };

  const preview = async () => {
    // Opened now, while the click still counts as the person's gesture; pointed at the preview once saved.
    const tab = window.open('', '_blank');
    if (!articleRef.current || dirtyRef.current) {
      if (!(await save(false))) {
        tab?.close();
        return;
      }
    }
    const current = articleRef.current;
    if (!current) return;
    const url = `/api/admin/articles/${current.id}/preview`;
    if (tab) {
      tab.opener = null;
      tab.location.href = url;
    } else {
      window.open(url, '_blank', 'noopener');
    }
  };

  const reloadTheirs = async () => {
    const current = articleRef.current;
    if (!current) return;
    const copy: KeptCopy = {
      draft: draftRef.current,
      body: editor.getJSON(),
      text: editor.getText({ blockSeparator: '\n\n' }),
      keptAt: new Date(),
    };
    setBusy('reload');
    try {
      const theirs = await api.get<Article>(`/articles/${current.id}`);
      applyArticle(theirs);
      setKept(copy);
      toast('Their version is loaded. Your text is kept beside the editor.');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const restoreKept = () => {
    if (!kept) return;
    setDraft(kept.draft);
    editor.commands.setContent(kept.body, { emitUpdate: false });
    markChanged();
    toast('Your copy is back in the editor. Saving replaces the other version.');
  };

  const saveText = saving
    ? 'Saving…'
    : conflict
      ? 'Not saved: a newer version exists'
      : dirty
        ? failed
          ? 'Not saved'
          : 'Unsaved changes'
        : savedAt
          ? `Saved · ${formatTime(savedAt)}`
          : 'Not saved yet';

  const section = sections.items.find((s) => s.id === draft.sectionId) ?? null;
  const canSubmit = abilities.submit && (status === 'draft' || status === 'unpublished' || status === 'withdrawn');
  const canPublish = abilities.publish && status !== 'published';
  const altProblems = missingAlt + (featureImage && !featureImage.alt ? 1 : 0);

  const onHeadlineKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      standfirstRef.current?.focus();
    }
  };
  const onStandfirstKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      editor.commands.focus('start');
    }
  };

  return (
    <div className="editor-page">
      <h1 className="visually-hidden" tabIndex={-1}>
        {article ? `Edit: ${title}` : 'New article'}
      </h1>
      <div className="editor-bar">
        <Link to="/" className="editor-bar__back">
          ← Articles
        </Link>
        <p className="editor-bar__status">
          <span className="visually-hidden">Status: </span>
          <StatusBadge status={status} />
        </p>
        <p className={`save-state${dirty ? ' save-state--dirty' : ''}`} role="status" aria-live="polite">
          {saveText}
        </p>
        <div className="editor-bar__actions">
          {abilities.edit ? (
            <button
              type="button"
              className="button"
              onClick={() => void save(false)}
              disabled={saving || conflict !== null}
              aria-keyshortcuts="Control+S Meta+S"
              title="Save (Ctrl+S)"
            >
              Save
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => void preview()} disabled={busy !== null}>
            Preview
          </button>
          {canSubmit ? (
            <button type="button" className="button" onClick={() => void submitForReview()} disabled={busy !== null}>
              Submit for review
            </button>
          ) : null}
          {canPublish ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => void publish()}
              disabled={busy !== null || conflict !== null}
            >
              Publish now
            </button>
          ) : null}
        </div>
      </div>

      {conflict ? (
        <div className="banner banner--conflict" role="alert">
          <div>
            <p className="banner__title">Someone else saved a newer version</p>
            <p>
              {conflict.version ? `Version ${conflict.version} was saved while you were editing. ` : ''}
              Your changes are not saved. Reload their version to carry on: your text stays here as a copy you can read
              and copy from.
            </p>
          </div>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void reloadTheirs()}
            disabled={busy === 'reload'}
          >
            Reload their version
          </button>
        </div>
      ) : null}
      <ErrorAlert error={error} fields={placedFields} />
      {readOnly && article ? <p className="notice">You can read this article but your role cannot change it.</p> : null}

      <div className="editor-layout">
        <div className="editor-main">
          {kept ? (
            <section className="kept-copy" aria-labelledby="kept-copy-title">
              <h2 id="kept-copy-title" className="kept-copy__title">
                Your unsaved copy
              </h2>
              <p className="muted">
                Kept at {formatTime(kept.keptAt)} when the newer version was loaded. Copy what you need, or put it back
                in the editor (saving then replaces the other version).
              </p>
              <p className="kept-copy__headline">{kept.draft.headline}</p>
              {kept.draft.standfirst ? <p className="kept-copy__standfirst">{kept.draft.standfirst}</p> : null}
              <pre className="kept-copy__text">{kept.text}</pre>
              <div className="button-row">
                <button
                  type="button"
                  className="button button--small"
                  onClick={() =>
                    void navigator.clipboard
                      ?.writeText([kept.draft.headline, kept.draft.standfirst, kept.text].filter(Boolean).join('\n\n'))
                      .then(() => toast('Your text is on the clipboard'))
                  }
                >
                  Copy my text
                </button>
                <button type="button" className="button button--small" onClick={restoreKept}>
                  Put my copy back in the editor
                </button>
                <button type="button" className="button button--small button--ghost" onClick={() => setKept(null)}>
                  Discard my copy
                </button>
              </div>
            </section>
          ) : null}

          <Field
            label="Headline"
            error={problems.headline ?? fieldError(error, 'headline')}
            className="field--headline"
          >
            {(control) => (
              <textarea
                {...control}
                className="headline-input"
                rows={1}
                placeholder="Headline"
                value={draft.headline}
                onChange={(e) => update({ headline: e.target.value.replace(/\n/g, ' ') })}
                onKeyDown={onHeadlineKey}
                readOnly={readOnly}
              />
            )}
          </Field>
          <Field label="Standfirst" error={fieldError(error, 'standfirst')} className="field--standfirst">
            {(control) => (
              <textarea
                {...control}
                ref={standfirstRef}
                className="standfirst-input"
                rows={2}
                placeholder="The summary under the headline"
                value={draft.standfirst}
                onChange={(e) => update({ standfirst: e.target.value })}
                onKeyDown={onStandfirstKey}
                readOnly={readOnly}
              />
            )}
          </Field>
          <BodyEditor
            editor={editor}
            readOnly={readOnly}
            articleId={article?.id ?? null}
            dropRef={dropRef}
            error={fieldError(error, 'body')}
          />
        </div>

        <aside className="editor-side" aria-label="Article settings">
          <section className="side-panel side-panel--static" aria-labelledby="publishing-title">
            <h2 id="publishing-title" className="side-panel__title">
              Publishing
            </h2>
            <div className="side-panel__body">
              <dl className="meta-list">
                <dt>Status</dt>
                <dd>
                  <StatusBadge status={status} />
                </dd>
                {status === 'scheduled' && article?.scheduledAt ? (
                  <>
                    <dt>Goes live</dt>
                    <dd>
                      <time dateTime={article.scheduledAt}>{formatDateTime(article.scheduledAt)}</time>
                    </dd>
                  </>
                ) : null}
                {article?.publishedAt ? (
                  <>
                    <dt>Published</dt>
                    <dd>
                      <time dateTime={article.publishedAt}>{formatDateTime(article.publishedAt)}</time>
                    </dd>
                  </>
                ) : null}
                {status === 'published' && article?.url ? (
                  <>
                    <dt>On the site</dt>
                    <dd>
                      <a href={article.url} target="_blank" rel="noopener">
                        View the article
                      </a>
                    </dd>
                  </>
                ) : null}
                {article?.createdBy ? (
                  <>
                    <dt>Created by</dt>
                    <dd>{article.createdBy.name}</dd>
                  </>
                ) : null}
              </dl>
              {altProblems > 0 ? (
                <p className="notice notice--warning">
                  {altProblems === 1 ? 'An image has' : `${altProblems} images have`} no alt text. Add it before
                  publishing.
                </p>
              ) : null}
              <div className="stack stack--tight">
                {status === 'in_review' && abilities.submit ? (
                  <button
                    type="button"
                    className="button"
                    onClick={() => void returnToDraft()}
                    disabled={busy !== null}
                  >
                    Return to draft
                  </button>
                ) : null}
                {abilities.schedule && status !== 'published' && status !== 'scheduled' ? (
                  <div className="schedule">
                    <TextField
                      label="Publish at"
                      type="datetime-local"
                      value={scheduleAt}
                      min={toLocalInput(new Date().toISOString())}
                      onChange={(e) => setScheduleAt(e.target.value)}
                      error={problems.at ?? fieldError(error, 'at')}
                    />
                    <button type="button" className="button" onClick={schedule} disabled={busy !== null}>
                      Schedule
                    </button>
                  </div>
                ) : null}
                {status === 'scheduled' && abilities.schedule ? (
                  <button type="button" className="button" onClick={() => void unschedule()} disabled={busy !== null}>
                    Unschedule
                  </button>
                ) : null}
                {status === 'published' && abilities.unpublish ? (
                  <div className="button-row">
                    <button type="button" className="button" onClick={() => void unpublish()} disabled={busy !== null}>
                      Unpublish
                    </button>
                    <button
                      type="button"
                      className="button button--danger-ghost"
                      onClick={() => void withdraw()}
                      disabled={busy !== null}
                    >
                      Withdraw
                    </button>
                  </div>
                ) : null}
                {article && abilities.delete && status !== 'published' ? (
                  <button
                    type="button"
                    className="button button--danger-ghost"
                    onClick={() => void remove()}
                    disabled={busy !== null}
                  >
                    Delete article
                  </button>
                ) : null}
              </div>
              {status === 'published' || status === 'scheduled' ? (
                <p className="muted small">
                  Changes to a live or scheduled article are saved only when you press Save.
                </p>
              ) : null}
            </div>
          </section>

          {article?.wireSource ? (
            <WirePanel article={article} draft={draft} update={update} readOnly={readOnly} />
          ) : null}
          <PlacementPanel
            draft={draft}
            update={update}
            error={error}
            problems={problems}
            sections={sections.items}
            stories={stories.items}
            readOnly={readOnly}
          />
          <Panel
            title="Tags and authors"
            defaultOpen
            hasError={Boolean(fieldError(error, 'tagIds') || fieldError(error, 'authorIds'))}
          >
            <AuthorsPicker
              selected={draft.authorIds}
              authors={authors.items}
              onChange={(authorIds) => update({ authorIds })}
              error={fieldError(error, 'authorIds')}
              readOnly={readOnly}
            />
            <TagPicker
              selected={draft.tagIds}
              tags={tags.items}
              onChange={(tagIds) => update({ tagIds })}
              canCreate={can('taxonomy.manage')}
              error={fieldError(error, 'tagIds')}
              readOnly={readOnly}
            />
          </Panel>
          <FeatureImagePanel
            draft={draft}
            update={update}
            image={featureImage}
            onImage={setFeatureImage}
            error={error}
            readOnly={readOnly}
          />
          <SourcesPanel
            draft={draft}
            update={update}
            error={error}
            readOnly={readOnly}
            deskName={settings?.deskName ?? null}
          />
          <SeoPanel
            draft={draft}
            update={update}
            error={error}
            article={article}
            section={section}
            image={featureImage}
            siteName={settings?.siteName ?? null}
            readOnly={readOnly}
          />
          {article ? (
            <NotesPanel
              article={article}
              onAdded={(note: Note) => setArticle({ ...article, notes: [...(article.notes ?? []), note] })}
            />
          ) : null}
          {article ? (
            <HistoryPanel
              article={article}
              dirty={dirty}
              onRestored={(restored) => {
                applyArticle(restored);
              }}
            />
          ) : null}
        </aside>
      </div>
    </div>
  );
}
