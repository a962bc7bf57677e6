import { type Editor, EditorContent } from '@tiptap/react';
import { type MutableRefObject, useEffect, useMemo, useRef, useState } from 'react';
import { hasFiles, uploadImage } from '../media/UploadZone';
import { errorMessage } from '../ui/Field';
import { EmbedDialog, FigureDialog, LinkDialog, ReadMoreDialog } from './dialogs';
import {
  type Apply,
  type EditorUi,
  EditorUiContext,
  type EmbedAttrs,
  type FigureAttrs,
  figureAttrsOf,
  type ReadMoreAttrs,
} from './editorUi';
import { Toolbar } from './Toolbar';

/** Uploads dropped or pasted images and inserts them as figures after the block at `pos`. */
export type DropHandler = (files: File[], pos: number | null) => void;

type OpenDialog =
  | { kind: 'figure'; initial: FigureAttrs | null; apply: Apply<FigureAttrs> }
  | { kind: 'readMore'; apply: Apply<ReadMoreAttrs> }
  | { kind: 'embed'; initial: EmbedAttrs | null; apply: Apply<EmbedAttrs> }
  | { kind: 'link'; initial: string };

interface Upload {
  key: number;
  name: string;
  progress: number;
  error: string | null;
}

interface BodyEditorProps {
  editor: Editor;
  readOnly: boolean;
  articleId: number | null;
  dropRef: MutableRefObject<DropHandler | null>;
  error?: string | undefined;
}

export function BodyEditor({ editor, readOnly, articleId, dropRef, error }: BodyEditorProps) {
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const nextKey = useRef(1);

  const ui = useMemo<EditorUi>(
    () => ({
      readOnly,
      editFigure: (initial, apply) => setDialog({ kind: 'figure', initial, apply }),
      editReadMore: (_initial, apply) => setDialog({ kind: 'readMore', apply }),
      editEmbed: (initial, apply) => setDialog({ kind: 'embed', initial, apply }),
    }),
    [readOnly],
  );

  /**
   * Inserts a card after the selection (never over it: a card just inserted is selected, and
   * the next insert would replace it), followed by a paragraph where the cursor goes on.
   */
  const insertBlock = (type: string, attrs: object) => {
    const at = editor.state.selection.to;
    editor
      .chain()
      .focus()
      .insertContentAt(at, [{ type, attrs }, { type: 'paragraph' }])
      .run();
  };

  useEffect(() => {
    dropRef.current = (files, pos) => {
      for (const file of files) {
        const key = nextKey.current++;
        setUploads((list) => [...list, { key, name: file.name, progress: 0, error: null }]);
        const update = (patch: Partial<Upload>) =>
          setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...patch } : u)));
        uploadImage(file, (progress) => update({ progress }))
          .then((image) => {
            setUploads((list) => list.filter((u) => u.key !== key));
            const { doc, selection } = editor.state;
            const at = Math.min(pos ?? selection.to, doc.content.size);
            const $at = doc.resolve(at);
            const target = $at.depth > 0 ? $at.after(1) : at;
            editor
              .chain()
              .insertContentAt(target, { type: 'figure', attrs: figureAttrsOf(image) })
              .run();
          })
          .catch((err: unknown) => update({ error: errorMessage(err) }));
      }
    };
    return () => {
      dropRef.current = null;
    };
  }, [editor, dropRef]);

  const openLink = () => {
    const current = (editor.getAttributes('link') as { href?: string }).href ?? '';
    setDialog({ kind: 'link', initial: current });
  };

  const close = () => {
    setDialog(null);
    editor.commands.focus();
  };

  return (
    <EditorUiContext.Provider value={ui}>
      <div className={`body-editor${error ? ' body-editor--invalid' : ''}`}>
        <div className="body-editor__bar">
          <Toolbar
            editor={editor}
            disabled={readOnly}
            onLink={openLink}
            onFigure={() => setDialog({ kind: 'figure', initial: null, apply: (a) => insertBlock('figure', a) })}
            onReadMore={() => setDialog({ kind: 'readMore', apply: (a) => insertBlock('readMore', a) })}
            onEmbed={() => setDialog({ kind: 'embed', initial: null, apply: (a) => insertBlock('embed', a) })}
          />
        </div>
        {uploads.length > 0 ? (
          <ul className="uploads uploads--editor" aria-live="polite">
            {uploads.map((u) => (
              <li key={u.key} className="uploads__item">
                <span className="uploads__name">{u.name}</span>
                {u.error ? (
                  <>
                    <span className="field__error">{u.error}</span>
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      onClick={() => setUploads((list) => list.filter((x) => x.key !== u.key))}
                    >
                      Dismiss
                    </button>
                  </>
                ) : (
                  <progress value={u.progress} max={1} aria-label={`Uploading ${u.name}`} />
                )}
              </li>
            ))}
          </ul>
        ) : null}
        {error ? <p className="field__error body-editor__error">{error}</p> : null}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: drag feedback only; the drop itself is the editor's */}
        <div
          className={`body-editor__surface${dragging ? ' is-dragging' : ''}`}
          onDragEnter={(e) => {
            if (!readOnly && hasFiles(e)) setDragging(true);
          }}
          onDragLeave={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
          }}
          onDrop={() => setDragging(false)}
        >
          <EditorContent editor={editor} />
          {dragging ? (
            <p className="body-editor__drop-hint" aria-hidden="true">
              Drop images to add them as figures
            </p>
          ) : null}
        </div>
        {readOnly ? null : (
          <p className="body-editor__tip muted">
            Tip: drop or paste images straight into the text to upload them as figures.
          </p>
        )}
      </div>

      {dialog?.kind === 'figure' ? (
        <FigureDialog
          initial={dialog.initial}
          onClose={close}
          onSubmit={(attrs) => {
            setDialog(null);
            dialog.apply(attrs);
          }}
        />
      ) : null}
      {dialog?.kind === 'readMore' ? (
        <ReadMoreDialog
          currentArticleId={articleId}
          onClose={close}
          onSubmit={(attrs) => {
            setDialog(null);
            dialog.apply(attrs);
          }}
        />
      ) : null}
      {dialog?.kind === 'embed' ? (
        <EmbedDialog
          initial={dialog.initial}
          onClose={close}
          onSubmit={(attrs) => {
            setDialog(null);
            dialog.apply(attrs);
          }}
        />
      ) : null}
      {dialog?.kind === 'link' ? (
        <LinkDialog
          initial={dialog.initial}
          onClose={close}
          onRemove={
            dialog.initial
              ? () => {
                  setDialog(null);
                  editor.chain().focus().extendMarkRange('link').unsetLink().run();
                }
              : null
          }
          onSubmit={(href) => {
            setDialog(null);
            const chain = editor.chain().focus().extendMarkRange('link');
            if (editor.state.selection.empty && !dialog.initial) {
              chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
            } else {
              chain.setLink({ href }).run();
            }
          }}
        />
      ) : null}
    </EditorUiContext.Provider>
  );
}
