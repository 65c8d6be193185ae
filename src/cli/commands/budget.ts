import { Command } from 'commander';
import { helpText } from '../help-text.js';
import { runBudget } from '../../app/budget.js';
import { EXIT } from '../../errors.js';
import { output, type CommandContext } from '../context.js';
import { emit, formatOutput, formatsHelp, withFormatOptions, type FormatFlags } from '../formats.js';

export function budgetCommand(ctx: CommandContext): Command {
  const command = new Command('budget')
    .description('downtime allowed per day, week, month (30 d), quarter (90 d) and year by an availability target')
    .argument('<target>', "availability: '99.95%', '4 nines', 0.9995, or a plain number of nines like 4.5");
  return withFormatOptions(command, 'budget')
    .addHelpText(
      'after',
      helpText(`
${formatsHelp('budget')}

Examples:
  $ nines budget 99.99%        # 52.56 min per year, 4.32 min per month, 8.64 s per day
  $ nines budget '3.5 nines'
  $ nines budget 4.5 --json`),
    )
    .action(async (target: string, flags: FormatFlags, cmd: Command) => {
      const o = formatOutput(ctx, output(ctx, cmd), flags);
      await emit(ctx, o, 'budget', flags, runBudget(target));
      ctx.exitCode = EXIT.ok;
    });
}
