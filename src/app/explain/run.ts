/**
 * The explain use case (`nines explain`): a validated model with its document → the derivation
 * of each figure asked for (with a `--fail` drill, of the drilled model's), the view its
 * renderers show and the JSON document. An unknown figure is a coded error. No I/O.
 */
import { analyzeModel } from '../../analytic/analyze-model.js';
import { ninesError } from '../../errors.js';
import { modelInfo } from '../../report/json/analysis.js';
import { envelope } from '../../report/json/envelope.js';
import type { ExplainView } from '../../report/text/explain.js';
import type { DocumentSource } from '../source.js';
import { drillFor, overridesJson } from '../what-if.js';
import { explain } from './index.js';

export type ExplainOptions = {
  /** Figure ids or jq paths of `analyze --json` (default: the headline figures). */
  readonly figures?: readonly string[] | undefined;
  /** The `--set` what-ifs the source was loaded with (for the document). */
  readonly set?: readonly string[] | undefined;
  /** `--fail` drill names. */
  readonly fail?: readonly string[] | undefined;
};

export type ExplainOutcome = { readonly view: ExplainView; readonly document: Record<string, unknown> };

/**
 * Explains figures of a model loaded with its document.
 * @example runExplain(loaded, { figures: ['rto[region]'] }).view.explanations[0].value
 */
export function runExplain(source: DocumentSource, options: ExplainOptions = {}): ExplainOutcome {
  const drill = drillFor(source.document.model, options.fail);
  const model = drill?.model ?? source.document.model;
  const analysis = analyzeModel(model, { cutSets: true });
  const context = {
    document: { ...source.document, model },
    file: source.fileLabel,
    applied: source.applied,
    failed: options.fail ?? [],
  };
  const result = explain(context, analysis, options.figures ?? []);
  if (!result.ok) throw ninesError('bad-figure', result.message);
  const document = {
    ...envelope('explain'),
    model: modelInfo(model, source.fileLabel),
    explanations: result.explanations,
    overrides: overridesJson(options.set, options.fail),
  };
  return { view: { explanations: result.explanations }, document };
}
