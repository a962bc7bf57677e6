import { NodeViewContent, type NodeViewProps, NodeViewWrapper } from '@tiptap/react';
import { useContext } from 'react';
import { EditorUiContext, type EmbedAttrs, type FigureAttrs, type ReadMoreAttrs } from './editorUi';

function CardActions({ label, onEdit, onRemove }: { label: string; onEdit: () => void; onRemove: () => void }) {
  const ui = useContext(EditorUiContext);
  if (ui.readOnly) return null;
  return (
    <div className="nv-card__actions">
      <button type="button" className="button button--small" onClick={onEdit}>
        Edit {label}
      </button>
      <button type="button" className="button button--small button--ghost" onClick={onRemove}>
        Remove {label}
      </button>
    </div>
  );
}

/** A figure in the body: the image, its caption and credit, and a warning while alt text is missing. */
export function FigureView({ node, updateAttributes, deleteNode, selected }: NodeViewProps) {
  const ui = useContext(EditorUiContext);
  const a = node.attrs as FigureAttrs;
  return (
    <NodeViewWrapper className={`nv-card nv-figure${selected ? ' is-selected' : ''}`} data-card="figure">
      {a.src ? (
        <img className="nv-figure__image" src={a.src} alt={a.alt} />
      ) : (
        <div className="nv-figure__missing">The image is missing</div>
      )}
      <p className="nv-figure__caption">
        {a.caption ? <span>{a.caption}</span> : <span className="muted">No caption</span>}
        {a.credit ? <span className="nv-figure__credit">{a.credit}</span> : null}
      </p>
      {a.alt ? null : <p className="nv-warning">No alt text: add it before publishing.</p>}
      <CardActions
        label="figure"
        onEdit={() => ui.editFigure(a, (next) => updateAttributes(next))}
        onRemove={deleteNode}
      />
    </NodeViewWrapper>
  );
}

/** The "Read more" card pointing at another article. */
export function ReadMoreView({ node, updateAttributes, deleteNode, selected }: NodeViewProps) {
  const ui = useContext(EditorUiContext);
  const a = node.attrs as ReadMoreAttrs;
  return (
    <NodeViewWrapper className={`nv-card nv-readmore${selected ? ' is-selected' : ''}`} data-card="readMore">
      <p className="nv-readmore__text">
        <span className="nv-readmore__label">Read more</span>
        <span className="nv-readmore__headline">{a.headline || 'An article that no longer exists'}</span>
      </p>
      <CardActions
        label="read more"
        onEdit={() => ui.editReadMore(a, (next) => updateAttributes(next))}
        onRemove={deleteNode}
      />
    </NodeViewWrapper>
  );
}

/** An embedded video or post, shown as the link card readers will see. */
export function EmbedView({ node, updateAttributes, deleteNode, selected }: NodeViewProps) {
  const ui = useContext(EditorUiContext);
  const a = node.attrs as EmbedAttrs;
  return (
    <NodeViewWrapper className={`nv-card nv-embed${selected ? ' is-selected' : ''}`} data-card="embed">
      <p className="nv-embed__provider">{a.provider ? `Embedded from ${a.provider}` : 'Embedded content'}</p>
      <p className="nv-embed__title">{a.title || a.url}</p>
      {a.url ? <p className="nv-embed__url">{a.url}</p> : <p className="nv-warning">No address</p>}
      <CardActions
        label="embed"
        onEdit={() => ui.editEmbed(a, (next) => updateAttributes(next))}
        onRemove={deleteNode}
      />
    </NodeViewWrapper>
  );
}

/** A pull quote: its text is edited in place, its attribution in a small field under it. */
export function PullQuoteView({ node, updateAttributes }: NodeViewProps) {
  const ui = useContext(EditorUiContext);
  const attribution = (node.attrs as { attribution: string }).attribution;
  return (
    <NodeViewWrapper as="figure" className="nv-pullquote">
      <NodeViewContent<'blockquote'> as="blockquote" className="nv-pullquote__text" />
      <figcaption contentEditable={false} className="nv-pullquote__attribution">
        {ui.readOnly ? (
          attribution
        ) : (
          <input
            type="text"
            aria-label="Pull quote attribution"
            placeholder="Attribution (optional)"
            value={attribution}
            onChange={(e) => updateAttributes({ attribution: e.target.value })}
          />
        )}
      </figcaption>
    </NodeViewWrapper>
  );
}
