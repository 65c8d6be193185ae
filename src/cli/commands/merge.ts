import { promises as fs } from 'node:fs';
import { helpText } from '../help-text.js';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { runMerge } from '../../app/merge.js';
import { EXIT, ninesError } from '../../errors.js';
import { renderSimulationNotes } from '../../report/text/simulation.js';
import { output, type CommandContext } from '../context.js';
import { emit, formatOutput, formatsHelp, withFormatOptions, type FormatFlags } from '../formats.js';
import { parsePart, type ReadPart } from '../simulation-part.js';

export function mergeCommand(ctx: CommandContext): Command {
  const command = new Command('merge')
    .description(
      "combine the parts of a sharded simulation ('nines simulate --shard I/N --out PART') into the report one machine would print",
    )
    .argument('<parts...>', 'part files, one per shard, in any order');
  return withFormatOptions(command, 'merge')
    .addHelpText(
      'after',
      helpText(`
The parts must come from one run (same model, options, seed and nines version)
and hold every shard exactly once; the merged report equals 'nines simulate'
with the same options, to the bit. Importance sampling, which adapts to the
merged counts, runs here rather than in the shards.

${formatsHelp('merge')}

Exit codes: 0 merged; 2 a part missing, given twice, damaged or of another run.

Examples:
  $ nines simulate models/database-dr.yaml --shard 1/2 --out part-1.json
  $ nines simulate models/database-dr.yaml --shard 2/2 --out part-2.json
  $ nines merge part-1.json part-2.json --json | jq .simulation.service
  $ nines merge part-1.json part-2.json --report json=simulation.json   # the text on stdout, the JSON in a file`),
    )
    .action(async (files: string[], flags: FormatFlags, cmd: Command) => {
      const o = formatOutput(ctx, output(ctx, cmd), flags);
      const outcome = runMerge(await readParts(ctx, files));
      if (outcome.local.chunks > 0 && !o.quiet) {
        o.err(
          `merge: ran the adaptive importance-sampling phases here (${outcome.local.trials.toLocaleString('en-US')} trials)\n`,
        );
      }
      await emit(ctx, o, 'merge', flags, outcome);
      if (!o.quiet) o.err(renderSimulationNotes(outcome.view.result, o.errStyle));
      ctx.exitCode = EXIT.ok;
    });
}

/** Reads and parses the part files; an unreadable or damaged part is a coded error naming every bad one. */
async function readParts(ctx: CommandContext, files: readonly string[]): Promise<ReadPart[]> {
  const parts: ReadPart[] = [];
  const problems: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await fs.readFile(resolve(ctx.proc.cwd(), file), 'utf8');
    } catch (e) {
      throw ninesError(
        'file-unreadable',
        file,
        (e as { code?: string }).code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e),
      );
    }
    const parsed = parsePart(file, text);
    if (parsed.ok) parts.push(parsed.part);
    else problems.push(parsed.problem);
  }
  if (problems.length > 0) throw ninesError('bad-parts', problems);
  return parts;
}
