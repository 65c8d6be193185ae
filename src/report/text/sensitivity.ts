import type { SensitivityResult } from '../sensitivity-view.js';
import type { TextStyle } from '../style.js';
import { wrap } from '../wrap.js';

const HALF = 20;
const ROWS = 12;

function bar(e: number, max: number, style: TextStyle): string {
  const n = max > 0 ? Math.max(e === 0 ? 0 : 1, Math.round((Math.abs(e) / max) * HALF)) : 0;
  const fill = '█'.repeat(n);
  const left = e < 0 ? `${' '.repeat(HALF - n)}${style.chalk.green(fill)}` : ' '.repeat(HALF);
  const right = e > 0 ? `${style.chalk.red(fill)}${' '.repeat(HALF - n)}` : ' '.repeat(HALF);
  return `${left}│${right}`;
}

/**
 * A terminal tornado chart of the elasticities of the service unavailability, largest first
 * (green to the left: raising the input lowers Q; red to the right: it raises Q), and the
 * elasticities of the missed targets' figures.
 * @example renderSensitivity(sensitivity(input), textStyle(false))
 */
export function renderSensitivity(result: SensitivityResult, style: TextStyle): string {
  const { chalk } = style;
  const rows = result.rows.filter(
    (r) => (r.serviceUnavailability ?? 0) !== 0 || r.targets.some((t) => (t.elasticity ?? 0) !== 0),
  );
  const max = Math.max(0, ...rows.map((r) => Math.abs(r.serviceUnavailability ?? 0)));
  const lines = [chalk.bold('Sensitivity of the service unavailability (elasticity: % change per +1% of the input)')];
  for (const r of rows.slice(0, ROWS)) {
    const e = r.serviceUnavailability ?? 0;
    const name = r.name.length > 30 ? `${r.name.slice(0, 29)}…` : r.name.padEnd(30);
    lines.push(`  ${name} ${bar(e, max, style)} ${e >= 0 ? '+' : '−'}${Math.abs(e).toFixed(3)}`);
  }
  if (rows.length > ROWS) lines.push(`  … and ${rows.length - ROWS} more in --json (sensitivity.rows[])`);
  for (const id of result.missed) {
    const ranked = result.rows
      .map((r) => ({ name: r.name, e: r.targets.find((t) => t.id === id)?.elasticity ?? 0 }))
      .filter((x) => x.e !== 0)
      .sort((a, b) => Math.abs(b.e) - Math.abs(a.e))
      .slice(0, 4);
    lines.push(
      wrap(
        `missed ${id}: ${ranked.length === 0 ? 'no numeric input moves it (a structural change is needed)' : ranked.map((x) => `${x.name} ${x.e >= 0 ? '+' : '−'}${Math.abs(x.e).toFixed(3)}`).join(', ')}`,
        '  ',
        style.width,
      ),
    );
  }
  lines.push(
    wrap(
      chalk.dim(
        'Each point re-runs nines with a --set of the input at ×(1 ± 1%) (node counts ±1); elasticity = (Δf/f)/(Δx/x).',
      ),
      '  ',
      style.width,
    ),
  );
  return `${lines.join('\n')}\n`;
}
