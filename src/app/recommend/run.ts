/**
 * The recommend use case (`nines recommend`): a validated model, its `--set` what-ifs, `--fail`
 * drill and `--target` flags → ranked single changes, each verified by a re-run, the view its
 * renderers show and the JSON document. A bad `--target` or `--fail` is a coded error. No I/O.
 */
import { modelInfo } from '../../report/json/analysis.js';
import { envelope } from '../../report/json/envelope.js';
import type { RecommendResult } from '../../report/recommend-view.js';
import type { ModelSource } from '../source.js';
import { drillFor, overridesJson, targetFlags } from '../what-if.js';
import { recommend } from './index.js';

export type RecommendOptions = {
  /** `--target` texts, e.g. 'availability>=99.99%' (they replace the file's of the same metric and scope). */
  readonly targets?: readonly string[] | undefined;
  /** The `--set` what-ifs the source was loaded with: every candidate is tried on top of them. */
  readonly set?: readonly string[] | undefined;
  /** `--fail` drill names. */
  readonly fail?: readonly string[] | undefined;
};

export type RecommendOutcome = { readonly view: RecommendResult; readonly document: Record<string, unknown> };

/**
 * Recommends changes to a model.
 * @example runRecommend(loadSource(text), { targets: ['availability>=99.99%'] }).view.recommendations[0]?.argument
 */
export function runRecommend(source: ModelSource, options: RecommendOptions = {}): RecommendOutcome {
  const targets = targetFlags(options.targets);
  drillFor(source.model, options.fail); // validates the --fail names (exit 2 on a bad one)
  const result = recommend({
    text: source.text,
    file: source.fileLabel,
    set: options.set ?? [],
    targets,
    fail: options.fail ?? [],
  });
  if (result === undefined) throw new Error('the model that validated did not validate again');
  const document = {
    ...envelope('recommend'),
    model: modelInfo(source.model, source.fileLabel),
    ...result,
    overrides: overridesJson(options.set, options.fail),
  };
  return { view: result, document };
}
