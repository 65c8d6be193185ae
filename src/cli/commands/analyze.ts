import { Command, Option } from 'commander';
import { analyzeModel } from '../../analytic/analyze-model.js';
import { EXIT } from '../../errors.js';
import { analyzeDocument } from '../../report/json/documents.js';
import { envelope } from '../../report/json/envelope.js';
import { renderAvailability, renderAvailabilityWarnings } from '../../report/text/availability.js';
import { renderDataProtection } from '../../report/text/data-protection.js';
import { renderCost } from '../../report/text/cost.js';
import { output, type CommandContext } from '../context.js';
import { readModel } from '../load-model.js';
import { drillFor, overridesJson, printLoadProblems, setOverrides, withOverrideOptions } from '../overrides.js';
import { renderDrill } from '../../report/text/drill.js';
import { positiveNumber } from '../options.js';
import { wrap } from '../../report/wrap.js';

type AnalyzeOptions = { years?: number; set?: string[]; fail?: string[] };

export function analyzeCommand(ctx: CommandContext): Command {
  return withOverrideOptions(new Command('analyze')
    .description('analytic report: availability of tiers and service, outages, risks; RPO/RTO, backup storage, durability; cost')
    .argument('<file>', "model file (YAML or JSON), or '-' for standard input")
    .addOption(new Option('--years <n>', 'horizon of the backup-storage simulation in years (default: the model horizon, at least 1)').argParser(positiveNumber))
    .addHelpText('after', `
Exit codes: 0 analysed, 2 invalid model or usage.

Examples:
  $ nines analyze models/inference-3az.yaml
  $ nines analyze models/database-dr.yaml --years 5
  $ nines analyze models/database-dr.yaml --json | jq '.service.nines'
  $ nines analyze models/database-dr.yaml --set tiers.db.nodes=5 --set 'data.backups.nightly.every=4 h'
  $ nines analyze models/database-dr.yaml --fail az-a          # drill: zone az-a down
  $ nines analyze models/inference-3az.yaml --fail az-a --fail 'inference[0]'   # a zone and one more GPU node`)
    .action(async (file: string, options: AnalyzeOptions, command: Command) => {
      const o = output(ctx, command);
      const overrides = setOverrides(options.set);
      const loaded = await readModel(ctx.proc, file, overrides.edit);
      if (!loaded.ok) {
        printLoadProblems(o, loaded.fileLabel, loaded.problems, overrides.applied());
        if (o.json) o.outJson({ ...envelope('analyze'), valid: false, problems: loaded.problems });
        ctx.exitCode = EXIT.input;
        return;
      }
      printLoadProblems(o, loaded.fileLabel, loaded.warnings, overrides.applied());
      const analysis = analyzeModel(loaded.model, { years: options.years });
      const drill = drillFor(loaded.model, options.fail);
      if (o.json) {
        o.outJson({ ...analyzeDocument(loaded.model, loaded.fileLabel, analysis, overridesJson(options.set, options.fail)), ...(drill === undefined ? {} : { drill: drill.result }) });
      } else {
        const { chalk } = o.style;
        const title = `${chalk.bold(loaded.model.name)}${loaded.model.description ? `\n${chalk.dim(wrap(loaded.model.description, ''))}` : ''}`;
        const sections = [title, renderAvailability(analysis.availability, o.style)];
        if (analysis.dataProtection) sections.push(renderDataProtection(analysis.dataProtection, o.style));
        if (analysis.cost) sections.push(renderCost(analysis.cost, o.style));
        if (drill !== undefined) sections.push(renderDrill(drill.result, o.style));
        o.out(`${sections.map((s) => s.trimEnd()).join('\n\n')}\n`);
      }
      // Warnings go to stderr (in --json runs too: the document holds them as warnings[]); -q silences them.
      if (!o.quiet) o.err(renderAvailabilityWarnings(analysis.availability, o.errStyle));
      ctx.exitCode = EXIT.ok;
    }));
}
