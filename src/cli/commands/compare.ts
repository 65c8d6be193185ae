/**
 * `nines compare <base> <candidate>`: two designs side by side, the delta of each figure and
 * what got worse; `--fail-on-regression` makes a regression beyond `--tolerance` exit 1.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { analyzeModel, type Analysis } from '../../analytic/analyze-model.js';
import { resolveObjective, sloGateFigures } from '../../app/slo.js';
import type { Model } from '../../model/types.js';
import { EXIT, ninesError } from '../../errors.js';
import { compareAnalyses } from '../../gate/index.js';
import { envelope } from '../../report/json/envelope.js';
import { renderCompareMarkdown } from '../../report/markdown/compare.js';
import { renderCompare, type CompareView } from '../../report/text/compare.js';
import { output, type CommandContext } from '../context.js';
import { readModel, type Loaded } from '../load-model.js';
import { overridesJson, printLoadProblems, setOverrides, withOverrideOptions } from '../overrides.js';
import type { AppliedOverride } from '../../config/overrides.js';
import type { Problem } from '../../config/problem.js';
import type { Output } from '../context.js';

type Flags = { failOnRegression?: boolean; tolerance: number; format: 'text' | 'markdown'; set?: string[] };

function tolerance(value: string): number {
  const n = Number(value.replace(/%$/, '')) / (value.endsWith('%') ? 100 : 1);
  if (!Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError(`expected a fraction ≥ 0 such as 0.01 (or 1%), got '${value}'`);
  return n;
}

export function compareCommand(ctx: CommandContext): Command {
  const command = new Command('compare')
    .description(
      'compare two designs: availability, nines, downtime, outages, RPO/RTO per scenario, durability, backup storage; the delta of each and what got worse',
    )
    .argument('<base>', "the base model (YAML or JSON), or '-' for standard input")
    .argument('<candidate>', 'the candidate model (--set changes this one)')
    .option('--fail-on-regression', 'exit 1 when a gated figure got worse beyond --tolerance')
    .addOption(
      new Option(
        '--tolerance <x>',
        'relative worsening allowed on the unfavourable side before it counts as a regression: 0.01 (or 1%) lets unavailability, downtime, outages, RPO, RTO, loss probability or storage grow by 1%',
      )
        .default(0)
        .argParser(tolerance),
    )
    .addOption(
      new Option('--format <format>', 'stdout format (--json overrides it)')
        .choices(['text', 'markdown'])
        .default('text'),
    );
  withOverrideOptions(command, { fail: false });
  return command
    .addHelpText(
      'after',
      `
Exit codes: 0 compared (or no regression) · 1 a regression with --fail-on-regression · 2 bad input.

Examples:
  $ nines compare models/database-dr.yaml models/database-dr.yaml --set tiers.db.nodes=5
  $ git show main:models/db.yaml > /tmp/base.yaml && nines compare /tmp/base.yaml models/db.yaml --fail-on-regression
  $ nines compare base.yaml candidate.yaml --tolerance 1% --format markdown >> "$GITHUB_STEP_SUMMARY"`,
    )
    .action(async (baseFile: string, candidateFile: string, flags: Flags, cmd: Command) => {
      const o = output(ctx, cmd);
      if (baseFile === '-' && candidateFile === '-')
        throw ninesError('bad-argument', 'compare', "only one of the two models can be read from standard input ('-')");
      const overrides = setOverrides(flags.set);
      const base = await readModel(ctx.proc, baseFile);
      const candidate = await readModel(ctx.proc, candidateFile, overrides.edit);
      const problems = [invalid(o, base, []), invalid(o, candidate, overrides.applied())];
      if (!base.ok || !candidate.ok) {
        if (o.json)
          o.outJson({
            ...envelope('compare'),
            valid: false,
            problems: problems.flat(),
            overrides: overridesJson(flags.set, undefined),
          });
        ctx.exitCode = EXIT.input;
        return;
      }
      const baseAnalysis = analyzeModel(base.model);
      const candidateAnalysis = analyzeModel(candidate.model);
      const slo = await sloFor(base.model, baseAnalysis, candidate.model, candidateAnalysis);
      const result = compareAnalyses(baseAnalysis, candidateAnalysis, flags.tolerance, slo);
      const failOnRegression = flags.failOnRegression === true;
      const exitCode = failOnRegression && result.regressed ? EXIT.targetMissed : EXIT.ok;
      const view: CompareView = {
        baseName: base.model.name,
        baseFile: base.fileLabel,
        candidateName: candidate.model.name,
        candidateFile: candidate.fileLabel,
        failOnRegression,
        result,
      };
      if (o.json) {
        const info = (l: typeof base) => ({
          name: l.model.name,
          ...(l.model.description === undefined ? {} : { description: l.model.description }),
          file: l.fileLabel,
        });
        o.outJson({
          ...envelope('compare'),
          model: info(candidate),
          exitCode,
          compare: {
            base: info(base),
            candidate: info(candidate),
            tolerance: result.tolerance,
            failOnRegression,
            regressed: result.regressed,
            metrics: result.metrics,
          },
          overrides: overridesJson(flags.set, undefined),
        });
      } else {
        o.out(flags.format === 'markdown' ? renderCompareMarkdown(view) : renderCompare(view, o.style));
      }
      ctx.exitCode = exitCode;
    });
}

/**
 * The SLO rows: errorBudget when either model has an objective; budgetExhaustionProbability
 * (simulated, seeded) when either has an `slo` section or such a target.
 */
async function sloFor(
  base: Model,
  baseAnalysis: Analysis,
  candidate: Model,
  candidateAnalysis: Analysis,
): Promise<Parameters<typeof compareAnalyses>[3]> {
  if (resolveObjective(base) === undefined && resolveObjective(candidate) === undefined) return undefined;
  const wants = (m: Model): boolean =>
    m.slo !== undefined || m.targets.some((t) => t.metric === 'budgetExhaustionProbability');
  const exhaustion = wants(base) || wants(candidate);
  return {
    base: await sloGateFigures(base, baseAnalysis.availability, { exhaustion }),
    candidate: await sloGateFigures(candidate, candidateAnalysis.availability, { exhaustion }),
    exhaustion,
  };
}

/** Prints a side's problems (or warnings); returns its errors for the JSON document. */
function invalid(o: Output, loaded: Loaded, applied: readonly AppliedOverride[]): readonly Problem[] {
  printLoadProblems(o, loaded.fileLabel, loaded.ok ? loaded.warnings : loaded.problems, applied);
  return loaded.ok ? [] : loaded.problems;
}
