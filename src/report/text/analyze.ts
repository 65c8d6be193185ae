/**
 * Text of `nines analyze`: the model's name and description, then availability, data
 * protection, cost, and the sensitivity and drill sections when asked for.
 */
import type { Analysis } from '../../analytic/analyze-model.js';
import type { DrillResult } from '../../analytic/drill/index.js';
import type { SensitivityResult } from '../sensitivity-view.js';
import type { TextStyle } from '../style.js';
import { wrap } from '../wrap.js';
import { renderAvailability } from './availability.js';
import { renderCost } from './cost.js';
import { renderDataProtection } from './data-protection.js';
import { renderDrill } from './drill.js';
import { renderSensitivity } from './sensitivity.js';

/** What the renderers of an analysis show. */
export type AnalyzeView = {
  readonly modelName: string;
  readonly description?: string | undefined;
  readonly analysis: Analysis;
  /** The n most probable cut sets to list (`--cut-sets n`), none when undefined. */
  readonly cutSets?: number | undefined;
  readonly sensitivity?: SensitivityResult | undefined;
  readonly drill?: DrillResult | undefined;
};

export function renderAnalyze(view: AnalyzeView, style: TextStyle): string {
  const { chalk } = style;
  const title = `${chalk.bold(view.modelName)}${view.description ? `\n${chalk.dim(wrap(view.description, '', style.width))}` : ''}`;
  const { analysis } = view;
  const sections = [title, renderAvailability(analysis.availability, style, { cutSets: view.cutSets })];
  if (analysis.dataProtection) sections.push(renderDataProtection(analysis.dataProtection, style));
  if (analysis.cost) sections.push(renderCost(analysis.cost, style));
  if (view.sensitivity !== undefined) sections.push(renderSensitivity(view.sensitivity, style));
  if (view.drill !== undefined) sections.push(renderDrill(view.drill, style));
  return `${sections.map((s) => s.trimEnd()).join('\n\n')}\n`;
}
