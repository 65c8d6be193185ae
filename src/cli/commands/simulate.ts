import { Command, InvalidArgumentError, Option } from 'commander';
import { helpText } from '../help-text.js';
import { EXIT, ninesError } from '../../errors.js';
import { runSimulate, simulateFailureDocument } from '../../app/simulate.js';
import { renderSimulationNotes } from '../../report/text/simulation.js';
import { groupThousands } from '../../report/format.js';
import { DEFAULT_SEED, DEFAULT_TIMELINE_TRIALS, DEFAULT_TRIALS } from '../../simulate/index.js';
import type { ShardSpec } from '../../simulate/run/shard.js';
import type { SimulateOptions } from '../../simulate/types.js';
import { output, type CommandContext } from '../context.js';
import { emit, formatOutput, formatsHelp, withFormatOptions, type FormatFlags } from '../formats.js';
import { loadOrFail } from '../load-model.js';
import { setOverrides, withOverrideOptions } from '../overrides.js';
import { positiveInteger, positiveNumber, seedNumber } from '../options.js';
import { progressBar } from '../progress.js';
import { runShard } from '../shard-run.js';

type Flags = FormatFlags & {
  seed: number;
  trials?: number;
  timelineTrials?: number;
  relError?: number;
  maxTime?: number;
  workers: 'auto' | number;
  years?: number;
  mode: NonNullable<SimulateOptions['mode']>;
  estimator: NonNullable<SimulateOptions['estimator']>;
  maxWork?: number;
  set?: string[];
  shard?: ShardSpec;
  out?: string;
};

/** `--shard I/N`: shard I of N, 1 ≤ I ≤ N. */
export function shardSpec(value: string): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (
    m === null ||
    !Number.isSafeInteger(index) ||
    !Number.isSafeInteger(count) ||
    count < 1 ||
    index < 1 ||
    index > count
  ) {
    throw new InvalidArgumentError(`expected I/N with 1 ≤ I ≤ N (shard I of N, e.g. 1/8), got '${value}'`);
  }
  return { index, count };
}

function workers(value: string): 'auto' | number {
  if (value === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected 'auto' or a whole number ≥ 1, got '${value}'`);
  return n;
}

const HELP = `
${formatsHelp('simulate')}

Exit codes: 0 simulated, 2 invalid model or usage.

Sharding: 'nines simulate M --shard I/N --out part-I.json' for I = 1..N, on any
machines, then 'nines merge part-*.json' prints what 'nines simulate M' prints.

Examples:
  $ nines simulate models/inference-3az.yaml
  $ nines simulate models/database-dr.yaml --seed 42 --workers 2
  $ nines simulate models/minimal.yaml --mode snapshot --rel-error 0.01
  $ nines simulate models/inference-3az.yaml --json | jq .simulation.annualDowntimeSeconds
  $ nines simulate models/database-dr.yaml --shard 1/2 --out part-1.json
  $ nines simulate models/minimal.yaml --seed 7 --report json=simulation.json   # text on stdout, JSON in a file`;

export function simulateCommand(ctx: CommandContext): Command {
  const command = new Command('simulate')
    .description(
      'Monte Carlo: seeded snapshot and timeline trials with confidence intervals, checked against the analytic figures',
    )
    .argument('<file>', "model file (YAML or JSON), or '-' for standard input");
  withSimulateOptions(command);
  withFormatOptions(command, 'simulate');
  withOverrideOptions(command, { fail: false });
  return command
    .addHelpText('after', helpText(HELP))
    .action((file: string, flags: Flags, cmd: Command) => simulateAction(ctx, file, flags, cmd));
}

async function simulateAction(ctx: CommandContext, file: string, flags: Flags, command: Command): Promise<void> {
  const o = formatOutput(ctx, output(ctx, command), flags);
  if (flags.shard === undefined && flags.out !== undefined)
    throw ninesError('bad-argument', '--out', 'writes the part of a shard; give --shard I/N too');
  if (flags.shard !== undefined) {
    if (flags.relError !== undefined || flags.maxTime !== undefined) {
      throw ninesError(
        'bad-argument',
        '--shard',
        'a sharded run must be reproducible, so it takes fixed trial counts: drop --rel-error and --max-time',
      );
    }
    if (flags.out === undefined)
      throw ninesError('bad-argument', '--shard', 'name the part file to write with --out PART.json');
  }
  const loaded = await loadOrFail(ctx, o, file, setOverrides(flags.set), simulateFailureDocument);
  if (loaded === undefined) return;
  const bar = progressBar(ctx.proc.stderr, !o.quiet);
  const options: SimulateOptions = {
    seed: flags.seed,
    workers: flags.workers,
    mode: flags.mode,
    estimator: flags.estimator,
    onProgress: bar.update,
    ...(flags.trials === undefined ? {} : { trials: flags.trials }),
    ...(flags.timelineTrials === undefined ? {} : { timelineTrials: flags.timelineTrials }),
    ...(flags.relError === undefined ? {} : { relError: flags.relError }),
    ...(flags.maxTime === undefined ? {} : { maxTimeSeconds: flags.maxTime }),
    ...(flags.years === undefined ? {} : { years: flags.years }),
    ...(flags.maxWork === undefined ? {} : { maxWork: flags.maxWork }),
  };
  if (flags.shard !== undefined && flags.out !== undefined) {
    await runShard(ctx, o, loaded, options, flags.set ?? [], flags.shard, flags.out).finally(bar.done);
    return;
  }
  const outcome = await runSimulate(loaded, options, flags.set).finally(bar.done);
  await emit(ctx, o, 'simulate', flags, outcome);
  // Notes are for people, on stderr (the JSON keeps them in notes[]); -q silences them.
  if (!o.quiet) o.err(renderSimulationNotes(outcome.view.result, o.errStyle));
  ctx.exitCode = EXIT.ok;
}

/** Seed, trial counts, precision and time budgets, workers, mode, estimator, sharding. */
function withSimulateOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--seed <n>', 'random seed; the same seed gives the same numbers whatever the worker count')
        .default(DEFAULT_SEED)
        .argParser(seedNumber),
    )
    .addOption(
      new Option(
        '--trials <n>',
        `snapshot trials (default ${groupThousands(DEFAULT_TRIALS)}); in --mode timeline, timeline trials`,
      ).argParser(positiveInteger),
    )
    .addOption(
      new Option(
        '--timeline-trials <n>',
        `simulated horizons in --mode both (default ${groupThousands(DEFAULT_TIMELINE_TRIALS)})`,
      ).argParser(positiveInteger),
    )
    .addOption(
      new Option(
        '--rel-error <x>',
        'run until the 95% interval half-width is at most this fraction of the estimate, e.g. 0.05',
      ).argParser(positiveNumber),
    )
    .addOption(
      new Option(
        '--max-time <seconds>',
        'time budget with --rel-error (default 10); a run stopped by time is not reproducible',
      ).argParser(positiveNumber),
    )
    .addOption(
      new Option(
        '--workers <n>',
        "threads: 'auto' (workers beside the main thread only when the work left pays for starting them and cores are idle) or a number (the main thread and n − 1 workers, at most the core count)",
      )
        .default('auto' as const)
        .argParser(workers),
    )
    .addOption(
      new Option(
        '--max-work <n>',
        'work budget of one phase: snapshot trials × components draws, or per timeline event 5 + components / 20; default 1e8 (about 2 s of one core). A default trial count is lowered to fit, an explicit one over it is refused',
      ).argParser(positiveNumber),
    )
    .addOption(
      new Option('--years <n>', 'timeline horizon in years (default: the model horizon)').argParser(positiveNumber),
    )
    .addOption(
      new Option('--mode <mode>', 'what to simulate').choices(['snapshot', 'timeline', 'both']).default('both'),
    )
    .addOption(
      new Option('--estimator <name>', 'snapshot estimator; auto switches to importance sampling for rare events')
        .choices(['auto', 'naive', 'importance-sampling'])
        .default('auto'),
    )
    .addOption(
      new Option(
        '--shard <i/n>',
        "run only shard I of N (1-based) and write its part to --out; combine the parts with 'nines merge'",
      ).argParser(shardSpec),
    )
    .addOption(new Option('--out <part.json>', "with --shard: the part file to write ('-' for standard output)"));
}
