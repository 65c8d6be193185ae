/**
 * `cost` fields of tiers, zones, regions, the data, its copies and backups → the model's
 * price list (amounts per second, per byte per second), units parsed once here.
 */
import type { CostItem } from '../../model/cost.js';
import { parseCostRate, parseStoragePrice } from '../../units/cost.js';
import type { Path } from '../problem.js';
import { isRaw, list, str, type Raw, type Reader } from './reader.js';

type Parser = (input: unknown) => { ok: true; value: number } | { ok: false; message: string };

/** Every priced element of the raw model, in file order; empty when nothing is priced. */
export function readCosts(reader: Reader, raw: Raw): CostItem[] {
  const items: CostItem[] = [];
  const price = (value: unknown, path: Path, parse: Parser): number | undefined => reader.parsed(value, path, parse);
  const each = (
    key: 'tiers' | 'zones' | 'regions',
    container: unknown,
    base: Path,
    visit: (cost: Raw, name: string, path: Path) => void,
  ): void => {
    list(container).forEach((element, i) => {
      if (!isRaw(element) || !isRaw(element['cost'])) return;
      const name = str(element['name']);
      if (name !== undefined) visit(element['cost'], name, [...base, key, i, 'cost']);
    });
  };
  each('regions', raw['regions'], [], (cost, name, path) => {
    const fixed = price(cost['fixed'], [...path, 'fixed'], parseCostRate);
    if (fixed !== undefined) items.push({ kind: 'region', name, fixedPerSecond: fixed });
  });
  each('zones', raw['zones'], [], (cost, name, path) => {
    const fixed = price(cost['fixed'], [...path, 'fixed'], parseCostRate);
    if (fixed !== undefined) items.push({ kind: 'zone', name, fixedPerSecond: fixed });
  });
  each('tiers', raw['tiers'], [], (cost, name, path) => {
    const perNode = price(cost['perNode'], [...path, 'perNode'], parseCostRate);
    if (perNode !== undefined) items.push({ kind: 'tier', name, perNodePerSecond: perNode });
  });
  const data = raw['data'];
  if (!isRaw(data)) return items;
  const tier = str(data['tier']);
  if (isRaw(data['cost']) && tier !== undefined) {
    const stored = price(data['cost']['stored'], ['data', 'cost', 'stored'], parseStoragePrice);
    if (stored !== undefined) items.push({ kind: 'data', name: tier, perByteSecond: stored });
  }
  list(data['copies']).forEach((copy, i) => {
    if (!isRaw(copy) || !isRaw(copy['cost']) || str(copy['name']) === undefined) return;
    const path: Path = ['data', 'copies', i, 'cost'];
    const stored = price(copy['cost']['stored'], [...path, 'stored'], parseStoragePrice);
    const fixed = price(copy['cost']['fixed'], [...path, 'fixed'], parseCostRate);
    if (stored !== undefined || fixed !== undefined) {
      items.push({
        kind: 'copy',
        name: str(copy['name']) ?? '',
        perByteSecond: stored ?? 0,
        fixedPerSecond: fixed ?? 0,
      });
    }
  });
  list(data['backups']).forEach((backup, i) => {
    if (!isRaw(backup) || !isRaw(backup['cost']) || str(backup['name']) === undefined) return;
    const stored = price(backup['cost']['stored'], ['data', 'backups', i, 'cost', 'stored'], parseStoragePrice);
    if (stored !== undefined) items.push({ kind: 'backup', name: str(backup['name']) ?? '', perByteSecond: stored });
  });
  return items;
}
