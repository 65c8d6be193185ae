/**
 * `nines report <file>`: the design-review report, one self-contained HTML file or
 * GitHub-flavoured Markdown, from the documents analyze, check and (with --simulate) simulate print.
 */
import { Command, Option } from 'commander';
import { buildReport } from '../../app/report.js';
import { EXIT } from '../../errors.js';
import { renderReportHtml } from '../../report/html/review.js';
import { modelInfo } from '../../report/json/analysis.js';
import { envelope, invalidDocument } from '../../report/json/envelope.js';
import { renderReportMarkdown } from '../../report/markdown/review.js';
import { DEFAULT_SEED } from '../../simulate/index.js';
import { output, type CommandContext } from '../context.js';
import { loadOrFail } from '../load-model.js';
import { positiveInteger, seedNumber } from '../options.js';
import { overridesJson, setOverrides, withOverrideOptions } from '../overrides.js';
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
  return withOverrideOptions(
    new Command('report')
      .description(
        "design-review report: summary, topology, targets, tiers, zones, data protection (and with --simulate a year's downtime): one self-contained HTML file or Markdown",
      )
      .argument('<file>', "model file (YAML or JSON), or '-' for standard input")
      .addOption(
        new Option(
          '--format <format>',
          'html: one file, no network, charts as inline SVG; markdown: GitHub-flavoured, Mermaid diagram and tables',
        )
          .choices(['html', 'markdown'])
          .default('html'),
      )
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
      .addHelpText('after', HELP)
      .action(async (file: string, flags: Flags, command: Command) => {
        const o = output(ctx, command);
        const loaded = await loadOrFail(ctx, o, file, setOverrides(flags.set), (problems) =>
          invalidDocument('report', problems),
        );
        if (loaded === undefined) return;
        const simulate =
          flags.simulate === true
            ? {
                seed: flags.seed,
                workers: 'auto' as const,
                ...(flags.trials === undefined ? {} : { trials: flags.trials }),
                ...(flags.timelineTrials === undefined ? {} : { timelineTrials: flags.timelineTrials }),
              }
            : undefined;
        const view = await buildReport(loaded.model, loaded.fileLabel, {
          simulate,
          overrides: overridesJson(flags.set, undefined),
        });
        const text = flags.format === 'html' ? await renderReportHtml(view) : renderReportMarkdown(view);
        if (flags.output !== undefined) await writeResultFile(ctx.proc.cwd(), flags.output, text);
        if (o.json) {
          o.outJson({
            ...envelope('report'),
            model: modelInfo(loaded.model, loaded.fileLabel),
            format: flags.format,
            output: flags.output ?? null,
            bytes: Buffer.byteLength(text),
            sections: view.sections.map((s) => s.id),
            ...(flags.output === undefined ? { report: text } : {}),
          });
        } else if (flags.output === undefined) {
          o.out(text);
        } else if (!o.quiet) {
          o.err(
            `nines: wrote ${flags.output} (${flags.format}, ${(Buffer.byteLength(text) / 1024).toFixed(0)} kB, ${view.sections.length} sections)\n`,
          );
        }
        ctx.exitCode = EXIT.ok;
      }),
    { fail: false },
  );
}
