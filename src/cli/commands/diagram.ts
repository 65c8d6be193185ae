/** `nines diagram <file>`: the topology as Mermaid, Graphviz DOT or SVG. */
import { Command } from 'commander';
import { helpText } from '../help-text.js';
import { diagramDocument, runDiagram } from '../../app/diagram.js';
import { EXIT } from '../../errors.js';
import { invalidDocument } from '../../report/json/envelope.js';
import { output, type CommandContext } from '../context.js';
import { formatsHelp, renderView, withFormatOptions } from '../formats.js';
import { loadOrFail } from '../load-model.js';
import { setOverrides } from '../overrides.js';
import { writeResultFile } from '../write-file.js';

type Flags = { format: 'mermaid' | 'dot' | 'svg'; output?: string };

export function diagramCommand(ctx: CommandContext): Command {
  const command = new Command('diagram')
    .description(
      'topology: regions → zones → tiers with node counts and k of n, the service expression, copies and backups',
    )
    .argument('<file>', "model file (YAML or JSON), or '-' for standard input");
  return withFormatOptions(command, 'diagram')
    .option('-o, --output <path>', 'write the diagram to this file (default: standard output)')
    .addHelpText(
      'after',
      helpText(`
${formatsHelp('diagram')}

Exit codes: 0 written, 2 invalid model or usage.

Examples:
  $ nines diagram models/database-dr.yaml
  $ nines diagram models/inference-3az.yaml --format dot | dot -Tpng -o t.png
  $ nines diagram models/database-dr.yaml --format svg -o topology.svg`),
    )
    .action(async (file: string, flags: Flags, cmd: Command) => {
      const o = output(ctx, cmd);
      const source = await loadOrFail(ctx, o, file, setOverrides(undefined), (problems) =>
        invalidDocument('diagram', problems),
      );
      if (source === undefined) return;
      const { color, width, ascii } = o.style;
      const text = await renderView('diagram', flags.format, runDiagram(source).view, color, width, ascii);
      if (flags.output !== undefined) await writeResultFile(ctx.proc.cwd(), flags.output, text);
      if (o.json) o.outJson(diagramDocument(source, { format: flags.format, output: flags.output, text }));
      else if (flags.output === undefined) o.out(text);
      ctx.exitCode = EXIT.ok;
    });
}
