/**
 * The part file of a sharded simulation: written by `nines simulate --shard I/N --out PART`,
 * read by `nines merge`. It carries the model's source (so the merge needs nothing else), its
 * SHA-256, the options and `--set` overrides the run depends on, the engine version, and the
 * encoded chunks of the shard. Parsing checks the shape and returns problems, never throws.
 */
import { createRequire } from 'node:module';
import { envelope } from '../report/json/envelope.js';
import { decodeResult, encodeResult } from '../simulate/run/part-codec.js';
import type { SimulationPart } from '../simulate/run/merge-parts.js';
import { GENERATOR, STREAM_LAYOUT } from '../simulate/random/rng.js';
import type { ShardableOptions, ShardPhase, ShardSpec } from '../simulate/run/shard.js';
import type { ChunkResult } from '../simulate/run/chunks.js';

export const PART_FORMAT = 'nines-simulation-part';

/** What a part says about its run: equal across every part of one run. */
export type PartRun = {
  readonly modelSha256: string;
  readonly generator: string;
  /** The layout of the kernels' random streams ({@link STREAM_LAYOUT}); absent in parts before layout 2. */
  readonly streams?: number;
  readonly options: ShardableOptions;
  readonly set: readonly string[];
};

/** A part read back: the merge's view, the model source and the run's options. */
export type ReadPart = SimulationPart & {
  readonly source: Uint8Array;
  readonly file: string;
  readonly run: PartRun;
  readonly toolVersion: string;
};

/** SHA-256 of the model's bytes, hex (node:crypto required here: only shard runs and merges hash). */
export function sha256(bytes: Uint8Array): string {
  const { createHash }: typeof import('node:crypto') = createRequire(import.meta.url)('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

/** The part document (one JSON document; schemas/report.schema.json `simulationPart`). */
export function partDocument(
  file: string,
  source: Uint8Array,
  options: ShardableOptions,
  set: readonly string[],
  shard: ShardSpec,
  phases: readonly ShardPhase[],
): Record<string, unknown> {
  const run: PartRun = { modelSha256: sha256(source), generator: GENERATOR, streams: STREAM_LAYOUT, options, set };
  return {
    ...envelope('simulate'),
    part: {
      format: PART_FORMAT,
      shard,
      run,
      model: { file, sourceBase64: Buffer.from(source).toString('base64') },
      phases: phases.map((p) => ({
        kind: p.kind,
        total: p.total,
        chunkSize: p.chunkSize,
        chunks: p.chunks.map((c) => ({ index: c.index, result: encodeResult(c.result) })),
      })),
    },
  };
}

type Parsed = { readonly ok: true; readonly part: ReadPart } | { readonly ok: false; readonly problem: string };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

/** Reads a part document; `label` names it in problems. */
export function parsePart(label: string, text: string): Parsed {
  const bad = (why: string): Parsed => ({ ok: false, problem: `${label}: not a nines simulation part: ${why}` });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return bad(`invalid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isObject(doc) || !isObject(doc.part) || doc.part.format !== PART_FORMAT)
    return bad(
      `no 'part' of format '${PART_FORMAT}' (write one with: nines simulate <file> --shard I/N --out PART.json)`,
    );
  const tool = isObject(doc.tool) && typeof doc.tool.version === 'string' ? doc.tool.version : undefined;
  const p = doc.part;
  const shard = p.shard;
  if (
    !isObject(shard) ||
    !isCount(shard.index) ||
    !isCount(shard.count) ||
    shard.index < 1 ||
    shard.index > shard.count
  )
    return bad('its shard is not I/N with 1 ≤ I ≤ N');
  const run = p.run;
  if (
    !isObject(run) ||
    typeof run.modelSha256 !== 'string' ||
    typeof run.generator !== 'string' ||
    !isObject(run.options) ||
    !Array.isArray(run.set) ||
    !run.set.every((s) => typeof s === 'string')
  )
    return bad('its run header is incomplete');
  const model = p.model;
  if (!isObject(model) || typeof model.file !== 'string' || typeof model.sourceBase64 !== 'string')
    return bad('it holds no model source');
  const phases = readPhases(p.phases, bad);
  if (!Array.isArray(phases)) return phases;
  const source = new Uint8Array(Buffer.from(model.sourceBase64, 'base64'));
  if (sha256(source) !== run.modelSha256)
    return bad('its model source does not match its SHA-256 (the file was damaged or edited)');
  const partRun: PartRun = {
    modelSha256: run.modelSha256,
    generator: run.generator,
    ...(typeof run.streams === 'number' ? { streams: run.streams } : {}),
    options: run.options as ShardableOptions,
    set: run.set as string[],
  };
  const toolVersion = tool ?? 'unknown';
  const runFields = {
    'nines version': toolVersion,
    'model (SHA-256)': partRun.modelSha256.slice(0, 12),
    generator: partRun.generator,
    'random streams': `layout ${partRun.streams ?? 1}`,
    options: canonical(partRun.options),
    '--set': canonical(partRun.set),
  };
  return {
    ok: true,
    part: {
      label,
      shard: { index: shard.index, count: shard.count },
      runKey: canonical(runFields),
      runFields,
      phases,
      source,
      file: model.file,
      run: partRun,
      toolVersion,
    },
  };
}

/** The phases of a part with their decoded chunks, or the problem that stops the reading. */
function readPhases(raw: unknown, bad: (why: string) => Parsed): ShardPhase[] | Parsed {
  if (!Array.isArray(raw)) return bad('it holds no phases');
  const phases: ShardPhase[] = [];
  for (const ph of raw) {
    if (
      !isObject(ph) ||
      typeof ph.kind !== 'string' ||
      !isCount(ph.total) ||
      !isCount(ph.chunkSize) ||
      !Array.isArray(ph.chunks)
    )
      return bad('a phase is malformed');
    if (!['snapshot', 'timeline', 'durability'].includes(ph.kind)) return bad(`unknown phase '${ph.kind}'`);
    const chunks: { index: number; result: ChunkResult }[] = [];
    for (const c of ph.chunks) {
      if (!isObject(c) || !isCount(c.index) || !isObject(c.result)) return bad(`a ${ph.kind} chunk is malformed`);
      try {
        chunks.push({ index: c.index, result: decodeResult(c.result) as ChunkResult });
      } catch (e) {
        return bad(`${ph.kind} chunk ${c.index}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    phases.push({ kind: ph.kind as ShardPhase['kind'], total: ph.total, chunkSize: ph.chunkSize, chunks });
  }
  return phases;
}

/** JSON with object keys sorted, so equal values give equal strings. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    isObject(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}
