import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { BORDERS } from '../../src/report/table.js';
import { drawDirect, type Align, type BorderChars } from '../../src/report/table-draw.js';

// The reference is cli-table3 itself, with the options table.ts gives it (uncoloured borders).
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
const UNICODE = BORDERS.unicode;
const ASCII = BORDERS.ascii;

function reference(head: string[], rows: unknown[], chars: BorderChars, aligns: Align[]): string {
  const t = new Table({
    head,
    chars: { ...chars, ...COMPACT },
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    ...(aligns.length > 0 ? { colAligns: aligns } : {}),
  });
  for (const row of rows) t.push(row as Table.HorizontalTableRow);
  return t.toString();
}

const bold = (s: string): string => `\u001b[1m${s}\u001b[22m`;
const red = (s: string): string => `\u001b[31m${s}\u001b[39m`;

describe('drawDirect', () => {
  it('draws what cli-table3 draws, for random tables of the cells nines prints', () => {
    const words = [
      '',
      'a',
      'db',
      '99.95%',
      '1,728.00',
      'µs',
      '≈ 1 − e^(−νH)',
      'ν·λ',
      'β ≥ 2',
      '→',
      '…',
      'Zürich',
      '│x│',
    ];
    let u = 11;
    const next = (n: number): number => {
      u = (u * 1103515245 + 12345) % 2 ** 31;
      return u % n;
    };
    const single = (): string => Array.from({ length: 1 + next(3) }, () => words[next(words.length)] ?? '').join(' ');
    const cell = (): string => {
      const w = single();
      if (next(6) === 0) return `${w}\n${words[next(words.length)] ?? ''}${next(2) === 0 ? '\nx' : ''}`;
      return next(4) === 0 ? bold(w) : next(4) === 0 ? `${red(w)} ${bold(red('!'))}` : w;
    };
    let drawn = 0;
    for (let trial = 0; trial < 400; trial++) {
      const cols = 1 + next(5);
      const head = Array.from({ length: cols }, () => bold(single()));
      const rows = Array.from({ length: next(6) }, () => Array.from({ length: cols }, cell));
      const aligns =
        next(2) === 0
          ? []
          : Array.from({ length: cols }, () => (['left', 'right', 'center'] as const)[next(3)] ?? 'left');
      const chars = next(2) === 0 ? UNICODE : ASCII;
      const direct = drawDirect(head, rows, chars, aligns);
      expect(direct).toBeDefined();
      expect(direct).toBe(reference(head, rows, chars, aligns));
      drawn++;
    }
    expect(drawn).toBe(400);
  });

  it('leaves to cli-table3 what it cannot be sure to draw the same', () => {
    const head = ['A', 'B'];
    // Wide (CJK), emoji, combining and control characters; colour over two lines; colour left open;
    // a cell that is not a string; a row of another length.
    for (const odd of ['東京', '🙂', 'e\u0301', 'a\tb', '\u001b[1ma\u001b[22m\nb', '\u001b[1mopen', '\u001b[31mred']) {
      expect(drawDirect(head, [['x', odd]], UNICODE, [])).toBeUndefined();
    }
    expect(drawDirect(head, [['x', 3]], UNICODE, [])).toBeUndefined();
    expect(drawDirect(head, [['x', { colSpan: 1, content: 'y' }]], UNICODE, [])).toBeUndefined();
    expect(drawDirect(head, [['x']], UNICODE, [])).toBeUndefined();
    expect(drawDirect([], [], UNICODE, [])).toBeUndefined();
  });
});
