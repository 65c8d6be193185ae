import { Command, InvalidArgumentError, Option } from 'commander';
import { helpText } from '../help-text.js';
import { runPlan } from '../../app/plan.js';
import { EXIT } from '../../errors.js';
import { invalidDocument } from '../../report/json/envelope.js';
import { SECONDS_PER_MONTH } from '../../units/conventions.js';
import { parseQuantity } from '../../units/quantity.js';
import { output, type CommandContext } from '../context.js';
import { emit, formatOutput, formatsHelp, withFormatOptions, type FormatFlags } from '../formats.js';
import { loadOrFail } from '../load-model.js';
import { positiveNumber } from '../options.js';
import { setOverrides, withOverrideOptions } from '../overrides.js';

type PlanFlags = FormatFlags & { years: number; step: number; set?: string[] };

/** `--step month`, `--step '2 week'`: a duration (a bare unit means one of it). */
function stepDuration(value: string): number {
  const bare = value.trim();
  const text = bare === 'quarter' ? '90 d' : /^[A-Za-z]+$/.test(bare) ? `1 ${bare}` : value;
  const parsed = parseQuantity(text, 'duration');
  if (!parsed.ok || !(parsed.value >= 86_400))
    throw new InvalidArgumentError(
      `expected a duration of at least a day, e.g. month, week or '3 month'; got '${value}'`,
    );
  return parsed.value;
}

export function planCommand(ctx: CommandContext): Command {
  const command = new Command('plan')
    .description(
      'capacity over time: runway of each tier and storage location under growth, nodes to add by when, hot spares, training goodput',
    )
    .argument('<file>', "model file (YAML or JSON), or '-' for standard input")
    .addOption(new Option('--years <n>', 'planning horizon in years').default(3).argParser(positiveNumber))
    .addOption(
      new Option('--step <duration>', 'timeline step: month, week, quarter, or a duration like "2 month"')
        .default(SECONDS_PER_MONTH, 'month')
        .argParser(stepDuration),
    );
  withFormatOptions(command, 'plan');
  return withOverrideOptions(
    command.addHelpText(
      'after',
      helpText(`
Demand grows per tier with capacity.growth (compound, like data.yearlyGrowth); the data and its
backups grow with data.yearlyGrowth. A runway is when a limit first breaks with what the model
has: demand (nodes × perNode), N+1 (nodes left after losing the tier's largest zone, or one
node), an availability target, a backup location's capacity, the data tier's capacity.
Conventions: month = 30 d, year = 365 d.

${formatsHelp('plan')}

Exit codes: 0 planned, 2 invalid model or usage.

Examples:
  $ nines plan models/inference-3az.yaml
  $ nines plan models/inference-3az.yaml --years 5 --step quarter
  $ nines plan models/training-16k-gpu.yaml
  $ nines plan models/inference-3az.yaml --json | jq '.runway[] | select(.breaksAtSeconds != null)'`),
    ),
    { fail: false },
  ).action(async (file: string, flags: PlanFlags, cmd: Command) => {
    const o = formatOutput(ctx, output(ctx, cmd), flags);
    const source = await loadOrFail(ctx, o, file, setOverrides(flags.set), (problems) =>
      invalidDocument('plan', problems),
    );
    if (source === undefined) return;
    await emit(ctx, o, 'plan', flags, runPlan(source, { ...flags, stepSeconds: flags.step }));
    ctx.exitCode = EXIT.ok;
  });
}
