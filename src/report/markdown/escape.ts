/** Escaping for GitHub-flavoured Markdown table cells: pipes, backslashes, newlines, HTML. */
export function escapeCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '<br>');
}

/** A Markdown table from a heading and rows (cells escaped). */
export function markdownTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ('l' | 'r')[],
): string {
  return markdownTableOf(
    head.map(escapeCell),
    rows.map((r) => r.map(escapeCell)),
    align,
  );
}

/** A Markdown table of cells that are Markdown already (escaped by the caller). */
export function markdownTableOf(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ('l' | 'r')[],
): string {
  const rule = head.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}
