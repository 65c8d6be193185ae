import { Command, Option } from 'commander';
import { analyzeModel } from '../../analytic/analyze-model.js';
import { EXIT } from '../../errors.js';
import { analyzeDocument } from '../../report/json/documents.js';
import { DEFAULT_CUT_SETS } from '../../report/json/analysis.js';
import { envelope } from '../../report/json/envelope.js';
import { renderAvailability, renderAvailabilityWarnings } from '../../report/text/availability.js';
import { renderDataProtection } from '../../report/text/data-protection.js';
import { renderCost } from '../../report/text/cost.js';
import { output, type CommandContext } from '../context.js';
import { readModelDocument } from '../load-model.js';
import { sensitivity } from '../../app/sensitivity/index.js';
import { renderSensitivity } from '../../report/text/sensitivity.js';
import { drillFor, overridesJson, printLoadProblems, setOverrides, withOverrideOptions } from '../overrides.js';
import { renderDrill } from '../../report/text/drill.js';
import { positiveInteger, positiveNumber } from '../options.js';
import { wrap } from '../../report/wrap.js';

type AnalyzeOptions = { years?: number; cutSets?: number; sensitivity?: boolean; set?: string[]; fail?: string[] };

export function analyzeCommand(ctx: CommandContext): Command {
  return withOverrideOptions(
    new Command('analyze')
      .description(
        'analytic report: availability of tiers and service, outages, risks; RPO/RTO, backup storage, durability; cost',
      )
      .argument('<file>', "model file (YAML or JSON), or '-' for standard input")
      .addOption(
        new Option(
          '--cut-sets [n]',
          `list the n most probable minimal cut sets of the service (default ${DEFAULT_CUT_SETS}; the JSON lists ${DEFAULT_CUT_SETS} without it)`,
        )
          .argParser(positiveInteger)
          .preset(DEFAULT_CUT_SETS),
      )
      .option(
        '--sensitivity',
        'elasticity of the service unavailability (and of each missed target) to each numeric input, as a tornado chart',
      )
      .addOption(
        new Option(
          '--years <n>',
          'horizon of the backup-storage simulation in years (default: the model horizon, at least 1)',
        ).argParser(positiveNumber),
      )
      .addHelpText(
        'after',
        `
Exit codes: 0 analysed, 2 invalid model or usage.

Examples:
  $ nines analyze models/inference-3az.yaml
  $ nines analyze models/database-dr.yaml --years 5
  $ nines analyze models/inference-3az.yaml --cut-sets 5    # the 5 likeliest ways the service goes down
  $ nines analyze models/database-dr.yaml --sensitivity      # which input moves the unavailability most
  $ nines analyze models/database-dr.yaml --json | jq '.service.nines'
  $ nines analyze models/database-dr.yaml --set tiers.db.nodes=5 --set 'data.backups.nightly.every=4 h'
  $ nines analyze models/database-dr.yaml --fail az-a          # drill: zone az-a down
  $ nines analyze models/inference-3az.yaml --fail az-a --fail 'inference[0]'   # a zone and one more GPU node`,
      )
      .action(async (file: string, options: AnalyzeOptions, command: Command) => {
        const o = output(ctx, command);
        const overrides = setOverrides(options.set);
        const read = await readModelDocument(ctx.proc, file, overrides.edit);
        const loaded = read.ok ? { ...read, model: read.document.model } : read;
        if (!loaded.ok) {
          printLoadProblems(o, loaded.fileLabel, loaded.problems, overrides.applied());
          if (o.json) o.outJson({ ...envelope('analyze'), valid: false, problems: loaded.problems });
          ctx.exitCode = EXIT.input;
          return;
        }
        printLoadProblems(o, loaded.fileLabel, loaded.warnings, overrides.applied());
        const analysis = analyzeModel(loaded.model, { years: options.years, cutSets: true });
        const drill = drillFor(loaded.model, options.fail);
        const elasticities =
          options.sensitivity === true
            ? sensitivity({ text: loaded.text, file: loaded.fileLabel, set: options.set ?? [], targets: [], fail: [] })
            : undefined;
        if (o.json) {
          o.outJson({
            ...analyzeDocument(loaded.model, loaded.fileLabel, analysis, overridesJson(options.set, options.fail), {
              cutSets: options.cutSets,
            }),
            ...(drill === undefined ? {} : { drill: drill.result }),
            ...(elasticities === undefined ? {} : { sensitivity: elasticities }),
          });
        } else {
          const { chalk } = o.style;
          const title = `${chalk.bold(loaded.model.name)}${loaded.model.description ? `\n${chalk.dim(wrap(loaded.model.description, '', o.style.width))}` : ''}`;
          const sections = [title, renderAvailability(analysis.availability, o.style, { cutSets: options.cutSets })];
          if (analysis.dataProtection) sections.push(renderDataProtection(analysis.dataProtection, o.style));
          if (analysis.cost) sections.push(renderCost(analysis.cost, o.style));
          if (elasticities !== undefined) sections.push(renderSensitivity(elasticities, o.style));
          if (drill !== undefined) sections.push(renderDrill(drill.result, o.style));
          o.out(`${sections.map((s) => s.trimEnd()).join('\n\n')}\n`);
        }
        // Warnings go to stderr (in --json runs too: the document holds them as warnings[]); -q silences them.
        if (!o.quiet) o.err(renderAvailabilityWarnings(analysis.availability, o.errStyle));
        ctx.exitCode = EXIT.ok;
      }),
  );
}
