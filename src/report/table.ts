import Table from 'cli-table3';
import type { TextStyle } from './style.js';

/** Box characters without a rule between body rows: tables stay one line per row. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } as const;

/**
 * The one table look of nines' text reports: a rule under the heading, none between rows,
 * bold headings when coloured.
 */
export function table(
  head: readonly string[],
  style: TextStyle,
  options: { colAligns?: ('left' | 'right' | 'center')[] } = {},
): Table.Table {
  const t = new Table({
    head: head.map((h) => style.chalk.bold(h)),
    chars: COMPACT,
    style: { head: [], border: style.color ? ['grey'] : [], 'padding-left': 1, 'padding-right': 1 },
    ...(options.colAligns ? { colAligns: options.colAligns } : {}),
  });
  const render = t.toString.bind(t);
  t.toString = () => withHeadRule(render());
  return t;
}

/**
 * Inserts ├──┼──┤ under the (one-line) heading, drawn from the top border ┌──┬──┐, and drops
 * the bare junction lines (┴┴┴) that empty rules leave around rows spanning columns.
 */
function withHeadRule(text: string): string {
  const lines = text.split('\n').filter((line) => !/^[┴┬┼]+$/.test(line.replace(/\u001b\[[0-9;]*m/g, '').trim()));
  const top = lines[0];
  if (top === undefined || lines.length < 3) return text;
  const rule = top.replace('┌', '├').replace(/┬/g, '┼').replace('┐', '┤');
  return [top, lines[1], rule, ...lines.slice(2)].join('\n');
}
