/**
 * The text elements an article body can hold, as foreign HTML (wire copy, imports) names
 * them: what sanitizing lets through before the body schema, or a preview, reads it.
 * Kept apart from the schema so a preview does not load the editor's model.
 */
export const bodyTextTags = [
  'p',
  'h2',
  'h3',
  'h4',
  'strong',
  'b',
  'em',
  'i',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'br',
  'figure',
  'figcaption',
];
