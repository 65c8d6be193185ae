/**
 * `nines simulate --shard I/N --out PART`: runs one shard and writes its part file whole (to a
 * temporary file renamed into place, so a killed shard leaves no half-written part).
 */
import { EXIT } from '../errors.js';
import { envelope, toJson } from '../report/json/envelope.js';
import { simulateShard, type ShardableOptions, type ShardSpec } from '../simulate/run/shard.js';
import type { SimulateOptions } from '../simulate/types.js';
import type { CommandContext, Output } from './context.js';
import type { Source } from './load-model.js';
import { partDocument } from './simulation-part.js';
import { writeResultFile } from './write-file.js';

/** The options a part records: those its numbers depend on (not workers, progress or the clock). */
function shardable(options: SimulateOptions): ShardableOptions {
  const { seed, trials, timelineTrials, years, mode, estimator, dataLossTrials, recoveryTrials, start } = options;
  const all = { seed, trials, timelineTrials, years, mode, estimator, dataLossTrials, recoveryTrials, start };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as ShardableOptions;
}

export async function runShard(
  ctx: CommandContext,
  o: Output,
  loaded: Pick<Source, 'model' | 'fileLabel' | 'bytes'>,
  options: SimulateOptions,
  set: readonly string[],
  shard: ShardSpec,
  out: string,
): Promise<void> {
  const recorded = shardable(options);
  const phases = await simulateShard(
    loaded.model,
    {
      ...recorded,
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    },
    shard,
  );
  const text = toJson(partDocument(loaded.fileLabel, loaded.bytes, recorded, set, shard, phases), false);
  if (out === '-') {
    ctx.proc.stdout.write(text);
  } else {
    await writeResultFile(ctx.proc.cwd(), out, text);
  }
  const summary = phases
    .map((p) => `${p.kind} ${p.chunks.length} of ${Math.ceil(p.total / p.chunkSize)} chunks`)
    .join(', ');
  if (!o.quiet)
    o.err(
      `shard ${shard.index}/${shard.count}: ${summary || 'no fixed-size phase'} → ${out === '-' ? 'standard output' : out}\n`,
    );
  if (o.json && out !== '-') {
    o.outJson({
      ...envelope('simulate'),
      shard: {
        index: shard.index,
        count: shard.count,
        out,
        phases: phases.map((p) => ({ kind: p.kind, total: p.total, chunkSize: p.chunkSize, chunks: p.chunks.length })),
      },
    });
  }
  ctx.exitCode = EXIT.ok;
}
