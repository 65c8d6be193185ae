import { Command, Option } from 'commander';
import { helpText } from '../help-text.js';
import { analyzeFailureDocument, runAnalyze } from '../../app/analyze.js';
import { EXIT } from '../../errors.js';
import { DEFAULT_CUT_SETS } from '../../report/json/analysis.js';
import { renderAvailabilityWarnings } from '../../report/text/availability.js';
import { output, type CommandContext } from '../context.js';
import { emit, formatOutput, formatsHelp, withFormatOptions, type FormatFlags } from '../formats.js';
import { loadOrFail } from '../load-model.js';
import { positiveInteger, positiveNumber } from '../options.js';
import { setOverrides, withOverrideOptions } from '../overrides.js';

type AnalyzeFlags = FormatFlags & {
  years?: number;
  cutSets?: number;
  sensitivity?: boolean;
  set?: string[];
  fail?: string[];
};

export function analyzeCommand(ctx: CommandContext): Command {
  const command = new Command('analyze')
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
        // Commander passes a preset through the parser, which takes text.
        .preset(String(DEFAULT_CUT_SETS)),
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
    );
  withFormatOptions(command, 'analyze');
  return withOverrideOptions(
    command
      .addHelpText(
        'after',
        helpText(`
${formatsHelp('analyze')}

Exit codes: 0 analysed, 2 invalid model or usage.

Examples:
  $ nines analyze models/inference-3az.yaml
  $ nines analyze models/database-dr.yaml --years 5
  $ nines analyze models/inference-3az.yaml --cut-sets 5    # the 5 likeliest ways the service goes down
  $ nines analyze models/database-dr.yaml --sensitivity      # which input moves the unavailability most
  $ nines analyze models/database-dr.yaml --json | jq '.service.nines'
  $ nines analyze models/database-dr.yaml --report json=analysis.json   # text on stdout, the JSON document in a file
  $ nines analyze models/database-dr.yaml --set tiers.db.nodes=5 --set 'data.backups.nightly.every=4 h'
  $ nines analyze models/database-dr.yaml --fail az-a          # drill: zone az-a down
  $ nines analyze models/inference-3az.yaml --fail az-a --fail 'inference[0]'   # a zone and one more GPU node`),
      )
      .action(async (file: string, flags: AnalyzeFlags, command: Command) => {
        const o = formatOutput(ctx, output(ctx, command), flags);
        const source = await loadOrFail(ctx, o, file, setOverrides(flags.set), analyzeFailureDocument);
        if (source === undefined) return;
        const outcome = runAnalyze(source, flags);
        await emit(ctx, o, 'analyze', flags, outcome);
        // Warnings go to stderr (in --json runs too: the document holds them as warnings[]); -q silences them.
        if (!o.quiet) o.err(renderAvailabilityWarnings(outcome.view.analysis.availability, o.errStyle));
        ctx.exitCode = EXIT.ok;
      }),
  );
}
