import { describe, expect, it } from 'vitest';
import { textStyle } from '../../src/report/style.js';
import { table } from '../../src/report/table.js';

describe('table', () => {
  it('rules the heading off, not the rows, and survives rows spanning columns', () => {
    const t = table(['a', 'b'], textStyle(false));
    t.push(['1', '2'], [{ colSpan: 2, content: 'both' }], ['3', '4']);
    expect(t.toString()).toBe(
      ['┌───┬───┐', '│ a │ b │', '├───┼───┤', '│ 1 │ 2 │', '│ both  │', '│ 3 │ 4 │', '└───┴───┘'].join('\n'),
    );
  });
});
