import { Command } from 'commander';
import { analyzeModel } from '../../analytic/analyze-model.js';
import { explain } from '../../app/explain/index.js';
import { EXIT, ninesError } from '../../errors.js';
import { modelInfo } from '../../report/json/analysis.js';
import { envelope } from '../../report/json/envelope.js';
import { renderExplanations } from '../../report/text/explain.js';
import { output, type CommandContext } from '../context.js';
import { readModelDocument } from '../load-model.js';
import { drillFor, overridesJson, printLoadProblems, setOverrides, withOverrideOptions } from '../overrides.js';

type ExplainOptions = { set?: string[]; fail?: string[] };

export function explainCommand(ctx: CommandContext): Command {
  return withOverrideOptions(
    new Command('explain')
      .description(
        'the derivation of figures: formula, every input with its file:line:col (or default), intermediate values, the value analyze prints',
      )
      .argument('<file>', "model file (YAML or JSON), or '-' for standard input")
      .argument(
        '[figure...]',
        'figures, e.g. service.availability (or service.nines, .downtimePerYear, .outagesPerYear, .meanOutage, …), tiers.db.availability, zones.az-a.availability, rpo[region], rto[corruption], dataAtRisk[zone], durability, backupStorage, or the jq path of any number of analyze --json, e.g. .components.zones[0].mtbfSeconds (default: the headline figures)',
      )
      .addHelpText(
        'after',
        `
Exit codes: 0 explained, 2 invalid model, unknown figure or usage.

Examples:
  $ nines explain models/database-dr.yaml
  $ nines explain models/database-dr.yaml 'rto[region]' durability
  $ nines explain models/database-dr.yaml service.availability --set tiers.db.nodes=5
  $ nines explain models/database-dr.yaml 'rpo[zone]' --fail az-a
  $ nines explain models/database-dr.yaml .dataProtection.backups[0].worstRestoreSeconds .cost.perMonth
  $ nines explain models/inference-3az.yaml --json | jq '.explanations[0].steps[].label'`,
      )
      .action(async (file: string, figures: string[], options: ExplainOptions, command: Command) => {
        const o = output(ctx, command);
        const overrides = setOverrides(options.set);
        const loaded = await readModelDocument(ctx.proc, file, overrides.edit);
        if (!loaded.ok) {
          printLoadProblems(o, loaded.fileLabel, loaded.problems, overrides.applied());
          if (o.json) o.outJson({ ...envelope('explain'), valid: false, problems: loaded.problems });
          ctx.exitCode = EXIT.input;
          return;
        }
        printLoadProblems(o, loaded.fileLabel, loaded.warnings, overrides.applied());
        const drill = drillFor(loaded.document.model, options.fail);
        const model = drill?.model ?? loaded.document.model;
        const analysis = analyzeModel(model, { cutSets: true });
        const result = explain(
          {
            document: { ...loaded.document, model },
            file: loaded.fileLabel,
            applied: overrides.applied(),
            failed: options.fail ?? [],
          },
          analysis,
          figures,
        );
        if (!result.ok) throw ninesError('bad-figure', result.message);
        if (o.json) {
          o.outJson({
            ...envelope('explain'),
            model: modelInfo(model, loaded.fileLabel),
            explanations: result.explanations,
            overrides: overridesJson(options.set, options.fail),
          });
        } else {
          o.out(renderExplanations(result.explanations, o.style, o.style.width));
        }
        ctx.exitCode = EXIT.ok;
      }),
  );
}
