/** `nines diagram <file>`: the topology as Mermaid, Graphviz DOT or SVG. */
import { Command, Option } from 'commander';
import { EXIT } from '../../errors.js';
import { chartSvg } from '../../report/charts/svg.js';
import { renderDot } from '../../report/diagram/dot.js';
import { renderMermaid } from '../../report/diagram/mermaid.js';
import { placementChart } from '../../report/charts/placement.js';
import { topologyOf } from '../../report/diagram/topology.js';
import { modelInfo } from '../../report/json/analysis.js';
import { envelope, invalidDocument } from '../../report/json/envelope.js';
import { output, type CommandContext } from '../context.js';
import { loadOrFail } from '../load-model.js';
import { setOverrides } from '../overrides.js';
import { writeResultFile } from '../write-file.js';

type Flags = { format: 'mermaid' | 'dot' | 'svg'; output?: string };

export function diagramCommand(ctx: CommandContext): Command {
  return new Command('diagram')
    .description(
      'topology: regions → zones → tiers with node counts and k of n, the service expression, copies and backups',
    )
    .argument('<file>', "model file (YAML or JSON), or '-' for standard input")
    .addOption(
      new Option(
        '--format <format>',
        "mermaid (flowchart), dot (Graphviz) or svg (placement map, the report's picture)",
      )
        .choices(['mermaid', 'dot', 'svg'])
        .default('mermaid'),
    )
    .option('-o, --output <path>', 'write the diagram to this file (default: standard output)')
    .addHelpText(
      'after',
      `
Exit codes: 0 written, 2 invalid model or usage.

Examples:
  $ nines diagram models/database-dr.yaml
  $ nines diagram models/inference-3az.yaml --format dot | dot -Tpng -o t.png
  $ nines diagram models/database-dr.yaml --format svg -o topology.svg`,
    )
    .action(async (file: string, flags: Flags, command: Command) => {
      const o = output(ctx, command);
      const loaded = await loadOrFail(ctx, o, file, setOverrides(undefined), (problems) =>
        invalidDocument('diagram', problems),
      );
      if (loaded === undefined) return;
      const topology = topologyOf(loaded.model);
      const text =
        flags.format === 'mermaid'
          ? renderMermaid(topology)
          : flags.format === 'dot'
            ? renderDot(topology)
            : `${await chartSvg(placementChart(topology))}\n`;
      if (flags.output !== undefined) await writeResultFile(ctx.proc.cwd(), flags.output, text);
      if (o.json) {
        o.outJson({
          ...envelope('diagram'),
          model: modelInfo(loaded.model, loaded.fileLabel),
          format: flags.format,
          output: flags.output ?? null,
          ...(flags.output === undefined ? { diagram: text } : {}),
        });
      } else if (flags.output === undefined) {
        o.out(text);
      }
      ctx.exitCode = EXIT.ok;
    });
}
