import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { type KeyboardEvent, useRef, useState } from 'react';

interface ToolbarProps {
  editor: Editor;
  disabled: boolean;
  onLink: () => void;
  onFigure: () => void;
  onReadMore: () => void;
  onEmbed: () => void;
}

interface Tool {
  /** The accessible name; also the tooltip. */
  name: string;
  glyph: string;
  shortcut?: string;
  pressed?: boolean;
  enabled?: boolean;
  run: () => void;
  group: string;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
const shortcutLabel = (keys: string) => (isMac ? `⌘${keys}` : `Ctrl+${keys}`);
const shortcutAria = (keys: string) => `${isMac ? 'Meta' : 'Control'}+${keys}`;

/**
 * The formatting toolbar: one tab stop, arrow keys move between buttons (the WAI-ARIA
 * toolbar pattern); toggles say whether they are on with aria-pressed.
 */
export function Toolbar({ editor, disabled, onLink, onFigure, onReadMore, onEmbed }: ToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      paragraph: e.isActive('paragraph'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      link: e.isActive('link'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      pullQuote: e.isActive('pullQuote'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const chain = () => editor.chain().focus();

  const tools: Tool[] = [
    {
      group: 'block',
      name: 'Paragraph',
      glyph: '¶',
      pressed: state.paragraph,
      run: () => chain().setParagraph().run(),
    },
    {
      group: 'block',
      name: 'Heading 2',
      glyph: 'H2',
      pressed: state.h2,
      run: () => chain().toggleHeading({ level: 2 }).run(),
    },
    {
      group: 'block',
      name: 'Heading 3',
      glyph: 'H3',
      pressed: state.h3,
      run: () => chain().toggleHeading({ level: 3 }).run(),
    },
    {
      group: 'mark',
      name: 'Bold',
      glyph: 'B',
      shortcut: 'B',
      pressed: state.bold,
      run: () => chain().toggleBold().run(),
    },
    {
      group: 'mark',
      name: 'Italic',
      glyph: 'I',
      shortcut: 'I',
      pressed: state.italic,
      run: () => chain().toggleItalic().run(),
    },
    { group: 'mark', name: 'Link', glyph: 'Link', pressed: state.link, run: onLink },
    {
      group: 'list',
      name: 'Bulleted list',
      glyph: '•≡',
      pressed: state.bulletList,
      run: () => chain().toggleBulletList().run(),
    },
    {
      group: 'list',
      name: 'Numbered list',
      glyph: '1≡',
      pressed: state.orderedList,
      run: () => chain().toggleOrderedList().run(),
    },
    {
      group: 'list',
      name: 'Quote',
      glyph: '“',
      pressed: state.blockquote,
      run: () => chain().toggleBlockquote().run(),
    },
    {
      group: 'list',
      name: 'Pull quote',
      glyph: '❝❞',
      pressed: state.pullQuote,
      run: () => (state.pullQuote ? chain().setParagraph().run() : chain().setNode('pullQuote').run()),
    },
    { group: 'insert', name: 'Insert figure', glyph: 'Figure', run: onFigure },
    { group: 'insert', name: 'Insert Read more card', glyph: 'Read more', run: onReadMore },
    { group: 'insert', name: 'Insert embed', glyph: 'Embed', run: onEmbed },
    {
      group: 'history',
      name: 'Undo',
      glyph: '↶',
      shortcut: 'Z',
      enabled: state.canUndo,
      run: () => chain().undo().run(),
    },
    {
      group: 'history',
      name: 'Redo',
      glyph: '↷',
      shortcut: 'Shift+Z',
      enabled: state.canRedo,
      run: () => chain().redo().run(),
    },
  ];

  const usable = tools.map((tool) => !disabled && tool.enabled !== false);
  // The one tab stop must be a button that can take focus.
  const tabStop = usable[focusIndex] ? focusIndex : usable.indexOf(true);

  const onKeyDown = (event: KeyboardEvent) => {
    const step =
      event.key === 'ArrowRight' || event.key === 'Home'
        ? 1
        : event.key === 'ArrowLeft' || event.key === 'End'
          ? -1
          : 0;
    if (!step) return;
    event.preventDefault();
    const count = tools.length;
    let next = event.key === 'Home' ? 0 : event.key === 'End' ? count - 1 : (tabStop + step + count) % count;
    for (let tries = 0; tries < count && !usable[next]; tries++) next = (next + step + count) % count;
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting" aria-controls="article-body" onKeyDown={onKeyDown}>
      {tools.map((tool, index) => {
        const previous = tools[index - 1];
        return (
          <span key={tool.name} className="toolbar__item">
            {previous && previous.group !== tool.group ? (
              <span className="toolbar__divider" aria-hidden="true" />
            ) : null}
            <button
              ref={(el) => {
                buttons.current[index] = el;
              }}
              type="button"
              className={`toolbar__button toolbar__button--${tool.group}${tool.glyph.length > 3 ? ' toolbar__button--text' : ''}`}
              aria-label={tool.name}
              title={tool.shortcut ? `${tool.name} (${shortcutLabel(tool.shortcut)})` : tool.name}
              aria-pressed={tool.pressed === undefined ? undefined : tool.pressed}
              aria-keyshortcuts={tool.shortcut ? shortcutAria(tool.shortcut) : undefined}
              disabled={!usable[index]}
              tabIndex={index === tabStop ? 0 : -1}
              // Keep the editor's selection: the command runs on it.
              onMouseDown={(e) => e.preventDefault()}
              onFocus={() => setFocusIndex(index)}
              onClick={tool.run}
            >
              {/* Short glyphs are drawn by CSS, like icons; words stay text (and part of the name). */}
              {tool.glyph.length > 3 ? tool.glyph : <span className="toolbar__glyph" data-glyph={tool.glyph} />}
            </button>
          </span>
        );
      })}
    </div>
  );
}
