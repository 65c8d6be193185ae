import type { ServiceExpr, Tier } from '../../model/types.js';
import type { Path } from '../problem.js';
import { int, isRaw, list, type Reader } from './reader.js';

/**
 * The service expression: a tier name | {all: [..]} | {any: [..]} | {atLeast: k, of: [..]} |
 * {failover: {primary, standby, switchover?, success?, failback?}}.
 * Absent: every tier is required. References are checked by rules/references.
 */
export function readService(reader: Reader, raw: unknown, tiers: readonly Tier[]): ServiceExpr | undefined {
  if (raw === undefined) return { kind: 'all', of: tiers.map((t) => ({ kind: 'tier', tier: t.name })) };
  return readExpr(reader, raw, ['service']);
}

function readExpr(reader: Reader, raw: unknown, path: Path): ServiceExpr | undefined {
  if (typeof raw === 'string') return { kind: 'tier', tier: raw };
  if (!isRaw(raw)) return undefined;
  const children = (value: unknown, key: string): ServiceExpr[] | undefined => {
    const out = list(value).map((c, i) => readExpr(reader, c, [...path, key, i]));
    return out.every((c): c is ServiceExpr => c !== undefined) && out.length > 0 ? out : undefined;
  };
  if (raw['all'] !== undefined) {
    const of = children(raw['all'], 'all');
    return of && { kind: 'all', of };
  }
  if (raw['any'] !== undefined) {
    const of = children(raw['any'], 'any');
    return of && { kind: 'any', of };
  }
  const f = raw['failover'];
  if (isRaw(f)) {
    const at: Path = [...path, 'failover'];
    const primary = readExpr(reader, f['primary'], [...at, 'primary']);
    const standby = readExpr(reader, f['standby'], [...at, 'standby']);
    const switchoverSeconds = reader.duration(f['switchover'], [...at, 'switchover'], 'non-negative');
    const success = reader.fraction(f['success'], [...at, 'success'])?.value ?? 1;
    const failbackSeconds = reader.duration(f['failback'], [...at, 'failback'], 'non-negative') ?? 0;
    if (primary === undefined || standby === undefined) return undefined;
    return { kind: 'failover', primary, standby, switchoverSeconds, success, failbackSeconds };
  }
  const k = int(raw['atLeast']);
  const of = children(raw['of'], 'of');
  return k !== undefined && of ? { kind: 'atLeast', k, of } : undefined;
}

/**
 * Tiers named only on the standby side of failovers in the raw service expression (a tier
 * named anywhere else too is not standby-only): their zones are DR zones, which a primary
 * tier's `nodes: N` does not spread over.
 * @example standbyOnlyTiers({ failover: { primary: 'db', standby: 'db-dr' } }) // Set { 'db-dr' }
 */
export function standbyOnlyTiers(raw: unknown): Set<string> {
  const standby = new Set<string>();
  const elsewhere = new Set<string>();
  const visit = (x: unknown, onStandby: boolean): void => {
    if (typeof x === 'string') {
      (onStandby ? standby : elsewhere).add(x);
      return;
    }
    if (!isRaw(x)) return;
    for (const key of ['all', 'any', 'of']) for (const c of list(x[key])) visit(c, onStandby);
    const f = x['failover'];
    if (isRaw(f)) {
      visit(f['primary'], onStandby);
      visit(f['standby'], true);
    }
  };
  visit(raw, false);
  return new Set([...standby].filter((t) => !elsewhere.has(t)));
}
