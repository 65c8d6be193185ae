import { FIGURES, type SweepView } from '../sweep/view.js';

/**
 * CSV of a sweep (RFC 4180): one row per point, the axes by path, every figure unrounded in
 * base units (seconds, bytes, fractions; costs per month or year), empty when it does not exist.
 * @example renderSweepCsv(view).split('\n')[0] // "tiers.db.nodes,availability,unavailability,…"
 */
export function renderSweepCsv(view: SweepView): string {
  const simulated = view.method === 'simulate';
  const head = [
    ...view.axes.map((a) => a.path),
    ...FIGURES.map((f) => f.id),
    ...(simulated ? ['mcUnavailability', 'mcUnavailabilityLow', 'mcUnavailabilityHigh', 'mcTrials'] : []),
    'status',
    'missed',
    'problems',
  ];
  const rows = view.points.map((p) => [
    ...p.values,
    ...FIGURES.map((f) => (p.figures === null ? '' : String(p.figures[f.id] ?? ''))),
    ...(simulated
      ? p.simulation === undefined
        ? ['', '', '', '']
        : [p.simulation.estimate, p.simulation.ci[0], p.simulation.ci[1], p.simulation.trials].map(String)
      : []),
    p.status,
    p.missed.join(';'),
    p.problems.join('; '),
  ]);
  return `${[head, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
