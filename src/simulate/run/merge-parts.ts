/**
 * Merging the parts of a sharded simulation (`nines merge`): the parts must belong to one run
 * (same model, options, seed and engine) and hold every chunk of every fixed-size phase exactly
 * once; the merge then runs the simulation's own driver, taking those chunks from the parts and
 * computing only the adaptive phases (importance sampling) itself. The driver folds the same
 * numbers in the same order as the single-machine run, so the result is the same to the bit.
 */
import type { Model } from '../../model/types.js';
import { ChunkRunner, type ChunkResult, type Phase } from './chunks.js';
import { fixedPhases } from './phase-plan.js';
import { simulateWith } from './run-sync.js';
import { chunkCount, type ShardPhase, type ShardSpec } from './shard.js';
import type { AnalyticFigures, SimulateOptions, SimulationResult } from '../types.js';

/** One part as read back: where it came from, its shard, what identifies its run, its chunks. */
export type SimulationPart = {
  readonly label: string;
  readonly shard: ShardSpec;
  /** Everything that must be equal across the parts of one run, as a canonical string. */
  readonly runKey: string;
  /** What differs when the run keys differ, for the message. */
  readonly runFields: Readonly<Record<string, string>>;
  readonly phases: readonly ShardPhase[];
};

export type PartsCheck =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Checks that the parts belong together and cover every shard exactly once.
 * @example checkParts([a, b]) // { ok: false, problems: ['shard 3/3 is missing'] }
 */
export function checkParts(parts: readonly SimulationPart[]): PartsCheck {
  const first = parts[0];
  if (first === undefined) return { ok: false, problems: ['no parts given'] };
  const problems: string[] = [];
  for (const p of parts.slice(1)) {
    if (p.runKey === first.runKey && p.shard.count === first.shard.count) continue;
    const differs = Object.keys({ ...first.runFields, ...p.runFields })
      .filter((k) => first.runFields[k] !== p.runFields[k])
      .map((k) => `${k} differs (${p.runFields[k] ?? 'none'} against ${first.runFields[k] ?? 'none'})`);
    if (p.shard.count !== first.shard.count)
      differs.push(`shard count differs (${p.shard.count} against ${first.shard.count})`);
    problems.push(`${p.label} belongs to another run than ${first.label}: ${differs.join('; ')}`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const n = first.shard.count;
  const byIndex = new Map<number, string[]>();
  for (const p of parts) byIndex.set(p.shard.index, [...(byIndex.get(p.shard.index) ?? []), p.label]);
  for (const [index, labels] of [...byIndex.entries()].sort((a, b) => a[0] - b[0])) {
    if (labels.length > 1) problems.push(`shard ${index}/${n} is given more than once: ${labels.join(', ')}`);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0)
    problems.push(
      `${missing.length === 1 ? 'shard' : 'shards'} ${missing.map((i) => `${i}/${n}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`,
    );
  return problems.length > 0 ? { ok: false, problems } : { ok: true, count: n };
}

/** What the merge computed itself: the adaptive phases' chunks and trials. */
export type MergeWork = { chunks: number; trials: number };

/** The merged result, or the problems that stop it (chunks missing, a plan that differs). */
export type MergeOutcome =
  | { readonly ok: true; readonly result: SimulationResult; readonly local: MergeWork }
  | { readonly ok: false; readonly problems: readonly string[] };

class PartsMismatch extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}

/**
 * Merges checked parts: the model and options are those the parts were made with.
 * @example mergeParts(model, options, analytic, parts).ok
 */
export function mergeParts(
  model: Model,
  options: SimulateOptions,
  analytic: AnalyticFigures | undefined,
  parts: readonly SimulationPart[],
): MergeOutcome {
  const local: MergeWork = { chunks: 0, trials: 0 };
  try {
    const result = simulateWith(model, options, analytic, (setup) => {
      const table = chunkTable(fixedPhases(setup, options), parts);
      const runner = new ChunkRunner(setup);
      return (phase: Phase, chunks: readonly number[]): ChunkResult[] => {
        const given = table.get(phase.kind);
        if (given === undefined) {
          return chunks.map((c) => {
            const r = runner.run(phase, c);
            local.chunks++;
            local.trials += r.trials;
            return r;
          });
        }
        return chunks.map((c) => {
          const r = given.get(c);
          if (r === undefined)
            throw new PartsMismatch([`the run asks for ${phase.kind} chunk ${c}, which no part holds`]);
          return r;
        });
      };
    });
    return { ok: true, result, local };
  } catch (e) {
    if (e instanceof PartsMismatch) return { ok: false, problems: e.problems };
    throw e;
  }
}

/** Phase kind → chunk index → result, checked against the phases the run plans. */
function chunkTable(
  planned: readonly Phase[],
  parts: readonly SimulationPart[],
): Map<Phase['kind'], Map<number, ChunkResult>> {
  const problems: string[] = [];
  const table = new Map<Phase['kind'], Map<number, ChunkResult>>();
  for (const phase of planned) {
    const chunks = new Map<number, ChunkResult>();
    const owner = new Map<number, string>();
    for (const part of parts) {
      const p = part.phases.find((x) => x.kind === phase.kind);
      if (p === undefined || p.total !== phase.total) {
        problems.push(
          `${part.label} has no ${phase.kind} phase of ${phase.total} trials, which this run plans (made by another nines version?)`,
        );
        continue;
      }
      for (const { index, result } of p.chunks) {
        const before = owner.get(index);
        if (before !== undefined) problems.push(`${phase.kind} chunk ${index} is in both ${before} and ${part.label}`);
        owner.set(index, part.label);
        chunks.set(index, result);
      }
    }
    const absent: number[] = [];
    for (let c = 0; c < chunkCount(phase); c++) if (!chunks.has(c)) absent.push(c);
    if (absent.length > 0)
      problems.push(
        `${phase.kind} chunks missing from every part: ${absent.slice(0, 5).join(', ')}${absent.length > 5 ? `, … (${absent.length} in all)` : ''}`,
      );
    table.set(phase.kind, chunks);
  }
  for (const part of parts) {
    for (const p of part.phases) {
      if (!planned.some((x) => x.kind === p.kind))
        problems.push(`${part.label} holds a ${p.kind} phase this run does not plan`);
    }
  }
  if (problems.length > 0) throw new PartsMismatch(problems);
  return table;
}
