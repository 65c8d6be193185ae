/**
 * `nines slo <file|->`: error budgets per window, their allocation over the design, the
 * probability that a window exhausts its budget, burn-rate alerts; exports the alerts as
 * Prometheus rules.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { resolveObjective, sloReport } from '../../app/slo.js';
import { EXIT, ninesError } from '../../errors.js';
import { renderOpenSlo } from '../../report/export/openslo.js';
import { renderPrometheusRules } from '../../report/export/prometheus.js';
import { renderSlothSpec } from '../../report/export/sloth.js';
import { modelInfo } from '../../report/json/analysis.js';
import { envelope } from '../../report/json/envelope.js';
import { renderSlo } from '../../report/text/slo.js';
import { DEFAULT_SEED, DEFAULT_TIMELINE_TRIALS } from '../../simulate/index.js';
import { parseFraction } from '../../units/fraction.js';
import { parseSloWindow, type SloWindow } from '../../units/slo-window.js';
import { output, type CommandContext } from '../context.js';
import { readModel } from '../load-model.js';
import { positiveInteger } from '../options.js';
import { overridesJson, printLoadProblems, setOverrides, withOverrideOptions } from '../overrides.js';

type Format = 'text' | 'prometheus' | 'sloth' | 'openslo';

type Flags = {
  window?: SloWindow;
  objective?: { value: number; complement: number };
  format: Format;
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
    )
    .addOption(
      new Option(
        '--format <format>',
        'stdout format: text; prometheus (recording and alerting rules), sloth (a Sloth prometheus/v1 spec) or openslo (an OpenSLO v1 SLO); --json overrides it',
      )
        .choices(['text', 'prometheus', 'sloth', 'openslo'])
        .default('text'),
    )
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
      `
Budget = (1 − objective) × window. A burn rate b spends it in window / b. Alerts
after the SRE workbook (ch. 5): page at 2% of the budget in 1 h (b = 14.4 for
30 d) or 5% in 6 h (b = 6), ticket at 10% in 3 d (b = 1), each also over a short
window of 1/12; an alert can fire only if b ≤ 1 / (1 − objective). Burn rates
and thresholds are exact decimals.

Examples:
  $ nines slo models/api-slo.yaml
  $ nines slo models/api-slo.yaml --window 28d --objective 99.5%
  $ nines slo models/api-slo.yaml --window month --no-simulate
  $ nines slo models/api-slo.yaml --format prometheus > slo-rules.yaml
  $ nines slo models/api-slo.yaml --format openslo > api-slo.openslo.yaml
  $ nines slo models/api-slo.yaml --json | jq '.slo.alerts[].burnRate'`,
    )
    .action(async (file: string, flags: Flags, cmd: Command) => {
      const o = output(ctx, cmd);
      const overrides = setOverrides(flags.set);
      const loaded = await readModel(ctx.proc, file, overrides.edit);
      if (!loaded.ok) {
        printLoadProblems(o, loaded.fileLabel, loaded.problems, overrides.applied());
        if (o.json)
          o.outJson({
            ...envelope('slo'),
            valid: false,
            problems: loaded.problems,
            overrides: overridesJson(flags.set, undefined),
          });
        ctx.exitCode = EXIT.input;
        return;
      }
      printLoadProblems(o, loaded.fileLabel, loaded.warnings, overrides.applied());
      const { model } = loaded;
      const objective = resolveObjective(model, flags.objective);
      if (objective === undefined) {
        throw ninesError(
          'bad-argument',
          `${loaded.fileLabel}: no SLO objective`,
          "add slo.objective (e.g. 'slo: {objective: 99.9%}') or a targets.availability to the model, or pass --objective 99.9%",
        );
      }
      if (!(objective.unavailability > 0)) {
        const at = objective.position === undefined ? '' : `:${objective.position.line}:${objective.position.col}`;
        throw ninesError(
          'bad-argument',
          `${loaded.fileLabel}${at}: objective ${objective.source}`,
          'an objective of 100% leaves no error budget; pass --objective, e.g. 99.99%',
        );
      }
      const simulate = (flags.simulate && flags.format === 'text') || (flags.simulate && o.json);
      const { figures, exhaustion } = await sloReport(model, objective, {
        ...(flags.window === undefined ? {} : { window: flags.window }),
        seed: flags.seed,
        trials: flags.trials,
        simulate,
      });
      if (!o.quiet) for (const w of figures.warnings) o.err(`nines: warning: ${w.message}\n`);
      if (o.json) {
        o.outJson({
          ...envelope('slo'),
          model: modelInfo(model, loaded.fileLabel),
          slo: { ...figures, exhaustion },
          overrides: overridesJson(flags.set, undefined),
        });
      } else if (flags.format === 'prometheus') {
        o.out(renderPrometheusRules(model.name, model.slo, figures));
      } else if (flags.format === 'sloth') {
        o.out(renderSlothSpec(model.name, model.slo, figures));
      } else if (flags.format === 'openslo') {
        o.out(renderOpenSlo(model.name, model.slo, figures));
      } else {
        o.out(renderSlo(model.name, figures, exhaustion, o.style, o.style.width));
      }
      ctx.exitCode = EXIT.ok;
    });
}
