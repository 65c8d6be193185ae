/**
 * `nines compare <base> <candidate>`: two designs side by side, the delta of each figure and
 * what got worse; `--fail-on-regression` makes a regression beyond `--tolerance` exit 1.
 * Flags → the compare use case (app/compare.ts) → the format registry's renderers.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { helpText } from '../help-text.js';
import { compareFailureDocument, runCompare } from '../../app/compare.js';
import { ninesError } from '../../errors.js';
import { output, type CommandContext } from '../context.js';
import { emit, formatOutput, formatsHelp, withFormatOptions, type FormatFlags } from '../formats.js';
import { loadAllOrFail, type Source } from '../load-model.js';
import { setOverrides, withOverrideOptions } from '../overrides.js';

type Flags = FormatFlags & { failOnRegression?: boolean; tolerance: number; set?: string[] };
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
    );
  withFormatOptions(command, 'compare');
  withOverrideOptions(command, { fail: false });
  return command
    .addHelpText(
      'after',
      helpText(`
${formatsHelp('compare')}

Exit codes: 0 compared (or no regression) · 1 a regression with --fail-on-regression · 2 bad input.

Examples:
  $ nines compare models/database-dr.yaml models/database-dr.yaml --set tiers.db.nodes=5
  $ git show main:models/db.yaml > /tmp/base.yaml && nines compare /tmp/base.yaml models/db.yaml --fail-on-regression
  $ nines compare base.yaml candidate.yaml --tolerance 1% --format markdown >> "$GITHUB_STEP_SUMMARY"
  $ nines compare models/database-dr.yaml models/database-dr.yaml --set tiers.db.nodes=1 --report markdown=compare.md`),
    )
    .action(async (baseFile: string, candidateFile: string, flags: Flags, cmd: Command) => {
      const o = formatOutput(ctx, output(ctx, cmd), flags);
      if (baseFile === '-' && candidateFile === '-')
        throw ninesError('bad-argument', 'compare', "only one of the two models can be read from standard input ('-')");
      const sources = await loadAllOrFail(
        ctx,
        o,
        [{ file: baseFile }, { file: candidateFile, overrides: setOverrides(flags.set) }],
        (problems) => compareFailureDocument(problems, flags),
      );
      if (sources === undefined) return;
      const [base, candidate] = sources as [Source, Source];
      const outcome = await runCompare(base, candidate, flags);
      await emit(ctx, o, 'compare', flags, outcome);
      ctx.exitCode = outcome.exitCode;
    });
}
