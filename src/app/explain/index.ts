/**
 * `nines explain`: the derivation of figures of `nines analyze --json`, each a tree of steps
 * with its inputs and where they came from. The final value of each explanation is the
 * analysed figure itself (the same number, not a recomputation).
 */
import type { Analysis } from '../../analytic/analyze-model.js';
import type { DataProtectionResult } from '../../analytic/data-protection/index.js';
import type { Scenario } from '../../model/types.js';
import { suggest } from '../../lib/suggest.js';
import { explainTier } from './availability.js';
import { explainDomain, explainImportance, explainTierHorizon, TIER_FIGURES } from './domains.js';
import { explainService, explainServiceFigure, SERVICE_FIGURES } from './service.js';
import { explainDataAtRisk, explainRpo } from './data.js';
import { explainRto } from './rto.js';
import { explainBackupStorage, explainDurability } from './storage.js';
import { analysisDocument, explainPath } from './leaves.js';
import type { ExplainContext } from './sources.js';
import type { Explanation } from '../../report/explain-view.js';
import { SCENARIOS } from '../../model/metrics.js';

export type * from '../../report/explain-view.js';
export type { ExplainContext } from './sources.js';
export { analysisDocument, numericPaths } from './leaves.js';

export type ExplainResult =
  | { readonly ok: true; readonly explanations: readonly Explanation[] }
  | { readonly ok: false; readonly figure: string; readonly message: string };

/** Every figure id `nines explain` knows for this model, in report order. */
export function figureIds(ctx: ExplainContext, analysis: Analysis): string[] {
  const model = ctx.document.model;
  const ids = [
    'service.availability',
    ...Object.keys(SERVICE_FIGURES).map((f) => `service.${f}`),
    ...model.tiers.flatMap((t) => [`tiers.${t.name}.availability`, ...TIER_FIGURES.map((f) => `tiers.${t.name}.${f}`)]),
    ...model.zones.map((z) => `zones.${z.name}.availability`),
    ...model.regions.map((r) => `regions.${r.name}.availability`),
    ...analysis.availability.importance.map((i) => `importance.${i.subjectKind}.${i.subject}`),
  ];
  if (analysis.dataProtection !== undefined) {
    for (const metric of ['rpo', 'rto', 'dataAtRisk']) for (const s of SCENARIOS) ids.push(`${metric}[${s}]`);
    ids.push('durability', 'backupStorage');
  }
  return ids;
}

/** The worst scenario for rpo/rto/dataAtRisk: not recoverable first, else the largest value. */
function worst(dp: DataProtectionResult, key: 'rpoSeconds' | 'rtoSeconds' | 'dataAtRiskBytes'): Scenario {
  let best: { s: Scenario; v: number } | undefined;
  for (const r of dp.scenarios) {
    const v = r[key] ?? Infinity;
    if (best === undefined || v > best.v) best = { s: r.scenario, v };
  }
  return best?.s ?? 'node';
}

/**
 * Explains the figures asked for (ids as in {@link figureIds}, plus `availability`, `rpo`, `rto`,
 * `dataAtRisk` for the worst scenario and `availability[tier]`), or the headline figures.
 * @example explain(ctx, analyzeModel(model), ['rto[region]'])
 */
export function explain(ctx: ExplainContext, analysis: Analysis, figures: readonly string[]): ExplainResult {
  const dp = analysis.dataProtection;
  const asked =
    figures.length > 0
      ? figures
      : ['service.availability', ...(dp === undefined ? [] : ['rpo', 'rto', 'durability', 'backupStorage'])];
  const out: Explanation[] = [];
  let paths: { doc: unknown; named: Map<string, Explanation> } | undefined;
  const byPath = (path: string): Explanation | undefined => {
    paths ??= { doc: analysisDocument(analysis), named: namedByPath(ctx, analysis) };
    return explainPath(ctx, analysis, paths.doc, path, paths.named);
  };
  for (const figure of asked) {
    const id = figure.trim();
    const one = id.startsWith('.') ? byPath(id) : explainOne(ctx, analysis, id);
    if (one === undefined) {
      const known = [
        ...figureIds(ctx, analysis),
        'availability',
        ...(dp === undefined ? [] : ['rpo', 'rto', 'dataAtRisk']),
      ];
      const hint = suggest(figure, known);
      const dataNote =
        dp === undefined && /^(rpo|rto|dataAtRisk|durability|backupStorage)/.test(figure)
          ? ' (the model has no data section)'
          : '';
      return {
        ok: false,
        figure,
        message: id.startsWith('.')
          ? `'${figure}' is not a number of nines analyze --json (a jq path such as .tiers[0].groups[0].mtbfSeconds)`
          : `unknown figure '${figure}'${dataNote}${hint ? ` (did you mean '${hint}'?)` : ''}; figures: ${known.join(', ')}, or the jq path of any number of nines analyze --json (e.g. .components.zones[0].mtbfSeconds)`,
      };
    }
    out.push(
      ctx.failed.length === 0
        ? one
        : {
            ...one,
            conventions: [
              ...one.conventions,
              `drill: ${ctx.failed.join(', ')} counted as down (q = 1), everything else failing as usual`,
            ],
          },
    );
  }
  return { ok: true, explanations: out };
}

/** The named explanations by their jq path (the first id wins where two end at one path). */
function namedByPath(ctx: ExplainContext, analysis: Analysis): Map<string, Explanation> {
  const out = new Map<string, Explanation>();
  for (const id of figureIds(ctx, analysis)) {
    const e = explainOne(ctx, analysis, id);
    if (e !== undefined && !out.has(e.jsonPath)) out.set(e.jsonPath, e);
  }
  return out;
}

function explainOne(ctx: ExplainContext, analysis: Analysis, figure: string): Explanation | undefined {
  const model = ctx.document.model;
  const a = analysis.availability;
  const dp = analysis.dataProtection;
  if (figure === 'service.availability' || figure === 'availability' || figure === 'service')
    return explainService(ctx, model, a);
  const imp = /^importance\.(\w+)\.(.+)$/.exec(figure);
  if (imp !== null) {
    const i = a.importance.findIndex((x) => x.subjectKind === imp[1] && x.subject === imp[2]);
    return i < 0 ? undefined : explainImportance(model, a, i);
  }
  const serviceFigure = /^service\.(\w+)$/.exec(figure)?.[1];
  if (serviceFigure !== undefined && serviceFigure in SERVICE_FIGURES)
    return explainServiceFigure(ctx, model, a, serviceFigure as keyof typeof SERVICE_FIGURES);
  const domain = /^(zones|regions)\.([^.]+)\.availability$/.exec(figure);
  if (domain !== null) {
    const kind = domain[1] === 'zones' ? 'zone' : 'region';
    const i = (kind === 'zone' ? model.zones : model.regions).findIndex((x) => x.name === domain[2]);
    return i < 0 ? undefined : explainDomain(ctx, model, a, kind, i);
  }
  const horizon = /^tiers\.([^.]+)\.(\w+)$/.exec(figure);
  const tierFigure = TIER_FIGURES.find((f) => f === horizon?.[2]);
  if (horizon !== null && tierFigure !== undefined) {
    const t = model.tiers.findIndex((x) => x.name === horizon[1]);
    return t < 0 ? undefined : explainTierHorizon(ctx, model, a, t, tierFigure);
  }
  const tier = /^tiers\.([^.]+)\.availability$/.exec(figure)?.[1] ?? /^availability\[([^\]]+)\]$/.exec(figure)?.[1];
  if (tier !== undefined) {
    const t = model.tiers.findIndex((x) => x.name === tier);
    return t < 0 ? undefined : explainTier(ctx, model, a, t);
  }
  if (dp === undefined) return undefined;
  if (figure === 'durability') return explainDurability(ctx, model, dp);
  if (figure === 'backupStorage') return explainBackupStorage(ctx, model, dp);
  const m = /^(rpo|rto|dataAtRisk)(?:\[([a-z]+)\])?$/.exec(figure);
  if (m === null) return undefined;
  const metric = m[1] as 'rpo' | 'rto' | 'dataAtRisk';
  const key = metric === 'rpo' ? 'rpoSeconds' : metric === 'rto' ? 'rtoSeconds' : 'dataAtRiskBytes';
  const scenario = m[2] === undefined ? worst(dp, key) : SCENARIOS.find((s) => s === m[2]);
  if (scenario === undefined) return undefined;
  switch (metric) {
    case 'rpo':
      return explainRpo(ctx, model, dp, scenario);
    case 'rto':
      return explainRto(ctx, model, dp, scenario);
    case 'dataAtRisk':
      return explainDataAtRisk(ctx, model, dp, scenario);
    default: {
      const never: never = metric;
      throw new Error(`unknown metric ${String(never)}`);
    }
  }
}
