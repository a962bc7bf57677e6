import { type Element, Window } from 'happy-dom';
import { AppError } from '../../errors.js';
import { type ImageRow, type MediaService, textLimits } from '../../media/media.service.js';
import { FetchError } from '../ingest/fetch.js';
import type { WireImage } from '../ingest/wire-item.js';

/**
 * Agency pictures brought into our media library. Reader pages allow only our own images
 * (Content-Security-Policy img-src 'self'), so an adopted item's pictures are fetched
 * (through the ingest's guarded fetcher), checked and stored by the media pipeline, and the
 * article points at those copies; a picture that cannot be had is left out and said why.
 */

export interface PictureDeps {
  media: MediaService;
  /** The guarded fetcher of the ingest: SSRF check, size limit, timeout. */
  fetchImage: (url: string) => Promise<Buffer>;
}

/** A picture as the agency described it. */
export interface AgencyPicture {
  url: string;
  alt?: string | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
}

/** An adoption fetches at most this many pictures: each may take the fetch timeout. */
export const maxPicturesPerAdoption = 12;

const clip = (text: string | undefined, limit: number) => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, limit);
const sentence = (text: string) => text.trim().replace(/[.\s]+$/, '');

/**
 * Imports each address once per adoption, reusing a copy already in the library (stored
 * under the agency's address as its original name). Failures are collected as sentences
 * for the article's log; nothing here throws for a picture that cannot be had.
 */
export class PictureImporter {
  private readonly byUrl = new Map<string, Promise<ImageRow | null>>();
  /** What went wrong, one sentence a picture: "The picture https://… was left out: the image answered 404 Not Found." */
  readonly problems: string[] = [];
  /** Images this importer stored (not reused), so a failed adoption can remove them again. */
  readonly created: number[] = [];

  constructor(
    private readonly deps: PictureDeps,
    private readonly opts: { uploadedBy: number | null },
  ) {}

  import(picture: AgencyPicture): Promise<ImageRow | null> {
    let pending = this.byUrl.get(picture.url);
    if (!pending) {
      if (this.byUrl.size >= maxPicturesPerAdoption) {
        this.problems.push(
          `The picture ${picture.url} was left out: an adoption brings in at most ${maxPicturesPerAdoption} pictures.`,
        );
        pending = Promise.resolve(null);
      } else {
        pending = this.fetchAndStore(picture);
      }
      this.byUrl.set(picture.url, pending);
    }
    return pending;
  }

  /** Never rejects: the promise may be started long before anyone waits for it. */
  private async fetchAndStore(picture: AgencyPicture): Promise<ImageRow | null> {
    const { media, fetchImage } = this.deps;
    try {
      const known = (await media.findByOriginalNames([picture.url])).find((image) => image.status !== 'failed');
      if (known) return known;
      const bytes = await fetchImage(picture.url);
      const image = await media.uploadImage(bytes, {
        originalName: picture.url,
        // Alt text from the agency's description when it gives one; otherwise empty, so the
        // newsroom's rule (no publishing an image without alt text) asks an editor to write it.
        alt: clip(picture.alt || picture.caption, textLimits.alt),
        caption: clip(picture.caption, textLimits.caption),
        credit: clip(picture.credit, textLimits.credit),
        uploadedBy: this.opts.uploadedBy,
      });
      this.created.push(image.id);
      return image;
    } catch (error) {
      const reason =
        error instanceof FetchError || error instanceof AppError
          ? sentence(error.message)
          : `it could not be stored (${(error as NodeJS.ErrnoException).code ?? 'unexpected error'})`;
      this.problems.push(`The picture ${picture.url} was left out: ${lowerFirst(reason)}.`);
      return null;
    }
  }
}

const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]?.toLowerCase() + text.slice(1) : text);

/** An inline picture of an agency body: its address, alt text and the caption of the figure around it. */
export interface InlinePicture {
  url: string;
  alt: string;
  caption: string;
}

/** The inline pictures of an agency body, in reading order. */
export async function inlinePictures(html: string): Promise<InlinePicture[]> {
  const window = newWindow();
  try {
    window.document.body.innerHTML = html;
    return Array.from(window.document.body.querySelectorAll('img')).flatMap((img) => pictureOf(img) ?? []);
  } finally {
    await window.happyDOM.close();
  }
}

/**
 * The agency body with each inline picture replaced by a figure of the body schema that
 * refers to our copy (`data-image-id`), set after the top-level block it stood in; a picture
 * `place` answers null for is dropped, and a paragraph left empty by that goes with it.
 */
export async function placePictures(
  html: string,
  place: (picture: InlinePicture) => Promise<number | null>,
): Promise<string> {
  const window = newWindow();
  try {
    const { document } = window;
    document.body.innerHTML = html;
    for (const img of Array.from(document.body.querySelectorAll('img'))) {
      const picture = pictureOf(img);
      const imageId = picture ? await place(picture) : null;
      const agencyFigure = img.closest('figure');
      let block: Element = agencyFigure ?? img;
      while (block.parentElement && block.parentElement !== document.body) block = block.parentElement;
      if (imageId !== null) {
        // No address of its own: the body renderer fills it in from the library image.
        const figure = document.createElement('figure');
        figure.setAttribute('data-image-id', String(imageId));
        figure.appendChild(document.createElement('img'));
        block.after(figure);
      }
      (agencyFigure ?? img).remove();
      if (block !== agencyFigure && block !== img && !block.textContent.trim() && !block.querySelector('img')) {
        block.remove();
      }
    }
    return document.body.innerHTML;
  } finally {
    await window.happyDOM.close();
  }
}

/** What the pictures of one item are read from. */
export interface PictureSource {
  images: WireImage[];
  bodyHtml: string;
  /** Credited when the agency names no photographer. */
  sourceName: string;
}

/**
 * The pictures of the items an article is made of: the first item's lead picture becomes
 * the feature image (unless `feature` is false: an update keeps the article's own), and each
 * body's inline pictures become figures of our copies. Every fetch starts at once; a picture
 * shown as the feature image (or `skipUrl`) is not repeated in the body.
 */
export async function importPictures(
  importer: PictureImporter,
  items: PictureSource[],
  opts: { feature: boolean; skipUrl?: string | null },
): Promise<{ featureImageId: number | null; bodies: string[] }> {
  let leadOf: AgencyPicture | undefined;
  for (const item of opts.feature ? items : []) {
    const lead = await leadPicture(item.images, item.bodyHtml);
    if (lead) {
      leadOf = { ...lead, credit: lead.credit || item.sourceName };
      break;
    }
  }
  const skip = leadOf?.url ?? opts.skipUrl ?? null;
  const described = (item: PictureSource, picture: InlinePicture): AgencyPicture => {
    const listed = item.images.find((i) => i.url === picture.url);
    return {
      url: picture.url,
      alt: picture.alt || listed?.alt,
      caption: picture.caption || listed?.caption,
      credit: listed?.credit || item.sourceName,
    };
  };
  const feature = leadOf ? importer.import(leadOf) : Promise.resolve(null);
  for (const item of items) {
    for (const picture of await inlinePictures(item.bodyHtml)) {
      if (picture.url !== skip) void importer.import(described(item, picture));
    }
  }
  const bodies: string[] = [];
  for (const item of items) {
    bodies.push(
      await placePictures(item.bodyHtml, async (picture) =>
        picture.url === skip ? null : ((await importer.import(described(item, picture)))?.id ?? null),
      ),
    );
  }
  return { featureImageId: (await feature)?.id ?? null, bodies };
}

/** The first picture of an item: its listed images first (the agency's own choice), then its body's. */
export async function leadPicture(images: WireImage[], bodyHtml: string): Promise<AgencyPicture | null> {
  const first = images[0];
  if (first) return { url: first.url, alt: first.alt, caption: first.caption, credit: first.credit };
  const inline = (await inlinePictures(bodyHtml))[0];
  return inline ? { url: inline.url, alt: inline.alt, caption: inline.caption } : null;
}

function pictureOf(img: Element): InlinePicture | null {
  const url = img.getAttribute('src')?.trim() ?? '';
  if (!/^https?:\/\//i.test(url)) return null;
  return {
    url,
    alt: img.getAttribute('alt')?.trim() ?? '',
    caption: img.closest('figure')?.querySelector('figcaption')?.textContent.trim() ?? '',
  };
}

function newWindow() {
  // Bodies are sanitized when stored; scripts would never run here anyway.
  return new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true } });
}
