import { VERSION } from '../../version.js';

/** Major version of the JSON report; the document only grows within it. */
export const SCHEMA_VERSION = 1;

export type Command =
  | 'analyze'
  | 'simulate'
  | 'check'
  | 'compare'
  | 'validate'
  | 'budget'
  | 'merge'
  | 'explain'
  | 'recommend'
  | 'slo'
  | 'sweep'
  | 'design'
  | 'report'
  | 'diagram'
  | 'plan';

/** The head every JSON document starts with. */
export function envelope(command: Command): {
  schemaVersion: 1;
  command: Command;
  tool: { name: 'nines'; version: string };
} {
  return { schemaVersion: SCHEMA_VERSION, command, tool: { name: 'nines', version: VERSION } };
}

/** One JSON document on one line of stdout (pretty-printed for a terminal). */
export function toJson(document: unknown, pretty: boolean): string {
  return `${JSON.stringify(document, null, pretty ? 2 : undefined)}\n`;
}
