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
