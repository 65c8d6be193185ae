import type { Command } from 'commander';
import { useColor } from './color.js';
import { asciiTables, reportWidth } from './terminal.js';
import type { Proc } from './proc.js';
import { textStyle, type TextStyle } from '../report/style.js';
import { toJson } from '../report/json/envelope.js';

/** Options every command takes (declared once on the program). */
export type GlobalOptions = { json?: boolean; color?: boolean; quiet?: boolean };

/** What a command's action gets: the process, its global options, and writers. */
export type CommandContext = {
  readonly proc: Proc;
  /** Set by the action; main returns it. */
  exitCode: number;
  /** Set once the running command has resolved its options: errors then know how to print. */
  json: boolean;
};

export type Output = {
  readonly json: boolean;
  readonly quiet: boolean;
  readonly style: TextStyle;
  /** The result: stdout. */
  out(text: string): void;
  /** The one JSON document of a --json run. */
  outJson(document: unknown): void;
  /** Diagnostics, warnings, progress: stderr (coloured by stderr's own terminal-ness). */
  err(text: string): void;
  readonly errStyle: TextStyle;
};

/** Resolves global options of the running command into writers and a colour decision. */
export function output(ctx: CommandContext, command: Command): Output {
  const options = command.optsWithGlobals<GlobalOptions>();
  const { proc } = ctx;
  ctx.json = options.json === true;
  const color = useColor(options.color, proc);
  // Not `{ ...proc }`: spreading the real process reads every getter (process.stdin opens the
  // input stream, loading node:fs/promises and readline: ~2 ms of every start-up).
  const errColor = options.color ?? useColor(undefined, { env: proc.env, stdout: proc.stderr });
  return {
    json: options.json === true,
    quiet: options.quiet === true,
    style: textStyle(color, { width: reportWidth(proc), ascii: asciiTables(proc) }),
    errStyle: textStyle(errColor, { width: reportWidth(proc), ascii: asciiTables(proc) }),
    out: (text) => proc.stdout.write(text),
    outJson: (document) => proc.stdout.write(toJson(document, proc.stdout.isTTY === true)),
    err: (text) => proc.stderr.write(text),
  };
}
