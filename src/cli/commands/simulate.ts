import { Command, InvalidArgumentError, Option } from 'commander';
import { analyzeAvailability } from '../../analytic/availability/index.js';
import { EXIT } from '../../errors.js';
import { modelInfo } from '../../report/json/analysis.js';
import { envelope } from '../../report/json/envelope.js';
import { renderSimulation } from '../../report/text/simulation.js';
import { DEFAULT_SEED, DEFAULT_TIMELINE_TRIALS, DEFAULT_TRIALS, simulate } from '../../simulate/index.js';
import type { SimulateOptions } from '../../simulate/types.js';
import { output, type CommandContext } from '../context.js';
import { readModel } from '../load-model.js';
import { overridesJson, printLoadProblems, setOverrides, withOverrideOptions } from '../overrides.js';
import { positiveInteger, positiveNumber } from '../options.js';
import { progressBar } from '../progress.js';

type Flags = {
  seed: number;
  trials?: number;
  timelineTrials?: number;
  relError?: number;
  maxTime?: number;
  workers: 'auto' | number;
  years?: number;
  mode: NonNullable<SimulateOptions['mode']>;
  estimator: NonNullable<SimulateOptions['estimator']>;
  set?: string[];
};

function workers(value: string): 'auto' | number {
  if (value === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected 'auto' or a whole number ≥ 1, got '${value}'`);
  return n;
}

function seed(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number ≥ 0, got '${value}'`);
  return n;
}

export function simulateCommand(ctx: CommandContext): Command {
  return withOverrideOptions(new Command('simulate')
    .description('Monte Carlo: seeded snapshot and timeline trials with confidence intervals, checked against the analytic figures')
    .argument('<file>', "model file (YAML or JSON), or '-' for standard input")
    .addOption(new Option('--seed <n>', 'random seed; the same seed gives the same numbers whatever the worker count').default(DEFAULT_SEED).argParser(seed))
    .addOption(new Option('--trials <n>', `snapshot trials (default ${DEFAULT_TRIALS.toLocaleString('en-US')}); in --mode timeline, timeline trials`).argParser(positiveInteger))
    .addOption(new Option('--timeline-trials <n>', `simulated horizons in --mode both (default ${DEFAULT_TIMELINE_TRIALS.toLocaleString('en-US')})`).argParser(positiveInteger))
    .addOption(new Option('--rel-error <x>', 'run until the 95% interval half-width is at most this fraction of the estimate, e.g. 0.05').argParser(positiveNumber))
    .addOption(new Option('--max-time <seconds>', 'time budget with --rel-error (default 10); a run stopped by time is not reproducible').argParser(positiveNumber))
    .addOption(new Option('--workers <n>', "worker threads: 'auto' (used only when the work pays for them) or a number").default('auto' as const).argParser(workers))
    .addOption(new Option('--years <n>', 'timeline horizon in years (default: the model horizon)').argParser(positiveNumber))
    .addOption(new Option('--mode <mode>', 'what to simulate').choices(['snapshot', 'timeline', 'both']).default('both'))
    .addOption(new Option('--estimator <name>', 'snapshot estimator; auto switches to importance sampling for rare events').choices(['auto', 'naive', 'importance-sampling']).default('auto'))
    .addHelpText('after', `
Exit codes: 0 simulated, 2 invalid model or usage.

Examples:
  $ nines simulate models/inference-3az.yaml
  $ nines simulate models/database-dr.yaml --seed 42 --workers 2
  $ nines simulate models/minimal.yaml --mode snapshot --rel-error 0.01
  $ nines simulate models/inference-3az.yaml --json | jq .simulation.annualDowntimeSeconds`)
    .action(async (file: string, flags: Flags, command: Command) => {
      const o = output(ctx, command);
      const overrides = setOverrides(flags.set);
      const loaded = await readModel(ctx.proc, file, overrides.edit);
      if (!loaded.ok) {
        printLoadProblems(o, loaded.fileLabel, loaded.problems, overrides.applied());
        if (o.json) o.outJson({ ...envelope('simulate'), valid: false, problems: loaded.problems });
        ctx.exitCode = EXIT.input;
        return;
      }
      printLoadProblems(o, loaded.fileLabel, loaded.warnings, overrides.applied());
      const availability = analyzeAvailability(loaded.model);
      const analytic = {
        serviceUnavailability: availability.service.unavailability,
        tiers: Object.fromEntries(availability.tiers.map((t) => [t.name, t.unavailability])),
      };
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
      };
      const result = await simulate(loaded.model, options, analytic).finally(bar.done);
      if (o.json) {
        o.outJson({ ...envelope('simulate'), model: modelInfo(loaded.model, loaded.fileLabel), horizonSeconds: loaded.model.horizonSeconds, simulation: result, overrides: overridesJson(flags.set, undefined) });
      } else {
        o.out(`${o.style.chalk.bold(loaded.model.name)}\n\n${renderSimulation(result, o.style).trimEnd()}\n`);
      }
      ctx.exitCode = EXIT.ok;
    }), { fail: false });
}
