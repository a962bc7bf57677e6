/**
 * JSON for a `<script type="application/ld+json">` block. Inside a script element the HTML
 * parser looks only for `</script` (and `<!--`), so every `<`, `>` and `&` is written as a
 * JSON escape: a headline containing `</script>` stays data. U+2028/2029 are escaped for
 * consumers that read the block as JavaScript.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
