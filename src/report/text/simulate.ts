/** Text of `nines simulate` (and `nines merge`): the model's name, the simulation, the training jobs. */
import type { JobSimulation } from '../../simulate/index.js';
import type { SimulationResult } from '../../simulate/types.js';
import type { TextStyle } from '../style.js';
import { renderJobSimulation } from './job-simulation.js';
import { renderSimulation } from './simulation.js';

/** What the renderers of a simulation show. */
export type SimulateView = {
  readonly modelName: string;
  readonly result: SimulationResult;
  /** Each training job's goodput by timeline simulation, against Daly's. */
  readonly jobs: readonly JobSimulation[];
};

export function renderSimulate(view: SimulateView, style: TextStyle): string {
  const jobText = view.jobs.length === 0 ? '' : `\n${renderJobSimulation(view.jobs, style).trimEnd()}\n`;
  return `${style.chalk.bold(view.modelName)}\n\n${renderSimulation(view.result, style).trimEnd()}\n${jobText}`;
}
