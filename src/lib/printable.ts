/**
 * Control characters in a value echoed back to a person (a model name, a --set or --target
 * argument) as visible escapes, so that no value can start a line of its own: a newline
 * followed by `::error file=…::` would otherwise be a GitHub workflow command the model wrote,
 * and an ESC would be a terminal escape sequence.
 * @example printable('a\n::error::x') // 'a\\n::error::x'
 */
export function printable(text: string): string {
  // C0 controls, DEL, C1 controls, and the Unicode line and paragraph separators.
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    switch (c) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
}
