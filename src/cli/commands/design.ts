/**
 * `nines design <file> --vary PATH=RANGE …`: the cheapest designs in the space of the axes
 * that meet every target, the Pareto frontier of cost against availability (and RPO), the best
 * design as `--set` arguments and, with `--write-model`, as a patched copy of the model file.
 */
import { Command, Option } from 'commander';
import { MAX_EXHAUSTIVE, searchDesigns, type SearchMode } from '../../app/design/search.js';
import { loadModelText } from '../../config/load.js';
import { patchModelText } from '../../config/patch-document.js';
import { EXIT, ninesError } from '../../errors.js';
import { envelope } from '../../report/json/envelope.js';
import { modelInfo } from '../../report/json/analysis.js';
import type { DesignView } from '../../report/sweep/view.js';
import { renderDesign } from '../../report/text/design.js';
import { output, type CommandContext } from '../context.js';
import { writeResultFile } from '../write-file.js';
import { positiveInteger } from '../options.js';
import { loadVariation, pointProgress, withVaryOptions, type VaryFlags } from '../variation.js';
import { overridesJson } from '../overrides.js';

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
      `
Designs are ranked by cost per month (ties: higher availability); a design passes when it meets
every target of the model and of --target, warn level included.

Exit codes: 0 a design meets every target · 1 none does · 2 bad input or usage.

Examples:
  $ nines design models/database-dr.yaml --vary tiers.db.nodes=1..7 --vary 'data.copies.dr-replica.lag=10 s,30 s,2 minute'
  $ nines design models/inference-3az.yaml --vary tiers.inference.nodes=8..16 --vary tiers.model-cache.nodes=1..3 --target 'availability>=99.99%'
  $ nines design models/database-dr.yaml --vary tiers.db.nodes=1..7 --write-model /tmp/best.yaml && nines check /tmp/best.yaml
  $ nines design models/database-dr.yaml --vary tiers.db.nodes=1..7 --json | jq -r '.design.bestSet[]'`,
    )
    .action(async (file: string, flags: Flags, cmd: Command) => {
      const o = output(ctx, cmd);
      const loaded = await loadVariation(ctx.proc, o, file, flags);
      if ('problems' in loaded) {
        if (o.json)
          o.outJson({
            ...envelope('design'),
            valid: false,
            problems: loaded.problems,
            overrides: overridesJson(flags.set, undefined),
          });
        ctx.exitCode = EXIT.input;
        return;
      }
      const { variation } = loaded;
      if (variation.base.costs === undefined)
        throw ninesError(
          'bad-argument',
          'design',
          'designs are ranked by cost, and this model prices nothing: give its tiers (cost: { perNode: 2.4/h }), zones, regions, data or backups a cost',
        );
      checkSpace(
        variation.axes.map((a) => a.values.length),
        flags.search,
      );
      const bar = pointProgress(ctx.proc, o.quiet);
      const result = searchDesigns(variation, loaded.point, {
        mode: flags.search,
        keep: flags.top,
        progress: bar.update,
      });
      bar.done();
      const best = result.passing[0] ?? null;
      const view: DesignView = {
        modelName: variation.base.name,
        file: loaded.fileLabel,
        axes: variation.axes.map((a) => ({ path: a.path, range: a.range, values: a.labels })),
        targets: [
          ...new Set([
            ...variation.base.targets.map((t) => t.metric),
            ...loaded.point.flagTargets.map((t) => t.target.metric),
          ]),
        ],
        search: result.search,
        points: result.points,
        evaluated: result.evaluated,
        lineAxis: result.lineAxis,
        passingCount: result.passingCount,
        designs: result.passing,
        best,
        bestSet: best === null ? [] : [...(flags.set ?? []), ...best.set],
        frontier: result.frontier,
        frontierRpo: result.frontierRpo,
      };
      if (flags.writeModel !== undefined && best !== null) {
        const edits = [
          ...variation.setEdits,
          ...variation.paths.map((path, i) => ({ path, value: variation.axes[i]?.values[best.at[i] ?? 0] ?? null })),
        ];
        const patched = patchModelText(loaded.text, edits);
        if (!loadModelText(patched).ok) throw new Error('the patched model does not validate');
        await writeResultFile(ctx.proc.cwd(), flags.writeModel, patched);
      }
      const exitCode = best === null ? EXIT.targetMissed : EXIT.ok;
      if (o.json) {
        o.outJson({
          ...envelope('design'),
          model: modelInfo(loaded.variation.base, loaded.fileLabel),
          exitCode,
          design: {
            method: loaded.point.method,
            axes: view.axes,
            targets: view.targets,
            search: {
              mode: result.search,
              points: result.points,
              evaluated: result.evaluated,
              lineAxis: result.lineAxis ?? null,
            },
            passingCount: result.passingCount,
            best,
            bestSet: view.bestSet,
            designs: result.passing,
            frontier: result.frontier,
            frontierObjectives: ['costPerMonth', 'unavailability', ...result.frontierRpo],
            ...(flags.writeModel === undefined || best === null ? {} : { wroteModel: flags.writeModel }),
          },
          overrides: overridesJson(flags.set, undefined),
        });
      } else {
        o.out(renderDesign(view, o.style, o.style.width));
        if (flags.writeModel !== undefined)
          o.err(
            best === null
              ? `nines: no design meets the targets; ${flags.writeModel} not written\n`
              : `nines: wrote the best design to ${flags.writeModel}\n`,
          );
      }
      ctx.exitCode = exitCode;
    });
}

/** Refuses a space the search would take hours over: > 10⁶ points exhaustively, > 10⁵ lines pruned. */
function checkSpace(sizes: readonly number[], mode: SearchMode): void {
  const total = sizes.reduce((p, n) => p * n, 1);
  const lines = total / Math.max(...sizes);
  const pruned = mode === 'pruned' || (mode === 'auto' && total > MAX_EXHAUSTIVE);
  if (!pruned && total > 10 * MAX_EXHAUSTIVE)
    throw ninesError(
      'bad-vary',
      `the space has ${total.toLocaleString('en-US')} points, more than ${(10 * MAX_EXHAUSTIVE).toLocaleString('en-US')} for an exhaustive search; narrow the ranges or use --search pruned`,
    );
  if (pruned && lines > MAX_EXHAUSTIVE)
    throw ninesError(
      'bad-vary',
      `the space has ${total.toLocaleString('en-US')} points in ${lines.toLocaleString('en-US')} lines along its longest axis, more than ${MAX_EXHAUSTIVE.toLocaleString('en-US')}; narrow the other ranges`,
    );
}
