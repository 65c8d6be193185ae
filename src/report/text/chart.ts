/**
 * A terminal line chart: series of values over the same x positions drawn with one symbol
 * each on a grid of `height` rows, y axis labelled at its top, middle and bottom.
 */
export type ChartSeries = { readonly label: string; readonly symbol: string; readonly values: readonly number[] };

/**
 * @example chart([{ label: 'demand', symbol: '*', values: [1, 2, 3] }], { width: 3, height: 3 })
 */
export function chart(
  series: readonly ChartSeries[],
  options: {
    readonly width: number;
    readonly height: number;
    readonly format: (y: number) => string;
    readonly xLabels?: readonly [string, string];
  },
): string {
  const all = series.flatMap((s) => s.values.filter(Number.isFinite));
  if (all.length === 0) return '';
  const lo = Math.min(0, ...all);
  const hi = Math.max(...all) || 1;
  const n = Math.max(...series.map((s) => s.values.length));
  const width = Math.max(2, Math.min(options.width, n));
  const rows = Array.from({ length: options.height }, () => Array.from({ length: width }, () => ' '));
  for (const s of series) {
    for (let x = 0; x < width; x++) {
      const v = s.values[Math.round((x * (n - 1)) / (width - 1))];
      if (v === undefined || !Number.isFinite(v)) continue;
      const y = Math.round(((v - lo) / (hi - lo)) * (options.height - 1));
      const row = rows[options.height - 1 - y];
      if (row !== undefined) row[x] = s.symbol;
    }
  }
  const labels = [options.format(hi), options.format((hi + lo) / 2), options.format(lo)];
  const pad = Math.max(...labels.map((l) => l.length));
  const lines = rows.map((row, r) => {
    const label =
      r === 0
        ? labels[0]
        : r === Math.floor((options.height - 1) / 2)
          ? labels[1]
          : r === options.height - 1
            ? labels[2]
            : '';
    return `  ${(label ?? '').padStart(pad)} │${row.join('')}`;
  });
  lines.push(`  ${' '.repeat(pad)} └${'─'.repeat(width)}`);
  if (options.xLabels) {
    const [left, right] = options.xLabels;
    lines.push(`  ${' '.repeat(pad)}  ${left}${right.padStart(Math.max(1, width - left.length))}`);
  }
  lines.push(`  ${series.map((s) => `${s.symbol} ${s.label}`).join('   ')}`);
  return lines.join('\n');
}
