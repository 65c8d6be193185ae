import type { JobSimulation } from '../../simulate/index.js';
import { formatDuration } from '../format.js';
import type { TextStyle } from '../style.js';
import { table } from '../table.js';

/** `nines simulate`: goodput of each training job by timeline, beside Daly's exact figure. */
export function renderJobSimulation(jobs: readonly JobSimulation[], style: TextStyle): string {
  const { chalk } = style;
  const t = table(['Training job', 'τ', 'simulated goodput', '95% interval', 'analytic (Daly)', 'check'], style);
  const pct = (x: number): string => `${(x * 100).toFixed(3)}%`;
  for (const j of jobs) {
    const g = j.goodput;
    t.push([
      j.tier,
      formatDuration(j.checkpointEverySeconds),
      pct(g.estimate),
      `${pct(g.ci[0])} – ${pct(g.ci[1])}`,
      pct(j.analytic),
      j.agrees ? chalk.green('within 4 SE') : chalk.red('beyond 4 SE'),
    ]);
  }
  return `${chalk.bold('Training jobs (timeline of interruptions, checkpoints and restarts)')}\n${t.toString()}\n`;
}
