/**
 * What `nines sweep` and `nines design` share: the `--vary`, `--log`, `--set`, `--target` and
 * Monte Carlo flags, and reading the model once into a prepared variation.
 */
import { Option, type Command } from 'commander';
import { decodeModelBytes } from '../config/decode.js';
import { parseOverride, type Override } from '../config/overrides.js';
import { prepareVariation, type Variation } from '../config/variation.js';
import { parseVary, type Axis } from '../config/vary.js';
import { ninesError } from '../errors.js';
import type { GateTarget, McDecision } from '../gate/index.js';
import { DEFAULT_SEED } from '../simulate/index.js';
import type { PointOptions } from '../app/sweep/evaluate.js';
import { targetFlags } from '../app/what-if.js';
import type { Output } from './context.js';
import { readModelInput } from './io.js';
import { positiveInteger } from './options.js';
import { collect } from './overrides.js';
import { printProblems } from './load-model.js';
import { progressBar } from './progress.js';
import type { Proc } from './proc.js';
import type { Problem } from '../config/problem.js';

export type VaryFlags = {
  vary?: string[];
  log?: boolean;
  set?: string[];
  target?: string[];
  method: 'analytic' | 'simulate';
  mcDecision: McDecision;
  seed: number;
  trials: number;
};

/** Adds the shared options to a command. */
export function withVaryOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--vary <path=range>',
        "an axis: a model field and its values, e.g. 'tiers.db.nodes=3..7', '…=1..9:2', '…=3,5,7', 'data.backups.nightly.every=1 h..8 h:1 h' (repeatable: a grid)",
      ).argParser(collect),
    )
    .option(
      '--log',
      'space ranges logarithmically: A..B[:N] takes N points per decade (default 1), availabilities on 1 − x (99%..99.99% → 99%, 99.9%, 99.99%)',
    )
    .addOption(
      new Option(
        '--set <path=value>',
        "change a model field at every point, e.g. 'recovery.detection=2 minute' (repeatable)",
      ).argParser(collect),
    )
    .addOption(
      new Option(
        '--target <target>',
        "a target checked at every point, e.g. 'availability>=99.95%' (repeatable; replaces the file's target of the same metric and scope)",
      ).argParser(collect),
    )
    .addOption(
      new Option(
        '--method <method>',
        'figures: analytic, or simulate (Monte Carlo snapshot trials at each point, 95% intervals)',
      )
        .choices(['analytic', 'simulate'])
        .default('analytic'),
    )
    .addOption(
      new Option('--trials <n>', 'with --method simulate: snapshot trials per point')
        .default(100_000)
        .argParser(positiveInteger),
    )
    .addOption(
      new Option('--seed <n>', 'with --method simulate: the seed, the same at every point')
        .default(DEFAULT_SEED)
        .argParser(positiveInteger),
    )
    .addOption(
      new Option(
        '--mc-decision <mode>',
        'with --method simulate: how an interval decides a target (pessimistic, point, optimistic)',
      )
        .choices(['pessimistic', 'point', 'optimistic'])
        .default('pessimistic'),
    );
}

export type LoadedVariation = {
  readonly variation: Variation;
  readonly fileLabel: string;
  readonly text: string;
  readonly point: PointOptions;
};

/**
 * Parses the flags (a bad one is a usage error, exit 2), reads and validates the model once,
 * and checks every axis against it. Model problems are printed and returned (exit 2).
 */
export async function loadVariation(
  proc: Proc,
  o: Output,
  file: string,
  flags: VaryFlags,
): Promise<LoadedVariation | { readonly problems: readonly Problem[] }> {
  const texts = flags.vary ?? [];
  if (texts.length === 0)
    throw ninesError('bad-vary', "give at least one --vary PATH=RANGE, e.g. --vary 'tiers.db.nodes=3..7'");
  const axes: Axis[] = texts.map((text) => {
    const parsed = parseVary(text, { log: flags.log === true });
    if (!parsed.ok) throw ninesError('bad-vary', `--vary ${text}: ${parsed.message}`);
    return parsed.axis;
  });
  const paths = axes.map((a) => a.path);
  const repeated = paths.find((p, i) => paths.indexOf(p) !== i);
  if (repeated !== undefined)
    throw ninesError('bad-vary', `--vary ${repeated} is given twice; give one range per path`);
  const sets: Override[] = (flags.set ?? []).map((text) => {
    const parsed = parseOverride(text);
    if (!parsed.ok) throw ninesError('bad-override', `--set ${text}: ${parsed.message}`);
    return parsed.value;
  });
  const flagTargets: GateTarget[] = targetFlags(flags.target);
  const fileLabel = file === '-' ? '<stdin>' : file;
  const decoded = decodeModelBytes(await readModelInput(proc, file));
  if (!decoded.ok) {
    printProblems(o, fileLabel, [decoded.problem]);
    return { problems: [decoded.problem] };
  }
  const prepared = prepareVariation(decoded.text, sets, axes);
  if (!prepared.ok) {
    if ('message' in prepared) throw ninesError('bad-vary', prepared.message);
    printProblems(o, fileLabel, prepared.problems);
    return { problems: prepared.problems };
  }
  printProblems(o, fileLabel, prepared.value.warnings);
  return {
    variation: prepared.value,
    fileLabel,
    text: decoded.text,
    point: {
      file: fileLabel,
      flagTargets,
      method: flags.method,
      seed: flags.seed,
      trials: flags.trials,
      mcDecision: flags.mcDecision,
    },
  };
}

/** A progress bar on stderr for a long sweep or search (a terminal only, after a second). */
export function pointProgress(proc: Proc, quiet: boolean): { update: (fraction: number) => void; done: () => void } {
  const bar = progressBar(proc.stderr, !quiet);
  const started = performance.now();
  return {
    update: (fraction) => {
      const elapsedSeconds = (performance.now() - started) / 1000;
      bar.update({
        fraction,
        elapsedSeconds,
        etaSeconds: fraction > 0 ? (elapsedSeconds * (1 - fraction)) / fraction : Infinity,
      });
    },
    done: bar.done,
  };
}
