import Placeholder from '@tiptap/extension-placeholder';
import { ReactNodeViewRenderer } from '@tiptap/react';
// The very node definitions the server renders with: what the editor makes, the server knows.
import { bodyExtensions, Embed, Figure, PullQuote, ReadMore } from '../../../src/articles/body/body.schema';
import { EmbedView, FigureView, PullQuoteView, ReadMoreView } from './nodeViews';

const withViews = new Set(['readMore', 'figure', 'pullQuote', 'embed']);

export const editorExtensions = [
  ...bodyExtensions.filter((extension) => !withViews.has(extension.name)),
  ReadMore.extend({ addNodeView: () => ReactNodeViewRenderer(ReadMoreView) }),
  Figure.extend({ addNodeView: () => ReactNodeViewRenderer(FigureView) }),
  PullQuote.extend({ addNodeView: () => ReactNodeViewRenderer(PullQuoteView) }),
  Embed.extend({ addNodeView: () => ReactNodeViewRenderer(EmbedView) }),
  Placeholder.configure({
    placeholder: ({ node }) =>
      node.type.name === 'heading'
        ? 'Subheading'
        : node.type.name === 'pullQuote'
          ? 'The quotation'
          : 'Write the story…',
  }),
];

export const emptyBody = { type: 'doc', content: [{ type: 'paragraph' }] };
