/**
 * The common case of table.ts's tables drawn directly: what cli-table3 draws for them, without
 * its per-cell layout, option merging and width measuring (the larger part of a cold render).
 * Only for tables whose drawing is certain to match: natural column widths, every cell a
 * string (of several lines only without colour codes) whose visible characters are one column wide each (ASCII, Latin, Greek,
 * Cyrillic, punctuation, arrows, maths and box drawing: no wide, combining or emoji
 * characters), colour codes that close on the line, and uncoloured borders; for anything else
 * {@link drawDirect} returns undefined and cli-table3 draws the table.
 */

/** cli-table3's border characters, by its names. */
export type BorderChars = {
  readonly top: string;
  readonly 'top-mid': string;
  readonly 'top-left': string;
  readonly 'top-right': string;
  readonly bottom: string;
  readonly 'bottom-mid': string;
  readonly 'bottom-left': string;
  readonly 'bottom-right': string;
  readonly left: string;
  readonly middle: string;
  readonly right: string;
};

export type Align = 'left' | 'right' | 'center';

const SGR = /\u001b\[((?:\d*;){0,5}\d*)m/g;

/**
 * The table as cli-table3 draws it with one cell of padding each side and no rules between rows
 * (the rows' separator lines are empty and dropped), or undefined when it is not certain to.
 * @example drawDirect(['A', 'B'], [['x', 'yy']], chars, []) // "┌───┬────┐\n│ A │ B  │\n│ x │ yy │\n└───┴────┘"
 */
export function drawDirect(
  head: readonly string[],
  rows: readonly unknown[],
  chars: BorderChars,
  aligns: readonly (Align | undefined)[],
): string | undefined {
  if (head.length === 0) return undefined;
  const grid: (readonly string[])[] = [head];
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== head.length || !row.every((c) => typeof c === 'string')) return undefined;
    grid.push(row as readonly string[]);
  }
  const widths = head.map(() => 0);
  const split: (readonly (readonly string[])[])[] = [];
  for (const row of grid) {
    const cells: (readonly string[])[] = [];
    for (let x = 0; x < row.length; x++) {
      const lines = linesOf(row[x] ?? '');
      if (lines === undefined) return undefined;
      for (const l of lines) widths[x] = Math.max(widths[x] ?? 0, l.width + 2);
      cells.push(lines.map((l) => l.text));
    }
    split.push(cells);
  }
  const rule = (left: string, mid: string, right: string, fill: string): string =>
    widths.map((w, x) => (x === 0 ? left : mid) + fill.repeat(w)).join('') + right;
  // A row is as tall as its tallest cell; the others get blank lines below (cli-table3's top alignment).
  const rowLines = (cells: readonly (readonly string[])[]): string[] =>
    Array.from(
      { length: Math.max(1, ...cells.map((c) => c.length)) },
      (_, i) =>
        cells
          .map((cell, x) => {
            const text = cell[i] ?? '';
            const content = padded(text, (widths[x] ?? 2) - 2 - visible(text).length, aligns[x]);
            return `${x === 0 ? chars.left : chars.middle} ${content} `;
          })
          .join('') + chars.right,
    );
  return [
    rule(chars['top-left'], chars['top-mid'], chars['top-right'], chars.top),
    ...split.flatMap(rowLines),
    rule(chars['bottom-left'], chars['bottom-mid'], chars['bottom-right'], chars.bottom),
  ].join('\n');
}

/** The lines of a cell and their widths; several only without colour codes (cli-table3 carries codes across lines). */
function linesOf(cell: string): { readonly text: string; readonly width: number }[] | undefined {
  const lines = cell.split('\n');
  if (lines.length > 1 && cell.includes('\u001b')) return undefined;
  const out: { text: string; width: number }[] = [];
  for (const text of lines) {
    const width = columns(text);
    if (width === undefined) return undefined;
    out.push({ text, width });
  }
  return out;
}

/** cli-table3's pad: spaces right (left), left (right), or split with the odd one right (center). */
function padded(cell: string, pad: number, align: Align | undefined): string {
  switch (align) {
    case 'right':
      return ' '.repeat(pad) + cell;
    case 'center': {
      const right = Math.ceil(pad / 2);
      return ' '.repeat(pad - right) + cell + ' '.repeat(right);
    }
    default:
      return cell + ' '.repeat(pad);
  }
}

/** The text without its colour codes. */
function visible(text: string): string {
  return text.includes('\u001b') ? text.replace(SGR, '') : text;
}

/** Columns of a one-line cell whose characters are each one column wide; undefined otherwise. */
function columns(text: string): number | undefined {
  if (text.includes('\u001b') && !closesOnLine(text)) return undefined;
  const shown = visible(text);
  let n = 0;
  for (const ch of shown) {
    if (!narrow(ch.codePointAt(0) ?? 0)) return undefined;
    n++;
  }
  return n;
}

/** One column wide for string-width (not control, combining, wide or emoji). */
function narrow(c: number): boolean {
  return (
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x10ff) ||
    (c >= 0x1e00 && c <= 0x1fff) ||
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x2030 && c <= 0x205e) ||
    (c >= 0x2070 && c <= 0x22ff) ||
    (c >= 0x2500 && c <= 0x259f)
  );
}

/**
 * Do the colour codes of the line leave nothing open at its end (so cli-table3's line-by-line
 * colouring leaves it as is)? Its rule: no bold, italics, underline, inverse or strikethrough
 * still on, and the last foreground (background) code, if any, the default one.
 */
function closesOnLine(text: string): boolean {
  const open = new Set<string>();
  let fg: string | undefined;
  let bg: string | undefined;
  for (const m of text.matchAll(SGR)) {
    const code = m[1] ? Number.parseInt(m[1].split(';')[0] ?? '', 10) : 0;
    if ((code >= 30 && code <= 39) || (code >= 90 && code <= 97)) fg = m[0];
    else if ((code >= 40 && code <= 49) || (code >= 100 && code <= 107)) bg = m[0];
    else if (code === 0) {
      open.clear();
      fg = undefined;
      bg = undefined;
    } else {
      const style = STYLES.get(m[0]);
      if (style !== undefined) {
        if (style.on) open.add(style.name);
        else open.delete(style.name);
      }
    }
  }
  return open.size === 0 && (fg === undefined || fg === '\u001b[39m') && (bg === undefined || bg === '\u001b[49m');
}

/** The styles cli-table3 carries across lines: their exact on and off codes. */
const STYLES = new Map<string, { readonly name: string; readonly on: boolean }>(
  (
    [
      ['bold', 1, 22],
      ['italics', 3, 23],
      ['underline', 4, 24],
      ['inverse', 7, 27],
      ['strikethrough', 9, 29],
    ] as const
  ).flatMap(([name, on, off]) => [
    [`\u001b[${on}m`, { name, on: true }],
    [`\u001b[${off}m`, { name, on: false }],
  ]),
);
