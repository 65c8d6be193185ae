import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { EXIT, ninesError } from '../../errors.js';
import { checkParts, mergeParts } from '../../simulate/run/merge-parts.js';
import { output, type CommandContext } from '../context.js';
import { loadModelBytes } from '../load-model.js';
import { setOverrides } from '../overrides.js';
import { analyticFigures, simulationOutcome } from '../../app/simulate.js';
import { renderSimulationNotes } from '../../report/text/simulation.js';
import { emit } from '../formats.js';
import { parsePart, type ReadPart } from '../simulation-part.js';

export function mergeCommand(ctx: CommandContext): Command {
  return new Command('merge')
    .description(
      "combine the parts of a sharded simulation ('nines simulate --shard I/N --out PART') into the report one machine would print",
    )
    .argument('<parts...>', 'part files, one per shard, in any order')
    .addHelpText(
      'after',
      `
The parts must come from one run (same model, options, seed and nines version)
and hold every shard exactly once; the merged report equals 'nines simulate'
with the same options, to the bit. Importance sampling, which adapts to the
merged counts, runs here rather than in the shards.

Exit codes: 0 merged; 2 a part missing, given twice, damaged or of another run.

Examples:
  $ nines simulate models/database-dr.yaml --shard 1/2 --out part-1.json
  $ nines simulate models/database-dr.yaml --shard 2/2 --out part-2.json
  $ nines merge part-1.json part-2.json --json | jq .simulation.service`,
    )
    .action(async (files: string[], _options: unknown, command: Command) => {
      const o = output(ctx, command);
      const parts: ReadPart[] = [];
      const problems: string[] = [];
      for (const file of files) {
        let text: string;
        try {
          text = await readFile(resolve(ctx.proc.cwd(), file), 'utf8');
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
      const check = checkParts(parts);
      if (!check.ok) throw ninesError('bad-parts', check.problems);
      const first = parts[0] as ReadPart;
      const loaded = await loadModelBytes(first.source, first.file, setOverrides(first.run.set).edit);
      if (!loaded.ok)
        throw ninesError('bad-parts', [
          `${first.label}: its model no longer validates with this nines (${loaded.problems[0]?.message ?? 'invalid'})`,
        ]);
      const merged = mergeParts(loaded.model, first.run.options, analyticFigures(loaded.model), parts);
      if (!merged.ok) throw ninesError('bad-parts', merged.problems);
      if (merged.local.chunks > 0 && !o.quiet) {
        o.err(
          `merge: ran the adaptive importance-sampling phases here (${merged.local.trials.toLocaleString('en-US')} trials)\n`,
        );
      }
      const outcome = simulationOutcome(loaded, merged.result, first.run.set);
      await emit(ctx, o, 'simulate', { format: 'text' }, outcome);
      if (!o.quiet) o.err(renderSimulationNotes(merged.result, o.errStyle));
      ctx.exitCode = EXIT.ok;
    });
}
