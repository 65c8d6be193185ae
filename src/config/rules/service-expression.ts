import { formatPath, type Path } from '../problem.js';
import { didYouMean } from '../../lib/suggest.js';
import { isRaw, list, str, type Raw, type Reader } from '../normalise/reader.js';

/**
 * The service expression names existing tiers, each at most once; `atLeast: k` has at least k
 * alternatives; a failover's primary and standby are expressions like any other. A tier left out of the service is legal but worth a warning.
 */
export function serviceExpression(raw: Raw, reader: Reader): void {
  if (raw['service'] === undefined) return;
  const tiers = list(raw['tiers']).flatMap((t) =>
    isRaw(t) && str(t['name']) !== undefined ? [str(t['name']) ?? ''] : [],
  );
  const used = new Map<string, string>();
  let unknown = 0;
  const visit = (expr: unknown, path: Path): void => {
    if (typeof expr === 'string') {
      if (!tiers.includes(expr)) {
        unknown++;
        reader.report(
          'unknown-reference',
          path,
          `unknown tier '${expr}'${didYouMean(expr, tiers) || `; known tiers: ${tiers.join(', ')}`}`,
        );
      } else if (used.has(expr)) {
        reader.report(
          'duplicate-reference',
          path,
          `tier '${expr}' appears twice in the service expression (first at ${used.get(expr) ?? ''}); name each tier once`,
        );
      } else {
        used.set(expr, formatPath(path));
      }
      return;
    }
    if (!isRaw(expr)) return;
    for (const key of ['all', 'any', 'of'] as const)
      for (const [i, child] of list(expr[key]).entries()) visit(child, [...path, key, i]);
    const failover = expr['failover'];
    if (isRaw(failover)) {
      for (const side of ['primary', 'standby'] as const) visit(failover[side], [...path, 'failover', side]);
    }
    const k = expr['atLeast'];
    const n = list(expr['of']).length;
    if (typeof k === 'number' && k > n)
      reader.report(
        'quorum-exceeds-nodes',
        [...path, 'atLeast'],
        `atLeast ${k} of only ${n} alternative(s) can never hold`,
      );
  };
  visit(raw['service'], ['service']);
  // A tier left out because of a misspelt reference is already reported; say it once.
  if (unknown > 0) return;
  list(raw['tiers']).forEach((t, i) => {
    const name = isRaw(t) ? str(t['name']) : undefined;
    if (name !== undefined && !used.has(name) && tiers.length > 0) {
      reader.report(
        'unused-tier',
        ['tiers', i, 'name'],
        `tier '${name}' is not part of the service expression, so it does not affect availability`,
        'value',
        'warning',
      );
    }
  });
}
