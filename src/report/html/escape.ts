/** Escaping for HTML text and attributes, and JSON inside a `<script type="application/json">`. */

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text or a double- or single-quoted attribute value: & < > " ' as entities.
 * @example escapeHtml('<script>alert(1)</script>') // '&lt;script&gt;alert(1)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITY[c] ?? c);
}

/**
 * JSON that is safe inside a script data block: `<` as \u003c (no `</script>` or `<!--` can
 * end or change the block), and the line separators U+2028/9 escaped. JSON.parse reads it back.
 * @example scriptJson({ name: '</script>' }) // '{"name":"\\u003c/script>"}'
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
