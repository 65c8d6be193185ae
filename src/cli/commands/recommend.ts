import { Command, Option } from 'commander';
import { recommend } from '../../app/recommend/index.js';
import { EXIT } from '../../errors.js';
import { modelInfo } from '../../report/json/analysis.js';
import { envelope } from '../../report/json/envelope.js';
import { renderRecommendations } from '../../report/text/recommend.js';
import { output, type CommandContext } from '../context.js';
import { readModelDocument } from '../load-model.js';
import {
  collect,
  drillFor,
  overridesJson,
  printLoadProblems,
  setOverrides,
  targetFlags,
  withOverrideOptions,
} from '../overrides.js';

type Flags = { set?: string[]; fail?: string[]; target?: string[] };

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
  withOverrideOptions(command);
  return command
    .addHelpText(
      'after',
      `
Exit codes: 0 recommendations printed (also when none is found), 2 invalid model or usage.

Examples:
  $ nines recommend models/database-dr.yaml --target 'availability>=99.99%'
  $ nines recommend models/database-dr.yaml --target 'rto[region]<=20 minute'
  $ nines recommend models/database-dr.yaml --set 'data.copies.dr-replica.lag=5 minute'
  $ nines recommend models/minimal.yaml
  $ nines recommend models/database-dr.yaml --set 'data.copies=[]' --json | jq '.recommendations[0].argument'`,
    )
    .action(async (file: string, flags: Flags, cmd: Command) => {
      const o = output(ctx, cmd);
      const targets = targetFlags(flags.target);
      const overrides = setOverrides(flags.set);
      const loaded = await readModelDocument(ctx.proc, file, overrides.edit);
      if (!loaded.ok) {
        printLoadProblems(o, loaded.fileLabel, loaded.problems, overrides.applied());
        if (o.json) o.outJson({ ...envelope('recommend'), valid: false, problems: loaded.problems });
        ctx.exitCode = EXIT.input;
        return;
      }
      printLoadProblems(o, loaded.fileLabel, loaded.warnings, overrides.applied());
      drillFor(loaded.document.model, flags.fail); // validates the --fail names (exit 2 on a bad one)
      const result = recommend({
        text: loaded.text,
        file: loaded.fileLabel,
        set: flags.set ?? [],
        targets,
        fail: flags.fail ?? [],
      });
      if (result === undefined) throw new Error('the model that validated did not validate again');
      if (o.json)
        o.outJson({
          ...envelope('recommend'),
          model: modelInfo(loaded.document.model, loaded.fileLabel),
          ...result,
          overrides: overridesJson(flags.set, flags.fail),
        });
      else o.out(renderRecommendations(result, o.style));
      ctx.exitCode = EXIT.ok;
    });
}
