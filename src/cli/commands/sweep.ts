/**
 * `nines sweep <file> --vary PATH=RANGE …`: the figures over a range or grid of inputs, with
 * the targets' verdict at every point; a table, a line chart, CSV, Markdown or JSON.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { gridSize, runSweep } from '../../app/sweep/run.js';
import { EXIT, ninesError } from '../../errors.js';
import { renderSweepCsv } from '../../report/csv/sweep.js';
import { envelope } from '../../report/json/envelope.js';
import { modelInfo } from '../../report/json/analysis.js';
import { renderSweepMarkdown } from '../../report/markdown/sweep.js';
import { FIGURES, type FigureId } from '../../report/sweep/view.js';
import { renderSweep } from '../../report/text/sweep.js';
import { suggest } from '../../lib/suggest.js';
import { output, type CommandContext } from '../context.js';
import { positiveInteger } from '../options.js';
import { loadVariation, pointProgress, withVaryOptions, type VaryFlags } from '../variation.js';
import { overridesJson } from '../overrides.js';

type Flags = VaryFlags & { plot?: FigureId; format: 'text' | 'csv' | 'json' | 'markdown'; maxPoints: number };

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
  return command
    .addOption(
      new Option(
        '--plot <figure>',
        `with text: a line chart of this figure against the first axis (one line per value of the second), e.g. availability, costPerMonth, rpo[region]`,
      ).argParser(figure),
    )
    .addOption(
      new Option('--format <format>', 'stdout format (--json is the same as --format json)')
        .choices(['text', 'csv', 'json', 'markdown'])
        .default('text'),
    )
    .addOption(
      new Option('--max-points <n>', 'refuse a grid larger than this').default(100_000).argParser(positiveInteger),
    )
    .addHelpText('after', HELP)
    .action(async (file: string, flags: Flags, cmd: Command) => {
      const o = output(ctx, cmd);
      const format = o.json ? 'json' : flags.format;
      ctx.json = format === 'json';
      const loaded = await loadVariation(ctx.proc, o, file, flags);
      if ('problems' in loaded) {
        if (format === 'json')
          o.outJson({
            ...envelope('sweep'),
            valid: false,
            problems: loaded.problems,
            overrides: overridesJson(flags.set, undefined),
          });
        ctx.exitCode = EXIT.input;
        return;
      }
      const size = gridSize(loaded.variation);
      if (size > flags.maxPoints)
        throw ninesError(
          'bad-vary',
          `the grid has ${size.toLocaleString('en-US')} points, more than --max-points ${flags.maxPoints.toLocaleString('en-US')}; narrow the ranges or raise --max-points`,
        );
      if (flags.plot !== undefined && loaded.variation.axes.length > 2)
        throw ninesError(
          'bad-vary',
          '--plot draws one or two axes (x, and one line per value of the second); this sweep has more',
        );
      const bar = pointProgress(ctx.proc, o.quiet);
      const view = runSweep(loaded.variation, loaded.point, loaded.fileLabel, bar.update);
      bar.done();
      switch (format) {
        case 'json':
          o.outJson({
            ...envelope('sweep'),
            model: modelInfo(loaded.variation.base, loaded.fileLabel),
            sweep: { method: view.method, axes: view.axes, targets: view.targets, points: view.points },
            overrides: overridesJson(flags.set, undefined),
          });
          break;
        case 'csv':
          o.out(renderSweepCsv(view));
          break;
        case 'markdown':
          o.out(renderSweepMarkdown(view));
          break;
        case 'text':
          o.out(renderSweep(view, o.style, { plot: flags.plot, width: o.style.width }));
          break;
        default: {
          const never: never = format;
          throw new Error(`unknown format ${String(never)}`);
        }
      }
      ctx.exitCode = EXIT.ok;
    });
}
