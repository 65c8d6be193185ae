/**
 * Word-wraps text to `width` visible columns (colour codes do not count); the first line starts
 * with `indent`, continuation lines with `indent` plus two spaces.
 */
export function wrap(text: string, indent = '  ', width = 100): string {
  const visible = (x: string): number => [...x.replace(/\u001b\[[0-9;]*m/g, '')].length;
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(' ')) {
    if (line.trim() !== '' && visible(line) + 1 + visible(word) > width) {
      lines.push(line);
      line = `${indent}  ${word}`;
    } else line = line.trim() === '' ? `${indent}${word}` : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/**
 * Each one-line entry of `lines` longer than `width` word-wrapped at its own indentation
 * (multi-line entries, such as tables, are left as they are).
 * @example fitLines(['  a b c'], 5) // ['  a b\n    c']
 */
export function fitLines(lines: readonly string[], width: number): string[] {
  const visible = (x: string): number => [...x.replace(/\u001b\[[0-9;]*m/g, '')].length;
  return lines.map((line) => {
    if (line.includes('\n') || visible(line) <= width) return line;
    const indent = /^ */.exec(line)?.[0] ?? '';
    return wrap(line.slice(indent.length), indent, width);
  });
}
