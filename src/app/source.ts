/**
 * A model the use cases run on: the validated Model with the text it came from (what-ifs and
 * recommendations re-run the text) and the label of its file. {@link loadSource} makes one from
 * text for a library user; the CLI reads the file and makes it the same way.
 */
import { loadModelDocument, type ModelDocument } from '../config/load.js';
import type { AppliedOverride } from '../config/overrides.js';
import type { Problem } from '../config/problem.js';
import type { Model } from '../model/types.js';
import { setOverrides } from './what-if.js';

export type ModelSource = {
  readonly model: Model;
  /** The model text (YAML or JSON) as read, before any `--set`. */
  readonly text: string;
  /** The file label in reports and problems ("<stdin>" for standard input). */
  readonly fileLabel: string;
};

/** A source with its parsed document (positions of every field) and the `--set` overrides applied to it: what `explain` cites. */
export type DocumentSource = ModelSource & {
  readonly document: ModelDocument;
  readonly applied: readonly AppliedOverride[];
};

export type Loaded =
  | ({ readonly ok: true; readonly warnings: readonly Problem[] } & DocumentSource)
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly fileLabel: string };

/**
 * Validates model text, with `set` overrides (`'tiers.db.nodes=5'`) applied before validation.
 * A bad override throws a coded NinesError (`bad-override`); model problems are returned.
 */
export function loadSource(text: string, options: { file?: string; set?: readonly string[] } = {}): Loaded {
  const fileLabel = options.file ?? '<text>';
  const overrides = setOverrides(options.set);
  const result = loadModelDocument(text, overrides.edit);
  return result.ok
    ? {
        ok: true,
        model: result.value.model,
        text,
        fileLabel,
        warnings: result.warnings,
        document: result.value,
        applied: overrides.applied(),
      }
    : { ok: false, problems: result.problems, fileLabel };
}
