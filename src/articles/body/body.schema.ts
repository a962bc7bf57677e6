import { type JSONContent, Node } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

/**
 * The article body schema, shared by the server (rendering on save, importing foreign
 * HTML) and the newsroom editor. A node the schema does not know is dropped on import,
 * a first filter before the sanitizer.
 */

export type BodyDoc = JSONContent;

/** An inline "Read more: <headline>" card pointing at another article. */
export const ReadMore = Node.create({
  name: 'readMore',
  group: 'block',
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      articleId: {
        default: null,
        parseHTML: (el: HTMLElement) => Number(el.getAttribute('data-article-id')) || null,
        rendered: false,
      },
      slug: { default: null, parseHTML: (el: HTMLElement) => el.getAttribute('data-slug'), rendered: false },
      href: { default: null, rendered: false },
      headline: { default: '', rendered: false },
    };
  },
  parseHTML() {
    return [{ tag: 'aside[data-read-more]' }];
  },
  renderHTML({ node }) {
    const { articleId, href, headline } = node.attrs as {
      articleId: number | null;
      href: string | null;
      headline: string;
    };
    if (!href) return ['aside', { class: 'read-more read-more--missing', 'data-read-more': '' }, ''];
    return [
      'aside',
      { class: 'read-more', 'data-read-more': '', 'data-article-id': String(articleId ?? '') },
      [
        'a',
        { href },
        ['span', { class: 'read-more__label' }, 'Read more'],
        ['span', { class: 'read-more__headline' }, headline],
      ],
    ];
  },
});

/** An image inside the body, with caption, credit and alt text. */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  addAttributes() {
    return {
      imageId: {
        default: null,
        parseHTML: (el: HTMLElement) => Number(el.getAttribute('data-image-id')) || null,
        rendered: false,
      },
      src: {
        default: null,
        parseHTML: (el: HTMLElement) => el.querySelector('img')?.getAttribute('src') ?? null,
        rendered: false,
      },
      srcset: { default: null, rendered: false },
      alt: {
        default: '',
        parseHTML: (el: HTMLElement) => el.querySelector('img')?.getAttribute('alt') ?? '',
        rendered: false,
      },
      width: { default: null, rendered: false },
      height: { default: null, rendered: false },
      caption: {
        default: '',
        parseHTML: (el: HTMLElement) => el.querySelector('figcaption')?.textContent?.trim() ?? '',
        rendered: false,
      },
      credit: { default: '', rendered: false },
    };
  },
  parseHTML() {
    return [{ tag: 'figure', getAttrs: (el: HTMLElement) => (el.querySelector('img') ? null : false) }];
  },
  renderHTML({ node }) {
    const a = node.attrs as {
      src: string | null;
      srcset: string | null;
      alt: string;
      width: number | null;
      height: number | null;
      caption: string;
      credit: string;
    };
    const img: Record<string, string> = { src: a.src ?? '', alt: a.alt, loading: 'lazy', decoding: 'async' };
    if (a.srcset) {
      img.srcset = a.srcset;
      img.sizes = '(min-width: 760px) 680px, 100vw';
    }
    if (a.width) img.width = String(a.width);
    if (a.height) img.height = String(a.height);
    const caption: (string | unknown[])[] = [];
    if (a.caption) caption.push(['span', { class: 'figure__caption' }, a.caption]);
    if (a.credit) caption.push(['span', { class: 'figure__credit' }, a.credit]);
    return caption.length > 0
      ? ['figure', { class: 'figure' }, ['img', img], ['figcaption', {}, ...caption]]
      : ['figure', { class: 'figure' }, ['img', img]];
  },
});

/** A quotation pulled out of the text and set large. */
export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'text*',
  marks: '',
  defining: true,
  addAttributes() {
    return {
      attribution: {
        default: '',
        parseHTML: (el: HTMLElement) => el.querySelector('figcaption')?.textContent?.trim() ?? '',
        rendered: false,
      },
    };
  },
  parseHTML() {
    return [{ tag: 'figure.pull-quote', contentElement: 'blockquote' }];
  },
  renderHTML({ node }) {
    const attribution = (node.attrs as { attribution: string }).attribution;
    return attribution
      ? ['figure', { class: 'pull-quote' }, ['blockquote', {}, 0], ['figcaption', {}, attribution]]
      : ['figure', { class: 'pull-quote' }, ['blockquote', {}, 0]];
  },
});

/**
 * An embedded video or post, kept as its address and shown as a link card: no third-party
 * script or frame reaches a reader page under our Content-Security-Policy.
 */
export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  addAttributes() {
    return {
      url: { default: null, parseHTML: (el: HTMLElement) => el.getAttribute('data-url'), rendered: false },
      provider: {
        default: '',
        parseHTML: (el: HTMLElement) => el.getAttribute('data-provider') ?? '',
        rendered: false,
      },
      title: { default: '', parseHTML: (el: HTMLElement) => el.textContent?.trim() ?? '', rendered: false },
    };
  },
  parseHTML() {
    return [{ tag: 'figure[data-embed]' }];
  },
  renderHTML({ node }) {
    const a = node.attrs as { url: string | null; provider: string; title: string };
    const safe = a.url && /^https?:\/\//i.test(a.url) ? a.url : null;
    if (!safe) return ['figure', { class: 'embed embed--missing', 'data-embed': '' }, ''];
    return [
      'figure',
      { class: 'embed', 'data-embed': '', 'data-url': safe, 'data-provider': a.provider },
      ['a', { href: safe, rel: 'noopener nofollow', class: 'embed__link' }, a.title || safe],
      ['figcaption', {}, a.provider ? `Embedded from ${a.provider}` : 'Embedded content'],
    ];
  },
});

export const bodyExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    horizontalRule: false,
    link: {
      openOnClick: false,
      autolink: false,
      protocols: ['http', 'https', 'mailto'],
      HTMLAttributes: { rel: null, target: null },
    },
  }),
  ReadMore,
  Figure,
  PullQuote,
  Embed,
];
