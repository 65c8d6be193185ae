import type { Location } from '../../model/data-protection.js';
import type { Region, Zone } from '../../model/types.js';
import { str } from './reader.js';

/** The failure domains a location may name. */
export type Domains = { readonly zones: readonly Zone[]; readonly regions: readonly Region[] };

/** A location name → zone | region | offsite (unknown names are reported by rules/references). */
export function readLocation(raw: unknown, domains: Domains, only?: 'zone' | 'region'): Location | undefined {
  const name = str(raw);
  if (name === undefined) return undefined;
  if (name === 'offsite' && only === undefined) return { kind: 'offsite' };
  if (only !== 'region' && domains.zones.some((z) => z.name === name)) return { kind: 'zone', name };
  if (only !== 'zone' && domains.regions.some((r) => r.name === name)) return { kind: 'region', name };
  return undefined;
}
