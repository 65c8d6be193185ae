/** service.availability and the service figures explained by the same derivation. */
import type { AvailabilityResult } from '../../analytic/availability/index.js';
import type { Model } from '../../model/types.js';
import { formatAvailability, formatCount, formatDuration, formatProbability } from '../../report/format.js';
import { input, step, type ExplainContext } from './sources.js';
import { componentSteps, CONVENTIONS, expressionText, tierIndices, tierStructureStep } from './availability.js';
import type { ExplainStep, Explanation } from '../../report/explain-view.js';

/** The figures that follow from Q and ν: nines, downtime, outages, mean outage. */
function figureSteps(s: AvailabilityResult['service']): ExplainStep[] {
  return [
    step(
      'nines',
      `−log10 Q = −log10 ${formatProbability(s.unavailability)}`,
      s.nines,
      'nines',
      s.nines === null ? 'never down' : s.nines.toFixed(4),
    ),
    step(
      'downtime per year',
      `Q × 365 d = ${formatProbability(s.unavailability)} × 8760 h`,
      s.downtimeSecondsPerYear,
      'seconds',
      formatDuration(s.downtimeSecondsPerYear),
    ),
    step(
      'outages per year',
      s.outagesPerYear === null
        ? 'unknown: a component that matters has no failure rate (static spec)'
        : 'ν × 365 d, ν = Σ_i I_B(i)·A_i·λ_i (Birnbaum importance × availability × failure rate)',
      s.outagesPerYear,
      'perYear',
      s.outagesPerYear === null ? 'unknown' : formatCount(s.outagesPerYear),
    ),
    step(
      'mean outage',
      'Q / ν',
      s.meanOutageSeconds,
      'seconds',
      s.meanOutageSeconds === null ? 'unknown' : formatDuration(s.meanOutageSeconds),
    ),
  ];
}

/** service.availability: components → tiers → the exact sum over zone/region states → A, nines, downtime, outages. */
export function explainService(ctx: ExplainContext, model: Model, a: AvailabilityResult): Explanation {
  const s = a.service;
  const used = tierIndices(model, model.service);
  const cut = a.cutSets.sets
    .slice(0, 5)
    .map(
      (c) => `{${c.components.join(', ')}} ${formatProbability(c.probability)} (${(c.share * 100).toPrecision(3)}%)`,
    );
  const top = a.importance.filter((i) => i.subjectKind !== 'tier' && i.fussellVesely > 0).slice(0, 3);
  const steps: ExplainStep[] = [
    step(
      'component unavailabilities',
      '',
      null,
      'text',
      `each failure spec → q, for ${used.length === 1 ? 'the tier' : `${used.length} tiers`} and the zones and regions they sit in`,
      [],
      componentSteps(ctx, model, used),
    ),
    ...used.map((t) => tierStructureStep(ctx, model, a, t)),
    step(
      'service structure',
      'all: every part up; any: one; atLeast k: k of them',
      expressionText(model.service),
      'text',
      expressionText(model.service),
      [input(ctx, 'service', ['service'], expressionText(model.service), 'text', 'all tiers (series)')],
    ),
    step(
      'exact sum over the joint states of the zones and regions',
      `Q = Σ_s P(s)·Q_service(s) over ${formatCount(s.statesEvaluated)} state(s); tiers are independent given s` +
        (s.prunedProbability > 0
          ? `; states of total probability ${formatProbability(s.prunedProbability)} skipped (Q is within [Q, Q + that])`
          : '; nothing pruned'),
      s.unavailability,
      'fraction',
      `Q = ${formatProbability(s.unavailability)}`,
    ),
    step(
      'where it comes from',
      a.cutSets.complete
        ? `minimal cut sets (${a.cutSets.count}), P(C) = Π q: ${cut.join('; ')}${a.cutSets.count > 5 ? '; …' : ''}`
        : 'too many minimal cut sets to list',
      top.map((i) => `${i.subjectKind} ${i.subject}`).join(', '),
      'text',
      top.map((i) => `${i.subjectKind} ${i.subject}: FV ${(i.fussellVesely * 100).toPrecision(3)}%`).join('; ') ||
        'nothing can take the service down',
    ),
    ...figureSteps(s),
  ];
  return {
    figure: 'service.availability',
    jsonPath: '.service.availability',
    label: 'service availability',
    formula: 'A = 1 − Q, Q = the probability that the service is down at a random moment',
    value: s.availability,
    unit: 'fraction',
    display: formatAvailability(s.unavailability),
    inputs: [],
    steps,
    conventions: CONVENTIONS,
  };
}

/** Figures of the service explained by the same derivation: its JSON key and display. */
export const SERVICE_FIGURES = {
  unavailability: 'unavailability',
  nines: 'nines',
  downtimePerYear: 'downtimeSecondsPerYear',
  downtimePerMonth: 'downtimeSecondsPerMonth',
  outagesPerYear: 'outagesPerYear',
  meanOutage: 'meanOutageSeconds',
  failureProbability: 'failureProbability',
  mtbf: 'mtbfSeconds',
  meanUp: 'meanUpSeconds',
} as const;

/** service.<figure>: the service derivation, ending at that figure. */
export function explainServiceFigure(
  ctx: ExplainContext,
  model: Model,
  a: AvailabilityResult,
  figure: keyof typeof SERVICE_FIGURES,
): Explanation {
  const base = explainService(ctx, model, a);
  const key = SERVICE_FIGURES[figure];
  const value = a.service[key];
  const unit =
    key.endsWith('Seconds') || key.startsWith('downtime')
      ? 'seconds'
      : key === 'outagesPerYear'
        ? 'perYear'
        : key === 'nines'
          ? 'nines'
          : 'fraction';
  const display =
    value === null
      ? 'unknown'
      : unit === 'seconds'
        ? formatDuration(value)
        : unit === 'fraction'
          ? formatProbability(value)
          : unit === 'nines'
            ? value.toFixed(4)
            : formatCount(value);
  return {
    ...base,
    figure: `service.${figure}`,
    jsonPath: `.service.${key}`,
    label: `service ${figure}`,
    value,
    unit,
    display,
  };
}
