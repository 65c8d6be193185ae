/**
 * `nines slo <file|->`: error budgets per window, their allocation over the design, the
 * probability that a window exhausts its budget, burn-rate alerts; exports the alerts as
 * Prometheus rules.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { helpText } from '../help-text.js';
import { runSlo, sloFailureDocument } from '../../app/slo-run.js';
import { EXIT } from '../../errors.js';
import { DEFAULT_SEED, DEFAULT_TIMELINE_TRIALS } from '../../simulate/index.js';
import { parseFraction } from '../../units/fraction.js';
import { parseSloWindow, type SloWindow } from '../../units/slo-window.js';
import { output, type CommandContext } from '../context.js';
import { emit, formatOutput, formatsHelp, withFormatOptions, type FormatFlags } from '../formats.js';
import { loadOrFail } from '../load-model.js';
import { positiveInteger } from '../options.js';
import { setOverrides, withOverrideOptions } from '../overrides.js';

type Flags = FormatFlags & {
  window?: SloWindow;
  objective?: { value: number; complement: number };
  seed: number;
  trials: number;
  simulate: boolean;
  set?: string[];
};

function windowOption(value: string): SloWindow {
  const parsed = parseSloWindow(value);
  if (!parsed.ok) throw new InvalidArgumentError(parsed.message);
  return parsed.value;
}

function objectiveOption(value: string): { value: number; complement: number } {
  const parsed = parseFraction(value, true);
  if (!parsed.ok) throw new InvalidArgumentError(parsed.message);
  if (!(parsed.complement > 0))
    throw new InvalidArgumentError('an objective of 100% leaves no error budget (try 99.99%)');
  if (!(parsed.value > 0))
    throw new InvalidArgumentError('an objective of 0% allows everything to fail; expected e.g. 99.9%');
  return { value: parsed.value, complement: parsed.complement };
}

function seedOption(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number ≥ 0, got '${value}'`);
  return n;
}

export function sloCommand(ctx: CommandContext): Command {
  const command = new Command('slo')
    .description(
      'error budgets per window, their allocation over the design, the chance a window exhausts its budget, burn-rate alerts and Prometheus rules',
    )
    .argument('<file>', "model file (YAML or JSON), or '-' for standard input")
    .addOption(
      new Option(
        '--window <window>',
        'SLO window: 28d, 30d (rolling, whole days), month (calendar, 28–31 d) or quarter (90–92 d); default slo.window or 30d',
      ).argParser(windowOption),
    )
    .addOption(
      new Option(
        '--objective <objective>',
        "objective, e.g. 99.9% or '3 nines'; default slo.objective, else the availability target",
      ).argParser(objectiveOption),
    );
  withFormatOptions(command, 'slo')
    .addOption(
      new Option('--seed <n>', 'random seed of the budget-exhaustion simulation')
        .default(DEFAULT_SEED)
        .argParser(seedOption),
    )
    .addOption(
      new Option('--trials <n>', 'simulated windows per window length')
        .default(DEFAULT_TIMELINE_TRIALS)
        .argParser(positiveInteger),
    )
    .option('--no-simulate', 'skip the budget-exhaustion simulation');
  withOverrideOptions(command, { fail: false });
  return command
    .addHelpText(
      'after',
      helpText(`
Budget = (1 − objective) × window. A burn rate b spends it in window / b. Alerts
after the SRE workbook (ch. 5): page at 2% of the budget in 1 h (b = 14.4 for
30 d) or 5% in 6 h (b = 6), ticket at 10% in 3 d (b = 1), each also over a short
window of 1/12; an alert can fire only if b ≤ 1 / (1 − objective). Burn rates
and thresholds are exact decimals.

${formatsHelp('slo')}

Examples:
  $ nines slo models/api-slo.yaml
  $ nines slo models/api-slo.yaml --window 28d --objective 99.5%
  $ nines slo models/api-slo.yaml --window month --no-simulate
  $ nines slo models/api-slo.yaml --format prometheus > slo-rules.yaml
  $ nines slo models/api-slo.yaml --format openslo > api-slo.openslo.yaml
  $ nines slo models/api-slo.yaml --json | jq '.slo.alerts[].burnRate'`),
    )
    .action(async (file: string, flags: Flags, cmd: Command) => {
      const o = formatOutput(ctx, output(ctx, cmd), flags);
      const source = await loadOrFail(ctx, o, file, setOverrides(flags.set), (p) => sloFailureDocument(p, flags.set));
      if (source === undefined) return;
      // The exports do not show the exhaustion simulation: it runs when the text or JSON does.
      const shown = [flags.format, ...(flags.report ?? []).map((r) => r.format)];
      const simulate = flags.simulate && (o.json || shown.includes('text') || shown.includes('json'));
      const outcome = await runSlo(source, { ...flags, simulate });
      if (!o.quiet) for (const w of outcome.view.figures.warnings) o.err(`nines: warning: ${w.message}\n`);
      await emit(ctx, o, 'slo', flags, outcome);
      ctx.exitCode = EXIT.ok;
    });
}
