/**
 * `nines design <file> --vary PATH=RANGE …`: the cheapest designs in the space of the axes
 * that meet every target, the Pareto frontier of cost against availability (and RPO), the best
 * design as `--set` arguments and, with `--write-model`, as a patched copy of the model file.
 */
import { Command, Option } from 'commander';
import { helpText } from '../help-text.js';
import { designFailureDocument, runDesign } from '../../app/design/run.js';
import type { SearchMode } from '../../app/design/search.js';
import { EXIT } from '../../errors.js';
import { renderDesign } from '../../report/text/design.js';
import { output, type CommandContext } from '../context.js';
import { writeResultFile } from '../write-file.js';
import { positiveInteger } from '../options.js';
import { loadVariation, pointProgress, withVaryOptions, type VaryFlags } from '../variation.js';

type Flags = VaryFlags & { search: SearchMode; top: number; writeModel?: string };

export function designCommand(ctx: CommandContext): Command {
  const command = new Command('design')
    .description(
      'cheapest designs that meet every target over the --vary axes, and the Pareto frontier of cost against availability (and RPO)',
    )
    .argument('<file>', "model file with costs and targets (YAML or JSON), or '-' for standard input");
  withVaryOptions(command);
  return command
    .addOption(
      new Option(
        '--search <mode>',
        `auto: exhaustive up to 100,000 points, else pruned; pruned: bisect along the longest axis, assuming the targets and the cost monotone along it`,
      )
        .choices(['auto', 'exhaustive', 'pruned'])
        .default('auto'),
    )
    .addOption(new Option('--top <n>', 'cheapest passing designs listed').default(5).argParser(positiveInteger))
    .option('--write-model <path>', 'write the model with the best design applied (comments kept) to this file')
    .addHelpText(
      'after',
      helpText(`
Designs are ranked by cost per month (ties: higher availability); a design passes when it meets
every target of the model and of --target, warn level included.

Exit codes: 0 a design meets every target · 1 none does · 2 bad input or usage.

Examples:
  $ nines design models/database-dr.yaml --vary tiers.db.nodes=1..7 --vary 'data.copies.dr-replica.lag=10 s,30 s,2 minute'
  $ nines design models/inference-3az.yaml --vary tiers.inference.nodes=8..16 --vary tiers.model-cache.nodes=1..3 --target 'availability>=99.99%'
  $ nines design models/database-dr.yaml --vary tiers.db.nodes=1..7 --write-model /tmp/best.yaml && nines check /tmp/best.yaml
  $ nines design models/database-dr.yaml --vary tiers.db.nodes=1..7 --json | jq -r '.design.bestSet[]'`),
    )
    .action(async (file: string, flags: Flags, cmd: Command) => {
      const o = output(ctx, cmd);
      const loaded = await loadVariation(ctx.proc, o, file, flags);
      if ('problems' in loaded) {
        if (o.json) o.outJson(designFailureDocument(loaded.problems, flags.set));
        ctx.exitCode = EXIT.input;
        return;
      }
      const bar = pointProgress(ctx.proc, o.quiet);
      const outcome = (() => {
        try {
          return runDesign(loaded, { ...flags, progress: bar.update });
        } finally {
          bar.done();
        }
      })();
      if (flags.writeModel !== undefined && outcome.patched !== undefined)
        await writeResultFile(ctx.proc.cwd(), flags.writeModel, outcome.patched);
      if (o.json) o.outJson(outcome.document);
      else {
        o.out(renderDesign(outcome.view, o.style, o.style.width));
        if (flags.writeModel !== undefined)
          o.err(
            outcome.patched === undefined
              ? `nines: no design meets the targets; ${flags.writeModel} not written\n`
              : `nines: wrote the best design to ${flags.writeModel}\n`,
          );
      }
      ctx.exitCode = outcome.exitCode;
    });
}
