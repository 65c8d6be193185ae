import { VERSION } from '../../version.js';

/** Major version of the JSON report; the document only grows within it. */
export const SCHEMA_VERSION = 1;

/** Every command of nines, in the order `nines --help` lists them: the one list of them. */
export const COMMANDS = [
  'validate',
  'analyze',
  'explain',
  'simulate',
  'check',
  'recommend',
  'compare',
  'sweep',
  'design',
  'slo',
  'plan',
  'report',
  'diagram',
  'budget',
  'schema',
  'merge',
] as const;

export type CommandName = (typeof COMMANDS)[number];

/** The commands that print a nines JSON document (`schema` prints the model schema itself). */
export type Command = Exclude<CommandName, 'schema'>;

/** Whether a name is a command that prints a JSON document. */
export function isDocumentCommand(name: string | undefined): name is Command {
  return name !== 'schema' && COMMANDS.some((c) => c === name);
}

/** The head every JSON document starts with. */
export function envelope(command: Command): {
  schemaVersion: 1;
  command: Command;
  tool: { name: 'nines'; version: string };
} {
  return { schemaVersion: SCHEMA_VERSION, command, tool: { name: 'nines', version: VERSION } };
}

/** The document of a run whose model did not validate: its problems, with their positions. */
export function invalidDocument(command: Command, problems: readonly unknown[]): Record<string, unknown> {
  return { ...envelope(command), valid: false, problems };
}

/** One JSON document on one line of stdout (pretty-printed for a terminal). */
export function toJson(document: unknown, pretty: boolean): string {
  return `${JSON.stringify(document, null, pretty ? 2 : undefined)}\n`;
}
