import { Command } from 'commander';
import { downtimeBudget } from '../../analytic/budget.js';
import { EXIT } from '../../errors.js';
import { ninesError } from '../../errors.js';
import { envelope } from '../../report/json/envelope.js';
import { renderBudget } from '../../report/text/budget.js';
import { parseAvailabilityArgument } from '../../units/fraction.js';
import { nines } from '../../units/nines.js';
import { output, type CommandContext } from '../context.js';

export function budgetCommand(ctx: CommandContext): Command {
  return new Command('budget')
    .description('downtime allowed per day, week, month (30 d), quarter (90 d) and year by an availability target')
    .argument('<target>', "availability: '99.95%', '4 nines', 0.9995, or a plain number of nines like 4.5")
    .addHelpText(
      'after',
      `
Examples:
  $ nines budget 99.99%        # 52.56 min per year, 4.32 min per month, 8.64 s per day
  $ nines budget '3.5 nines'
  $ nines budget 4.5 --json`,
    )
    .action((target: string, _options: unknown, command: Command) => {
      const o = output(ctx, command);
      const parsed = parseAvailabilityArgument(target);
      if (!parsed.ok) throw ninesError('bad-argument', `target '${target}'`, parsed.message);
      const q = parsed.complement;
      const budget = downtimeBudget(q);
      if (o.json) {
        o.outJson({
          ...envelope('budget'),
          target: { availability: parsed.value, unavailability: q, nines: nines(q) },
          budget,
        });
      } else {
        o.out(renderBudget(q, budget, o.style));
      }
      ctx.exitCode = EXIT.ok;
    });
}
