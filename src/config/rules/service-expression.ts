import { didYouMean } from '../../lib/suggest.js';
import type { Normalised } from '../normalise/model.js';
import { names, type ExprOutline } from '../normalise/outline.js';
import type { Reader } from '../normalise/reader.js';
import { formatPath } from '../problem.js';

/**
 * The service expression names existing tiers, each at most once; `atLeast: k` has at least k
 * alternatives; a failover's primary and standby are expressions like any other. A tier left
 * out of the service is legal but worth a warning.
 */
export function serviceExpression({ outline }: Normalised, reader: Reader): void {
  if (outline.service === undefined) return;
  const tiers = names(outline.tiers);
  const used = new Map<string, string>();
  let unknown = 0;
  const visit = (expr: ExprOutline | undefined): void => {
    if (expr === undefined) return;
    if (expr.kind === 'tier') {
      const { name, path } = expr;
      if (!tiers.includes(name)) {
        unknown++;
        reader.report(
          'unknown-reference',
          path,
          `unknown tier '${name}'${didYouMean(name, tiers) || `; known tiers: ${tiers.join(', ')}`}`,
        );
      } else if (used.has(name)) {
        reader.report(
          'duplicate-reference',
          path,
          `tier '${name}' appears twice in the service expression (first at ${used.get(name) ?? ''}); name each tier once`,
        );
      } else {
        used.set(name, formatPath(path));
      }
      return;
    }
    for (const child of expr.children) visit(child);
    visit(expr.failover?.primary);
    visit(expr.failover?.standby);
    if (expr.atLeast !== undefined && expr.atLeast > expr.alternatives)
      reader.report(
        'quorum-exceeds-nodes',
        [...expr.path, 'atLeast'],
        `atLeast ${expr.atLeast} of only ${expr.alternatives} alternative(s) can never hold`,
      );
  };
  visit(outline.service);
  // A tier left out because of a misspelt reference is already reported; say it once.
  if (unknown > 0) return;
  for (const { name, path } of outline.tiers) {
    if (name !== undefined && !used.has(name) && tiers.length > 0) {
      reader.report(
        'unused-tier',
        [...path, 'name'],
        `tier '${name}' is not part of the service expression, so it does not affect availability`,
        'value',
        'warning',
      );
    }
  }
}
