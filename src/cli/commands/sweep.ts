/**
 * `nines sweep <file> --vary PATH=RANGE …`: the figures over a range or grid of inputs, with
 * the targets' verdict at every point; a table, a line chart, CSV, Markdown or JSON.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { helpText } from '../help-text.js';
import { runSweepOutcome, sweepFailureDocument } from '../../app/sweep/run.js';
import { EXIT } from '../../errors.js';
import { FIGURES, type FigureId } from '../../report/sweep/view.js';
import { suggest } from '../../lib/suggest.js';
import { output, type CommandContext } from '../context.js';
import { emit, formatOutput, formatsHelp, withFormatOptions, type FormatFlags } from '../formats.js';
import { positiveInteger } from '../options.js';
import { loadVariation, pointProgress, withVaryOptions, type VaryFlags } from '../variation.js';

type Flags = VaryFlags & FormatFlags & { plot?: FigureId; maxPoints: number };

function figure(value: string): FigureId {
  const ids = FIGURES.map((f) => f.id);
  const id = ids.find((f) => f === value);
  if (id === undefined) {
    const hint = suggest(value, ids);
    throw new InvalidArgumentError(
      `unknown figure '${value}'${hint ? ` (did you mean '${hint}'?)` : ''}; figures: ${ids.join(', ')}`,
    );
  }
  return id;
}

const HELP = `
RANGE: 1..7 · 1..7:2 (a step) · 3,5,7 (a list) · '1 h..8 h:1 h' (quantities; the step defaults
to 1 of the first end's unit) · 99%..99.9%:0.1% · with --log, 99%..99.99% (points per decade).
The model is read and validated once, each --vary value checked against it once; every point
is the model with those values set, normalised again (no file is re-read).

${formatsHelp('sweep')}

Exit codes: 0 swept (whatever the targets say) · 2 bad input or usage.

Examples:
  $ nines sweep models/inference-3az.yaml --vary tiers.inference.nodes=8..16
  $ nines sweep models/inference-3az.yaml --vary tiers.inference.nodes=8..16 --plot availability
  $ nines sweep models/database-dr.yaml --vary tiers.db.nodes=1..5 --vary 'recovery.detection=5 minute,15 minute'
  $ nines sweep models/database-dr.yaml --vary 'data.backups.nightly.every=1 h..8 h:1 h' --format csv
  $ nines sweep models/minimal.yaml --vary 'tiers.web.failure.availability=99%..99.99%' --log --json | jq '.sweep.points[].figures.nines'`;

export function sweepCommand(ctx: CommandContext): Command {
  const command = new Command('sweep')
    .description(
      'figures over a range or grid of inputs: availability, downtime, outages, RPO/RTO, durability, backup storage, cost, and the targets at every point',
    )
    .argument('<file>', "model file (YAML or JSON), or '-' for standard input");
  withVaryOptions(command);
  return withFormatOptions(command, 'sweep')
    .addOption(
      new Option(
        '--plot <figure>',
        `with text: a line chart of this figure against the first axis (one line per value of the second), e.g. availability, costPerMonth, rpo[region]`,
      ).argParser(figure),
    )
    .addOption(
      new Option('--max-points <n>', 'refuse a grid larger than this').default(100_000).argParser(positiveInteger),
    )
    .addHelpText('after', helpText(HELP))
    .action(async (file: string, flags: Flags, cmd: Command) => {
      const o = formatOutput(ctx, output(ctx, cmd), flags);
      const loaded = await loadVariation(ctx.proc, o, file, flags);
      if ('problems' in loaded) {
        if (o.json) o.outJson(sweepFailureDocument(loaded.problems, flags.set));
        ctx.exitCode = EXIT.input;
        return;
      }
      const bar = pointProgress(ctx.proc, o.quiet);
      const outcome = (() => {
        try {
          return runSweepOutcome(loaded, { ...flags, progress: bar.update });
        } finally {
          bar.done();
        }
      })();
      await emit(ctx, o, 'sweep', flags, outcome);
      ctx.exitCode = EXIT.ok;
    });
}
