import { describe, expect, it } from 'vitest';
import { lineChart } from '../../src/report/text/line-chart.js';

describe('lineChart', () => {
  it('places points on a grid with the ends at the corners, dots between them', () => {
    // 3 rows, 10 plotting columns (14 − 2 for the labels − 2 for the axis): x → column
    // round(9x), y → row 2 − round(y). Points at columns 0, 5 (round 4.5), 9. Between them the
    // dots follow the segments: columns 1–4 at y = 0.2…0.8 (rows 2, 2, 1, 1), columns 6–8 at
    // y = 1.25, 1.5, 1.75 (rows 1, 0, 0).
    const text = lineChart(
      [
        {
          label: 'a',
          points: [
            { x: 0, y: 0 },
            { x: 0.5, y: 1 },
            { x: 1, y: 2 },
          ],
        },
      ],
      {
        width: 14,
        height: 3,
        formatX: (x) => String(x),
        formatY: (y) => String(y),
        xLabel: 'x',
        yLabel: 'y',
      },
    );
    expect(text.split('\n')).toEqual([
      '  y',
      ' 2 ┤       ··●',
      ' 1 ┤   ··●·',
      ' 0 ┤●··',
      '   └──────────',
      '    0        1',
      '    x',
      '',
    ]);
  });

  it('says when there is nothing to plot, and draws a legend for several series', () => {
    const options = { width: 30, height: 3, formatX: String, formatY: String, xLabel: 'x', yLabel: 'cost' };
    expect(lineChart([{ label: 'a', points: [] }], options)).toContain('nothing to plot');
    const two = lineChart(
      [
        { label: 'one', points: [{ x: 0, y: 0 }] },
        { label: 'two', points: [{ x: 1, y: 1 }] },
      ],
      options,
    );
    expect(two).toContain('● one');
    expect(two).toContain('○ two');
  });
});
