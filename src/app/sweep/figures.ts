import type { Analysis } from '../../analytic/analyze-model.js';
import type { FigureId, Figures } from '../../report/sweep/view.js';
import { SCENARIOS } from '../../model/metrics.js';

/**
 * The figures of one analysed point, as `nines analyze --json` has them: service availability,
 * downtime, outages; RPO, RTO and data at risk per scenario (null when not recoverable or
 * without data); the window model's annual loss probability; total backup storage; cost.
 * @example figuresOf(analyzeModel(model)).availability
 */
export function figuresOf(analysis: Analysis): Figures {
  const s = analysis.availability.service;
  const dp = analysis.dataProtection;
  const figures: Record<FigureId, number | null> = {
    availability: s.availability,
    unavailability: s.unavailability,
    nines: s.nines,
    downtimePerYear: s.downtimeSecondsPerYear,
    outagesPerYear: s.outagesPerYear,
    durability: dp?.durability?.window.annualLossProbability ?? null,
    backupStorage:
      dp === undefined || dp.storageByLocation.length === 0
        ? null
        : dp.storageByLocation.reduce((sum, l) => sum + l.storageBytes, 0),
    costPerMonth: analysis.cost?.perMonth ?? null,
    costPerYear: analysis.cost?.perYear ?? null,
    costPerNine: analysis.cost?.perNinePerMonth ?? null,
  } as Record<FigureId, number | null>;
  for (const scenario of SCENARIOS) {
    const r = dp?.scenarios.find((x) => x.scenario === scenario);
    figures[`rpo[${scenario}]`] = r?.rpoSeconds ?? null;
    figures[`rto[${scenario}]`] = r?.rtoSeconds ?? null;
    figures[`dataAtRisk[${scenario}]`] = r?.dataAtRiskBytes ?? null;
  }
  return figures;
}
