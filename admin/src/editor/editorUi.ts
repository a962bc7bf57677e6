import { createContext } from 'react';
import type { MediaImage } from '../api/types';

/** Attributes of the body's custom nodes, as declared in the shared body schema. */
export interface FigureAttrs {
  imageId: number | null;
  src: string | null;
  srcset: string | null;
  alt: string;
  width: number | null;
  height: number | null;
  caption: string;
  credit: string;
}

export interface ReadMoreAttrs {
  articleId: number | null;
  slug: string | null;
  href: string | null;
  headline: string;
}

export interface EmbedAttrs {
  url: string | null;
  provider: string;
  title: string;
}

export type Apply<T> = (attrs: T) => void;

/** What the body's cards ask of the editor around them: open a dialog to change themselves. */
export interface EditorUi {
  readOnly: boolean;
  editFigure: (initial: FigureAttrs, apply: Apply<FigureAttrs>) => void;
  editReadMore: (initial: ReadMoreAttrs, apply: Apply<ReadMoreAttrs>) => void;
  editEmbed: (initial: EmbedAttrs, apply: Apply<EmbedAttrs>) => void;
}

export const EditorUiContext = createContext<EditorUi>({
  readOnly: true,
  editFigure: () => {},
  editReadMore: () => {},
  editEmbed: () => {},
});

export function figureAttrsOf(image: MediaImage, overrides: Partial<FigureAttrs> = {}): FigureAttrs {
  return {
    imageId: image.id,
    src: image.url,
    srcset: null,
    alt: image.alt,
    width: image.width || null,
    height: image.height || null,
    caption: image.caption,
    credit: image.credit,
    ...overrides,
  };
}

const providers: [RegExp, string][] = [
  [/(^|\.)youtube\.com$|(^|\.)youtu\.be$|(^|\.)youtube-nocookie\.com$/, 'YouTube'],
  [/(^|\.)vimeo\.com$/, 'Vimeo'],
  [/(^|\.)twitter\.com$|(^|\.)x\.com$/, 'X'],
  [/(^|\.)instagram\.com$/, 'Instagram'],
  [/(^|\.)facebook\.com$|(^|\.)fb\.watch$/, 'Facebook'],
  [/(^|\.)tiktok\.com$/, 'TikTok'],
  [/(^|\.)threads\.net$|(^|\.)threads\.com$/, 'Threads'],
  [/(^|\.)bsky\.app$/, 'Bluesky'],
  [/(^|\.)linkedin\.com$/, 'LinkedIn'],
  [/(^|\.)soundcloud\.com$/, 'SoundCloud'],
  [/(^|\.)spotify\.com$/, 'Spotify'],
  [/(^|\.)dailymotion\.com$|(^|\.)dai\.ly$/, 'Dailymotion'],
  [/(^|\.)reddit\.com$/, 'Reddit'],
  [/(^|\.)t\.me$/, 'Telegram'],
];

/** "YouTube" for a YouTube address; the host name for anything else; null if it is not a web address. */
export function embedProvider(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  return providers.find(([pattern]) => pattern.test(host))?.[1] ?? host;
}
