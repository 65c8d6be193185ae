/**
 * `--format` and `--report FORMAT=PATH` for every command of the format registry
 * (report/formats.ts), their help text, and printing a use case's outcome in them: report
 * files first (a report that cannot be written is the run's one error), then stdout. The
 * commands whose document wraps their text (report, diagram) take `--format` alone.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { toJson } from '../report/json/envelope.js';
import {
  FORMAT_NOTES,
  FORMATS,
  formatsOf,
  type FormatName,
  type FormattedCommand,
  type Renderer,
  WRAPPING,
} from '../report/formats.js';
import { textStyle } from '../report/style.js';
import type { CommandContext, Output } from './context.js';
import { writeResultFile } from './write-file.js';

export type ReportSpec = { readonly format: FormatName; readonly path: string };
export type FormatFlags = { format: FormatName; report?: ReportSpec[] };

/**
 * Adds `--format` (default: the command's first format) and, unless the command wraps its text
 * in its document, the repeatable `--report FORMAT=PATH`.
 */
export function withFormatOptions(command: Command, name: FormattedCommand): Command {
  const formats = formatsOf(name);
  const format = new Option('--format <format>', stdoutFormat(name)).choices(formats).default(formats[0]);
  if (WRAPPING.has(name)) return command.addOption(format);
  const report = (value: string, previous: ReportSpec[] | undefined): ReportSpec[] => {
    const eq = value.indexOf('=');
    const format = formats.find((f) => f === value.slice(0, eq));
    if (eq < 0 || format === undefined || value.slice(eq + 1) === '') {
      const example = formats.includes('junit') ? 'junit=nines.xml' : 'json=nines.json';
      throw new InvalidArgumentError(
        `expected FORMAT=PATH with FORMAT one of ${formats.join(', ')}, e.g. ${example}; got '${value}'`,
      );
    }
    return [...(previous ?? []), { format, path: value.slice(eq + 1) }];
  };
  return command
    .addOption(format)
    .addOption(
      new Option(
        '--report <format=path>',
        `also write a report to a file: FORMAT one of ${formats.join(', ')} (repeatable)`,
      ).argParser(report),
    );
}

function stdoutFormat(name: FormattedCommand): string {
  return WRAPPING.has(name)
    ? 'output format (--json prints a document holding the output)'
    : 'stdout format (--json overrides it; json is --json)';
}

/** The help lines listing a command's formats. */
export function formatsHelp(name: FormattedCommand): string {
  const lines = formatsOf(name).map((f) => `  ${f.padEnd(11)}${FORMAT_NOTES[f]}`);
  const how = WRAPPING.has(name)
    ? '--format, the first the default; -o PATH writes it to a file'
    : '--format for stdout, --report FORMAT=PATH for a file, repeatable';
  return `Formats (${how}):\n${lines.join('\n')}`;
}

/** The output of a run: `--format json` is `--json` (errors then print as JSON too). */
export function formatOutput(ctx: CommandContext, o: Output, flags: FormatFlags): Output {
  if (flags.format !== 'json') return o;
  ctx.json = true;
  return { ...o, json: true };
}

/** Renders an outcome in a format: json is the document, the others the registry's renderers. */
export async function render<V>(
  name: FormattedCommand,
  format: FormatName,
  outcome: Outcome<V>,
  color: boolean,
  width = 100,
  ascii = false,
): Promise<string> {
  if (format === 'json') return toJson(outcome.document, true);
  return renderView(name, format, outcome.view, color, width, ascii);
}

/** Renders a view with the registry's renderer of a format (not json: that is the document). */
export async function renderView<V>(
  name: FormattedCommand,
  format: FormatName,
  view: V,
  color: boolean,
  width = 100,
  ascii = false,
): Promise<string> {
  const renderer = (FORMATS[name] as Partial<Record<FormatName, Renderer<V>>>)[format];
  if (renderer === undefined) throw new Error(`${name} has no ${format} format`);
  return renderer(view, textStyle(color, { width, ascii }), width);
}

export type Outcome<V> = { readonly view: V; readonly document: unknown };

/**
 * Writes the `--report` files (and `extra` ones, e.g. the GitHub step summary), then the
 * stdout format, then a note per file written on stderr (unless -q).
 */
export async function emit<V>(
  ctx: CommandContext,
  o: Output,
  name: FormattedCommand,
  flags: FormatFlags,
  outcome: Outcome<V>,
  extra: readonly { path: string; text: string }[] = [],
): Promise<void> {
  const { width, ascii } = o.style;
  const notes: string[] = [];
  for (const report of flags.report ?? [])
    notes.push(
      await writeResultFile(
        ctx.proc.cwd(),
        report.path,
        await render(name, report.format, outcome, false, width, ascii),
        'write',
        true,
      ),
    );
  for (const file of extra) notes.push(await writeResultFile(ctx.proc.cwd(), file.path, file.text, 'append'));
  if (o.json) o.outJson(outcome.document);
  else o.out(await render(name, flags.format, outcome, o.style.color, width, ascii));
  if (!o.quiet) for (const note of notes) if (note !== '') o.err(`nines: ${note}\n`);
}
