/**
 * The design-review report as format-neutral data: sections of blocks whose figures point into
 * the JSON documents they came from (analyze, check, simulate). The HTML and Markdown renderers
 * only lay these out; a figure's text is always formatted from the document's own value, so the
 * report cannot say something the JSON does not.
 */
import type { AvailabilityResult } from '../analytic/availability/index.js';
import type { DataProtectionResult } from '../analytic/data-protection/index.js';
import type { GateRecord, GateResult } from '../gate/index.js';
import type { SimulationResult } from '../simulate/types.js';
import type { Topology } from './diagram/topology.js';

type Envelope = {
  readonly schemaVersion: 1;
  readonly command: string;
  readonly tool: { readonly name: string; readonly version: string };
};
type ModelBlock = {
  readonly model: { readonly name: string; readonly description?: string; readonly file: string };
  /** The what-if (`--set`) and drill (`--fail`) flags the figures were computed with. */
  readonly overrides?: { readonly set: readonly string[]; readonly fail: readonly string[] };
};

/** `nines analyze --json`. */
export type AnalyzeDocument = Envelope &
  ModelBlock &
  AvailabilityResult & { readonly dataProtection?: DataProtectionResult };
/** `nines check --json` (analytic method). */
export type CheckDocument = Envelope &
  ModelBlock & {
    readonly status: GateResult['status'];
    readonly exitCode: number;
    readonly summary: GateResult['summary'];
    readonly records: readonly GateRecord[];
  };
/** `nines simulate --json`. */
export type SimulateDocument = Envelope & ModelBlock & { readonly simulation: SimulationResult };

/**
 * What a report is rendered from. Each document is exactly what its command prints with
 * `--json`; the HTML report embeds them. A new kind of input (a sweep, a plan) is one more
 * optional document here and one more section builder.
 */
export type ReportDocuments = {
  readonly analyze: AnalyzeDocument;
  readonly check: CheckDocument;
  readonly simulate?: SimulateDocument;
};

/** What section builders see: the documents and the model's topology. */
export type ReportInput = { readonly documents: ReportDocuments; readonly topology: Topology };

export type Tone = 'good' | 'bad' | 'warn' | 'muted';

/** A shown figure: its text, and where it sits in the documents (dotted path) with its value. */
export type Figure = {
  readonly text: string;
  readonly path?: string;
  readonly value?: unknown;
  readonly tone?: Tone;
  readonly code?: boolean;
};

/** Table cells, list items and paragraphs are runs of plain strings and figures. */
export type Inline = string | Figure;
export type Cell = Inline | readonly Inline[];

export type Table = {
  readonly head: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** 'r' for numeric columns. */
  readonly align?: readonly ('l' | 'r')[];
};

/** A chart: a Vega-Lite spec, the marks it must draw (for tests), and its data as a table. */
export type Chart = {
  readonly id: string;
  readonly title: string;
  /** One sentence saying what it shows (figcaption, alt text). */
  readonly caption: string;
  readonly spec: Readonly<Record<string, unknown>>;
  /** Vega mark type → how many marks of it the chart must draw, e.g. { rect: 8 }. */
  readonly marks: Readonly<Record<string, number>>;
  /** The same data as a table: the Markdown report shows it in place of the picture. */
  readonly table: Table;
};

export type Block =
  | { readonly kind: 'paragraph'; readonly text: readonly Inline[] }
  | { readonly kind: 'facts'; readonly items: readonly { readonly label: string; readonly value: Cell }[] }
  | { readonly kind: 'table'; readonly table: Table }
  | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: 'chart'; readonly chart: Chart }
  | { readonly kind: 'diagram'; readonly topology: Topology; readonly chart: Chart };

export type Section = { readonly id: string; readonly title: string; readonly blocks: readonly Block[] };

export type ReportView = {
  readonly title: string;
  readonly subtitle: string | undefined;
  readonly sections: readonly Section[];
  readonly documents: ReportDocuments;
};

/** A section builder: undefined when the documents have nothing for it. */
export type SectionBuilder = (input: ReportInput) => Section | undefined;

/** The value at a dotted path ("analyze.tiers.0.unavailability") of the documents. */
export function valueAt(documents: ReportDocuments, path: string): unknown {
  let value: unknown = documents;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * A figure read from the documents and formatted from that value; `nullText` ("—") when it
 * is null (a figure that does not exist). Throws on a path that is not in the documents: a bug.
 * @example figure(docs, 'analyze.service.nines', (n) => n.toFixed(2))
 */
export function figure(
  documents: ReportDocuments,
  path: string,
  format: (value: number) => string,
  tone?: Tone,
  nullText = '—',
): Figure {
  const value = valueAt(documents, path);
  if (value === undefined) throw new Error(`report: no figure at ${path}`);
  const text = value === null ? nullText : format(value as number);
  return { text, path, value, ...(tone === undefined ? {} : { tone }) };
}
