import { Command } from 'commander';
import { helpText } from '../help-text.js';
import { EXIT } from '../../errors.js';
import { runValidate } from '../../app/validate.js';
import { countProblems } from '../../report/text/problems.js';
import { renderModelSummary } from '../../report/text/model-summary.js';
import { output, type CommandContext } from '../context.js';
import { printProblems, readSource } from '../load-model.js';

export function validateCommand(ctx: CommandContext): Command {
  return new Command('validate')
    .description('check a model file: YAML syntax, schema, references, units; every problem with file:line:col')
    .argument('<file>', "model file (YAML or JSON), or '-' for standard input")
    .addHelpText(
      'after',
      helpText(`
Exit codes: 0 valid (warnings allowed), 2 invalid or unreadable.

Examples:
  $ nines validate models/inference-3az.yaml
  $ cat model.yaml | nines validate -
  $ nines validate model.yaml --json | jq '.problems[] | "\\(.line):\\(.col) \\(.message)"'`),
    )
    .action(async (file: string, _options: unknown, command: Command) => {
      const o = output(ctx, command);
      const loaded = await readSource(ctx.proc, file);
      const { problems, document } = runValidate(loaded);
      printProblems(o, loaded.fileLabel, problems);
      if (o.json) {
        o.outJson(document);
      } else if (loaded.ok && !o.quiet) {
        o.out(renderModelSummary(loaded.fileLabel, loaded.model, o.style));
      }
      if (!loaded.ok && !o.json) o.err(`${loaded.fileLabel}: ${countProblems(problems)}\n`);
      ctx.exitCode = loaded.ok ? EXIT.ok : EXIT.input;
    });
}
