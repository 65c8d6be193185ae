import Table from 'cli-table3';
import type { TextStyle } from './style.js';
import { drawDirect, type BorderChars } from './table-draw.js';

/** Box characters without a rule between body rows: tables stay one line per row. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } as const;
/** The same look in ASCII, for a terminal or locale that is not UTF-8. */
const ASCII = {
  ...COMPACT,
  top: '-',
  'top-mid': '+',
  'top-left': '+',
  'top-right': '+',
  bottom: '-',
  'bottom-mid': '+',
  'bottom-left': '+',
  'bottom-right': '+',
  left: '|',
  middle: '|',
  right: '|',
} as const;
/** The border characters of both looks, in full (cli-table3's defaults under COMPACT, and ASCII); no rules between rows. */
export const BORDERS: { readonly unicode: BorderChars; readonly ascii: BorderChars } = {
  unicode: {
    top: '─',
    'top-mid': '┬',
    'top-left': '┌',
    'top-right': '┐',
    bottom: '─',
    'bottom-mid': '┴',
    'bottom-left': '└',
    'bottom-right': '┘',
    left: '│',
    middle: '│',
    right: '│',
  },
  ascii: ASCII,
};
/** No column is narrowed below this many characters of content. */
const MIN_CONTENT = 6;

type Options = { colAligns?: ('left' | 'right' | 'center')[] };

/**
 * The one table look of nines' text reports: a rule under the heading, none between rows,
 * bold headings when coloured, ASCII when `style.ascii`. A table wider than `style.width`
 * is drawn again with its widest columns narrowed (cells word-wrapped) until it fits.
 */
export function table(head: readonly string[], style: TextStyle, options: Options = {}): Table.Table {
  const t = make(head, style, options, undefined);
  t.toString = () => {
    const natural = draw(t, head, style, options, undefined);
    if (visibleWidth(natural) <= style.width) return natural;
    const widths = fitWidths(t, head, style.width);
    return widths === undefined ? natural : draw(t, head, style, options, widths);
  };
  return t;
}

function make(head: readonly string[], style: TextStyle, options: Options, widths: number[] | undefined): Table.Table {
  return new Table({
    head: head.map((h) => style.chalk.bold(h)),
    chars: style.ascii ? ASCII : COMPACT,
    style: { head: [], border: style.color ? ['grey'] : [], 'padding-left': 1, 'padding-right': 1 },
    ...(options.colAligns ? { colAligns: options.colAligns } : {}),
    ...(widths === undefined ? {} : { colWidths: widths, wordWrap: true }),
  });
}

/** The rows of `rows` drawn with the heading rule, at natural or given column widths. */
function draw(
  rows: Table.Table,
  head: readonly string[],
  style: TextStyle,
  options: Options,
  widths: number[] | undefined,
): string {
  // Uncoloured borders at natural widths: drawn directly where that is certain to match.
  const direct =
    widths === undefined && !style.color
      ? drawDirect(
          head.map((h) => style.chalk.bold(h)),
          rows,
          style.ascii ? BORDERS.ascii : BORDERS.unicode,
          options.colAligns ?? [],
        )
      : undefined;
  const t = direct === undefined ? make(head, style, options, widths) : undefined;
  if (t !== undefined) for (const row of rows) t.push(row);
  const text = direct ?? Table.prototype.toString.call(t);
  // At natural widths the heading is as tall as its tallest cell; wrapped, it is drawn alone to see.
  const headLines =
    widths === undefined
      ? Math.max(1, ...head.map((h) => h.split('\n').length))
      : Table.prototype.toString.call(make(head, style, options, widths)).split('\n').length - 2;
  return withHeadRule(text, headLines, style.ascii);
}

/**
 * Column widths (padding included) within `width`: each column's natural width (its widest
 * line of heading or single-column cell), the widest narrowed one character at a time.
 * undefined when even the narrowest columns do not fit.
 */
function fitWidths(rows: Table.Table, head: readonly string[], width: number): number[] | undefined {
  const widths = head.map((h) => visibleWidth(h) + 2);
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    let j = 0;
    for (const cell of row) {
      const span = typeof cell === 'object' && cell !== null && 'colSpan' in cell ? (cell.colSpan ?? 1) : 1;
      const content = typeof cell === 'object' && cell !== null && 'content' in cell ? cell.content : cell;
      if (span === 1 && j < widths.length)
        widths[j] = Math.max(widths[j] ?? 0, visibleWidth(String(content ?? '')) + 2);
      j += span;
    }
  }
  const budget = width - (widths.length + 1);
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > budget) {
    let widest = 0;
    for (let j = 1; j < widths.length; j++) if ((widths[j] ?? 0) > (widths[widest] ?? 0)) widest = j;
    if ((widths[widest] ?? 0) <= MIN_CONTENT + 2) return undefined;
    widths[widest] = (widths[widest] ?? 0) - 1;
    total--;
  }
  return widths;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** The widest line of `text` in visible columns (colour codes do not count). */
export function visibleWidth(text: string): number {
  return text.split('\n').reduce((w, line) => Math.max(w, [...line.replace(ANSI, '')].length), 0);
}

/**
 * Inserts ├──┼──┤ under the heading (`headLines` lines), drawn from the top border ┌──┬──┐,
 * and drops the bare junction lines (┴┴┴) that empty rules leave around rows spanning columns.
 */
function withHeadRule(text: string, headLines: number, ascii: boolean): string {
  const bare = ascii ? /^\++$/ : /^[\u2534\u252c\u253c]+$/; // ┴ ┬ ┼
  const lines = text.split('\n').filter((line) => !bare.test(line.replace(ANSI, '').trim()));
  const top = lines[0];
  const h = Math.max(1, headLines);
  if (top === undefined || lines.length < 2 + h) return text;
  const rule = ascii ? top : top.replace('┌', '├').replaceAll('┬', '┼').replace('┐', '┤');
  return [top, ...lines.slice(1, 1 + h), rule, ...lines.slice(1 + h)].join('\n');
}
