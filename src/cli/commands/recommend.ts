import { Command, Option } from 'commander';
import { helpText } from '../help-text.js';
import { runRecommend } from '../../app/recommend/run.js';
import { EXIT } from '../../errors.js';
import { invalidDocument } from '../../report/json/envelope.js';
import { output, type CommandContext } from '../context.js';
import { emit, formatOutput, formatsHelp, withFormatOptions, type FormatFlags } from '../formats.js';
import { loadOrFail } from '../load-model.js';
import { collect, setOverrides, targetFlags, withOverrideOptions } from '../overrides.js';

type Flags = FormatFlags & { set?: string[]; fail?: string[]; target?: string[] };

export function recommendCommand(ctx: CommandContext): Command {
  const command = new Command('recommend')
    .description(
      'ranked single changes that meet the missed targets (or raise availability), each verified by re-running the engine, with the --set to paste',
    )
    .argument('<file>', "model file (YAML or JSON), or '-' for standard input")
    .addOption(
      new Option('--target <target>', "a target as in nines check, e.g. 'availability>=99.99%' (repeatable)").argParser(
        collect,
      ),
    );
  withFormatOptions(command, 'recommend');
  withOverrideOptions(command);
  return command
    .addHelpText(
      'after',
      helpText(`
${formatsHelp('recommend')}

Exit codes: 0 recommendations printed (also when none is found), 2 invalid model or usage.

Examples:
  $ nines recommend models/database-dr.yaml --target 'availability>=99.99%'
  $ nines recommend models/database-dr.yaml --target 'rto[region]<=20 minute'
  $ nines recommend models/database-dr.yaml --set 'data.copies.dr-replica.lag=5 min'
  $ nines recommend models/minimal.yaml
  $ nines recommend models/database-dr.yaml --set 'data.copies=[]' --json | jq '.recommendations[0].argument'`),
    )
    .action(async (file: string, flags: Flags, cmd: Command) => {
      const o = formatOutput(ctx, output(ctx, cmd), flags);
      targetFlags(flags.target); // a bad --target is a usage error before the file is read
      const source = await loadOrFail(ctx, o, file, setOverrides(flags.set), (problems) =>
        invalidDocument('recommend', problems),
      );
      if (source === undefined) return;
      await emit(ctx, o, 'recommend', flags, runRecommend(source, { ...flags, targets: flags.target }));
      ctx.exitCode = EXIT.ok;
    });
}
