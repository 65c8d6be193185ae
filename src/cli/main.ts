/**
 * The nines command line: `main(proc)` runs one command against the given process streams and
 * returns its exit code. The only module that touches process state (through `proc`).
 */
import { Command, CommanderError, Option } from 'commander';
import { EXIT, NinesError, ninesError } from '../errors.js';
import { printable } from '../lib/printable.js';
import {
  COMMANDS,
  envelope,
  isDocumentCommand,
  toJson,
  type CommandName,
  type Command as DocumentCommand,
} from '../report/json/envelope.js';
import { VERSION } from '../version.js';
import { analyzeCommand } from './commands/analyze.js';
import { budgetCommand } from './commands/budget.js';
import { checkCommand } from './commands/check.js';
import { compareCommand } from './commands/compare.js';
import { diagramCommand } from './commands/diagram.js';
import { mergeCommand } from './commands/merge.js';
import { reportCommand } from './commands/report.js';
import { planCommand } from './commands/plan.js';
import { explainCommand } from './commands/explain.js';
import { recommendCommand } from './commands/recommend.js';
import { schemaCommand } from './commands/schema.js';
import { simulateCommand } from './commands/simulate.js';
import { sloCommand } from './commands/slo.js';
import { sweepCommand } from './commands/sweep.js';
import { designCommand } from './commands/design.js';
import { validateCommand } from './commands/validate.js';
import type { CommandContext } from './context.js';
import type { Proc } from './proc.js';
import { helpText } from './help-text.js';
import { helpWidth } from './terminal.js';

const CONVENTIONS = `
Conventions: year = 365 d, month = 30 d, quarter = 90 d; TB = 10^12 B, TiB = 2^40 B;
percentages are fractions internally; nines = −log10(unavailability).

Exit codes: 0 ok / targets met · 1 a target missed · 2 usage or input error ·
3 inconclusive (a Monte Carlo interval straddles a target) · 70 internal error.

Examples:
  $ nines validate models/inference-3az.yaml
  $ nines analyze models/database-dr.yaml
  $ nines explain models/database-dr.yaml 'rto[region]'
  $ nines simulate models/inference-3az.yaml --seed 7
  $ nines sweep models/inference-3az.yaml --vary tiers.inference.nodes=8..16
  $ nines report models/database-dr.yaml -o report.html
  $ nines plan models/inference-3az.yaml
  $ nines budget 99.95%
  $ nines slo models/api-slo.yaml --window 28d
  $ nines schema > model.schema.json`;

/** Each command's builder, by name (the names and their order: COMMANDS). */
const FACTORIES: Readonly<Record<CommandName, (ctx: CommandContext) => Command>> = {
  validate: validateCommand,
  analyze: analyzeCommand,
  explain: explainCommand,
  simulate: simulateCommand,
  check: checkCommand,
  recommend: recommendCommand,
  compare: compareCommand,
  sweep: sweepCommand,
  design: designCommand,
  slo: sloCommand,
  plan: planCommand,
  report: reportCommand,
  diagram: diagramCommand,
  budget: budgetCommand,
  schema: schemaCommand,
  merge: mergeCommand,
};

/** The command names, for bin/nines.js: a code cache is kept for these alone (not for every mistyped word). */
export { COMMANDS };

export async function main(proc: Proc): Promise<number> {
  const ctx: CommandContext = { proc, exitCode: EXIT.ok, json: proc.argv.includes('--json') };
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...proc.argv], { from: 'node' });
    return ctx.exitCode;
  } catch (error) {
    return handleError(error, ctx, program);
  }
}

function buildProgram(ctx: CommandContext): Command {
  const { proc } = ctx;
  const program = new Command('nines')
    .description(
      'Reliability modeling and capacity planning: availability, RPO/RTO, durability and backup storage from one YAML model.',
    )
    .version(VERSION, '-V, --version', 'print the nines version')
    .option('--json', 'print one JSON document on stdout (unrounded, base units)')
    .addOption(new Option('--color', 'force colour on').conflicts('noColor'))
    .option('--no-color', 'no colour (also: NO_COLOR=1)')
    .option('-q, --quiet', 'print only the result: no warnings or progress')
    .addHelpText('after', helpText(CONVENTIONS))
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({
      writeOut: (text) => proc.stdout.write(text),
      writeErr: (text) => proc.stderr.write(text),
      // The help's width: COLUMNS, else the terminal's, else 80 (not the width of the process running main).
      getOutHelpWidth: () => helpWidth(proc, proc.stdout),
      getErrHelpWidth: () => helpWidth(proc, proc.stderr),
      // Commander quotes the offending argument: its control characters are echoed as escapes,
      // and only commander's own suggestion line (after an unknown command) stays a line.
      outputError: (text, write) =>
        write(
          `${printable(text.replace(/\n$/, ''))
            .replaceAll('\\n(Did you mean ', '\n(Did you mean ')
            .replace(/^error:/, 'nines: error:')}\n`,
        ),
    });
  for (const name of commandsToBuild(proc.argv)) {
    const command = FACTORIES[name](ctx);
    command.copyInheritedSettings(program);
    program.addCommand(command);
  }
  return program;
}

/**
 * The commands to build: the one named (`nines analyze …`, whose run needs no other), or all of
 * them for the overview, `help`, and a mistyped name's suggestion. Global options take no value,
 * so the command is the first argument that is not an option.
 */
function commandsToBuild(argv: readonly string[]): readonly CommandName[] {
  const named = argv.slice(2).find((a) => !a.startsWith('-'));
  const one = COMMANDS.find((c) => c === named);
  return one === undefined ? COMMANDS : [one];
}

function handleError(error: unknown, ctx: CommandContext, program: Command): number {
  const { proc } = ctx;
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    // Usage errors (unknown option, missing argument, no command): commander printed them on
    // stderr; a --json run still gets its one document on stdout.
    if (ctx.json) {
      const { code, message } = ninesError('usage', error.message.replace(/^error: /, ''));
      proc.stdout.write(toJson({ ...envelope(commandName(program)), error: { code, message } }, false));
    }
    return EXIT.input;
  }
  if (error instanceof NinesError) {
    if (ctx.json)
      proc.stdout.write(
        toJson({ ...envelope(commandName(program)), error: { code: error.code, message: error.message } }, false),
      );
    // Messages quote user values (paths, flags): their control characters are echoed as escapes.
    proc.stderr.write(`nines: error: ${printable(error.message)}\n`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  proc.stderr.write(
    `nines: internal error (a bug in nines; please report it with the model that caused it)\n${detail}\n`,
  );
  return EXIT.internal;
}

/** The subcommand being run, for the JSON envelope of an error. */
function commandName(program: Command): DocumentCommand {
  const used = program.args[0];
  return isDocumentCommand(used) ? used : 'validate';
}
