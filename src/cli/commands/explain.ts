import { Command } from 'commander';
import { helpText } from '../help-text.js';
import { runExplain } from '../../app/explain/run.js';
import { EXIT } from '../../errors.js';
import { invalidDocument } from '../../report/json/envelope.js';
import { output, type CommandContext } from '../context.js';
import { emit, formatOutput, formatsHelp, withFormatOptions, type FormatFlags } from '../formats.js';
import { loadOrFail } from '../load-model.js';
import { setOverrides, withOverrideOptions } from '../overrides.js';

type ExplainFlags = FormatFlags & { set?: string[]; fail?: string[] };

export function explainCommand(ctx: CommandContext): Command {
  const command = new Command('explain')
    .description(
      'the derivation of figures: formula, every input with its file:line:col (or default), intermediate values, the value analyze prints',
    )
    .argument('<file>', "model file (YAML or JSON), or '-' for standard input")
    .argument(
      '[figure...]',
      'figures, e.g. service.availability (or service.nines, .downtimePerYear, .outagesPerYear, .meanOutage, …), tiers.db.availability, zones.az-a.availability, rpo[region], rto[corruption], dataAtRisk[zone], durability, backupStorage, or the jq path of any number of analyze --json, e.g. .components.zones[0].mtbfSeconds (default: the headline figures)',
    );
  withFormatOptions(command, 'explain');
  return withOverrideOptions(
    command
      .addHelpText(
        'after',
        helpText(`
${formatsHelp('explain')}

Exit codes: 0 explained, 2 invalid model, unknown figure or usage.

Examples:
  $ nines explain models/database-dr.yaml
  $ nines explain models/database-dr.yaml 'rto[region]' durability
  $ nines explain models/database-dr.yaml service.availability --set tiers.db.nodes=5
  $ nines explain models/database-dr.yaml 'rpo[zone]' --fail az-a
  $ nines explain models/database-dr.yaml .dataProtection.backups[0].worstRestoreSeconds .cost.perMonth
  $ nines explain models/inference-3az.yaml --json | jq '.explanations[0].steps[].label'`),
      )
      .action(async (file: string, figures: string[], flags: ExplainFlags, command: Command) => {
        const o = formatOutput(ctx, output(ctx, command), flags);
        const source = await loadOrFail(ctx, o, file, setOverrides(flags.set), (problems) =>
          invalidDocument('explain', problems),
        );
        if (source === undefined) return;
        await emit(ctx, o, 'explain', flags, runExplain(source, { ...flags, figures }));
        ctx.exitCode = EXIT.ok;
      }),
  );
}
