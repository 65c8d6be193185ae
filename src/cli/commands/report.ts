/**
 * `nines report <file>`: the design-review report, one self-contained HTML file or
 * GitHub-flavoured Markdown, from the documents analyze, check and (with --simulate) simulate print.
 */
import { Command, Option } from 'commander';
import { helpText } from '../help-text.js';
import { reportDocument, runReport } from '../../app/report.js';
import { EXIT } from '../../errors.js';
import { invalidDocument } from '../../report/json/envelope.js';
import { DEFAULT_SEED } from '../../simulate/index.js';
import type { SimulateOptions } from '../../simulate/types.js';
import { output, type CommandContext } from '../context.js';
import { formatsHelp, renderView, withFormatOptions } from '../formats.js';
import { loadOrFail } from '../load-model.js';
import { positiveInteger, seedNumber } from '../options.js';
import { setOverrides, withOverrideOptions } from '../overrides.js';
import { writeResultFile } from '../write-file.js';

type Flags = {
  format: 'html' | 'markdown';
  output?: string;
  simulate?: boolean;
  seed: number;
  trials?: number;
  timelineTrials?: number;
  set?: string[];
};

const HELP = `
${formatsHelp('report')}

The report exits 0 whether or not the targets are met (it shows them); gate
with nines check. Every figure is the one nines analyze / check / simulate
--json prints: the HTML report embeds those documents (a script of type
application/json, id nines-documents) and marks each figure with data-path
and data-value.

Exit codes: 0 written, 2 invalid model or usage.

Examples:
  $ nines report models/database-dr.yaml -o report.html
  $ nines report models/database-dr.yaml --format markdown > review.md
  $ nines report models/database-dr.yaml --set 'data.copies=[]' -o no-dr.html
  $ nines report models/inference-3az.yaml --simulate --seed 7 -o sim.html`;

export function reportCommand(ctx: CommandContext): Command {
  const command = new Command('report')
    .description(
      "design-review report: summary, topology, targets, tiers, zones, data protection (and with --simulate a year's downtime): one self-contained HTML file or Markdown",
    )
    .argument('<file>', "model file (YAML or JSON), or '-' for standard input");
  withFormatOptions(command, 'report');
  return withOverrideOptions(
    command
      .option('-o, --output <path>', 'write the report to this file (default: standard output)')
      .option(
        '--simulate',
        'also run the Monte Carlo simulation: annual downtime histogram, P(a year misses the target), realised RPO/RTO',
      )
      .addOption(new Option('--seed <n>', 'with --simulate: random seed').default(DEFAULT_SEED).argParser(seedNumber))
      .addOption(
        new Option('--trials <n>', 'with --simulate: snapshot trials (default as nines simulate)').argParser(
          positiveInteger,
        ),
      )
      .addOption(
        new Option('--timeline-trials <n>', 'with --simulate: simulated years (default as nines simulate)').argParser(
          positiveInteger,
        ),
      )
      .addHelpText('after', helpText(HELP))
      .action(async (file: string, flags: Flags, cmd: Command) => {
        const o = output(ctx, cmd);
        const source = await loadOrFail(ctx, o, file, setOverrides(flags.set), (problems) =>
          invalidDocument('report', problems),
        );
        if (source === undefined) return;
        const outcome = await runReport(source, { simulate: simulateOptions(flags), set: flags.set });
        const { color, width, ascii } = o.style;
        const text = await renderView('report', flags.format, outcome.view, color, width, ascii);
        if (flags.output !== undefined) await writeResultFile(ctx.proc.cwd(), flags.output, text);
        if (o.json)
          o.outJson(reportDocument(source, outcome.view, { format: flags.format, output: flags.output, text }));
        else if (flags.output === undefined) o.out(text);
        else if (!o.quiet) {
          const kB = (Buffer.byteLength(text) / 1024).toFixed(0);
          o.err(`nines: wrote ${flags.output} (${flags.format}, ${kB} kB, ${outcome.view.sections.length} sections)\n`);
        }
        ctx.exitCode = EXIT.ok;
      }),
    { fail: false },
  );
}

/** The simulation `--simulate` asks for, with its seed and trial counts. */
function simulateOptions(flags: Flags): SimulateOptions | undefined {
  if (flags.simulate !== true) return undefined;
  return {
    seed: flags.seed,
    workers: 'auto',
    ...(flags.trials === undefined ? {} : { trials: flags.trials }),
    ...(flags.timelineTrials === undefined ? {} : { timelineTrials: flags.timelineTrials }),
  };
}
