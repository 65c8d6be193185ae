import { Command } from 'commander';
import { helpText } from '../help-text.js';
import type { CommandContext } from '../context.js';

export function schemaCommand(ctx: CommandContext): Command {
  return new Command('schema')
    .description('print the JSON Schema of the model file (for editors and other tools)')
    .addHelpText(
      'after',
      helpText(`
Examples:
  $ nines schema > model.schema.json
  # in a model file, for completion and checks in editors using yaml-language-server:
  # yaml-language-server: $schema=./model.schema.json`),
    )
    .action(async () => {
      const { modelSchema } = await import('../../config/schema.js');
      ctx.proc.stdout.write(`${JSON.stringify(modelSchema, null, 2)}\n`);
      ctx.exitCode = 0;
    });
}
