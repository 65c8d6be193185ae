import type { ServiceExpr, Tier } from '../../model/types.js';
import { int, isRaw, list } from './reader.js';

/**
 * The service expression: a tier name | {all: [..]} | {any: [..]} | {atLeast: k, of: [..]}.
 * Absent: every tier is required. References are checked by rules/references.
 */
export function readService(raw: unknown, tiers: readonly Tier[]): ServiceExpr | undefined {
  if (raw === undefined) return { kind: 'all', of: tiers.map((t) => ({ kind: 'tier', tier: t.name })) };
  return readExpr(raw);
}

function readExpr(raw: unknown): ServiceExpr | undefined {
  if (typeof raw === 'string') return { kind: 'tier', tier: raw };
  if (!isRaw(raw)) return undefined;
  const children = (value: unknown): ServiceExpr[] | undefined => {
    const out = list(value).map(readExpr);
    return out.every((c): c is ServiceExpr => c !== undefined) && out.length > 0 ? out : undefined;
  };
  if (raw['all'] !== undefined) {
    const of = children(raw['all']);
    return of && { kind: 'all', of };
  }
  if (raw['any'] !== undefined) {
    const of = children(raw['any']);
    return of && { kind: 'any', of };
  }
  const k = int(raw['atLeast']);
  const of = children(raw['of']);
  return k !== undefined && of ? { kind: 'atLeast', k, of } : undefined;
}
