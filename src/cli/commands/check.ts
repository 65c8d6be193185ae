/**
 * `nines check <file|->`: the CI gate. Flags → the check use case (app/check.ts) → the format
 * registry's renderers → the exit code (0 pass, 1 missed, 2 bad input, 3 inconclusive); GitHub
 * Actions annotations and step summary.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { helpText } from '../help-text.js';
import { checkFailureDocument, runCheck } from '../../app/check.js';
import type { McDecision } from '../../gate/index.js';
import { githubAnnotations, githubProblemAnnotations } from '../../report/text/gate.js';
import { DEFAULT_SEED } from '../../simulate/index.js';
import { output, type CommandContext } from '../context.js';
import { emit, formatOutput, formatsHelp, render, withFormatOptions, type FormatFlags } from '../formats.js';
import { loadOrFail } from '../load-model.js';
import { positiveInteger } from '../options.js';
import { collect, setOverrides, targetFlags, withOverrideOptions } from '../overrides.js';
import { targetGrammarLines } from '../target-grammar.js';

type Flags = FormatFlags & {
  target?: string[];
  maxWarnings?: number;
  exitZero?: boolean;
  method: 'analytic' | 'simulate';
  mcDecision: McDecision;
  ci?: 'github' | 'none';
  seed: number;
  trials: number;
  set?: string[];
  fail?: string[];
  recommendations?: boolean;
};

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number ≥ 0, got '${value}'`);
  return n;
}

const HELP = `
Target grammar: METRIC[SCOPE] OP VALUE[@warn]
${targetGrammarLines()}
  OP      >= or <=;  VALUE in the metric's unit: 99.95%, 4 nines, 1h, 15 minute, 40 TB, 2

${formatsHelp('check')}

Exit codes: 0 all targets met · 1 a target missed (or more warnings than --max-warnings) ·
2 bad input or usage · 3 inconclusive (a Monte Carlo interval straddles a target).

Examples:
  $ nines check models/database-dr.yaml
  $ nines check models/database-dr.yaml --set 'data.copies.dr-replica.lag=5 min'   # exits 1; says what would fix it
  $ nines check models/database-dr.yaml --set 'data.copies=[]'       # exits 1: a region loss falls back to the nightly backup
  $ nines check models/database-dr.yaml --set tiers.db.nodes=1       # exits 1: a lost node waits for the switchover; says what would fix it
  $ nines check models/minimal.yaml --target 'availability>=99.99%' --target 'downtimePerYear<=1h@warn'
  $ nines check models/database-dr.yaml --format markdown >> "$GITHUB_STEP_SUMMARY"
  $ nines check models/database-dr.yaml --report junit=nines-junit.xml --report markdown=nines.md
  $ nines check models/inference-3az.yaml --method simulate --trials 3000000
  $ nines check models/inference-3az.yaml --target 'runway>=2 month'     # capacity runway (nines plan)`;

export function checkCommand(ctx: CommandContext): Command {
  const command = new Command('check')
    .description('CI gate: check the model against its targets (and --target flags); exit 1 when one is missed')
    .argument('<file>', "model file (YAML or JSON), or '-' for standard input");
  withCheckOptions(command);
  withFormatOptions(command, 'check');
  command
    .option('--no-recommendations', 'do not look for changes that would meet the missed targets')
    .addOption(
      new Option(
        '--ci <provider>',
        'CI integration: github = ::error annotations on stderr and the Markdown summary appended to $GITHUB_STEP_SUMMARY (default: github when GITHUB_ACTIONS=true)',
      ).choices(['github', 'none']),
    );
  withOverrideOptions(command);
  return command.addHelpText('after', helpText(HELP)).action(async (file: string, flags: Flags, cmd: Command) => {
    const o = formatOutput(ctx, output(ctx, cmd), flags);
    targetFlags(flags.target); // a bad --target is a usage error before the file is read
    const overrides = setOverrides(flags.set);
    const github = flags.ci === 'github' || (flags.ci === undefined && ctx.proc.env['GITHUB_ACTIONS'] === 'true');
    const source = await loadOrFail(
      ctx,
      o,
      file,
      overrides,
      (problems) => checkFailureDocument(problems, flags),
      (failed) => github && o.err(githubProblemAnnotations(failed.fileLabel, failed.problems)),
    );
    if (source === undefined) return;
    const outcome = await runCheck(source, { ...flags, targets: flags.target ?? [] });
    const summaryFile = ctx.proc.env['GITHUB_STEP_SUMMARY'];
    const summary =
      github && summaryFile !== undefined && summaryFile !== ''
        ? [{ path: summaryFile, text: `${await render('check', 'markdown', outcome, false)}\n` }]
        : [];
    await emit(ctx, o, 'check', flags, outcome, summary);
    if (outcome.result.records.length === 0 && !o.quiet)
      o.err("nines: warning: no targets to check: add a 'targets' section to the model or pass --target\n");
    if (github) o.err(githubAnnotations(outcome.result.records));
    ctx.exitCode = outcome.exitCode;
  });
}

/** The gate's own options: targets, warnings, exit-zero, the method and its Monte Carlo knobs. */
function withCheckOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--target <target>',
        "a target, e.g. 'availability>=99.95%', 'rto<=1h', 'rpo[region]<=15 minute', 'availability[db]>=99.99%', 'downtimePerYear<=4h@warn' (repeatable; replaces the file's target of the same metric and scope)",
      ).argParser(collect),
    )
    .addOption(
      new Option('--max-warnings <n>', 'fail (exit 1) when more than n warn-level targets are missed').argParser(
        nonNegativeInteger,
      ),
    )
    .option('--exit-zero', 'exit 0 whatever the outcome (report only); bad input still exits 2')
    .addOption(
      new Option(
        '--method <method>',
        'figures to gate on; simulate uses the 95% Monte Carlo bound for availability and downtime',
      )
        .choices(['analytic', 'simulate'])
        .default('analytic'),
    )
    .addOption(
      new Option(
        '--mc-decision <mode>',
        'with --method simulate: pessimistic = the unfavourable bound must meet the target (inconclusive, exit 3, when the interval straddles it); point = the estimate; optimistic = the favourable bound',
      )
        .choices(['pessimistic', 'point', 'optimistic'])
        .default('pessimistic'),
    )
    .addOption(
      new Option('--seed <n>', 'with --method simulate: random seed')
        .default(DEFAULT_SEED)
        .argParser(nonNegativeInteger),
    )
    .addOption(
      new Option('--trials <n>', 'with --method simulate: snapshot trials')
        .default(1_000_000)
        .argParser(positiveInteger),
    );
}
