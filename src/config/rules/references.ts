import type { Path } from '../problem.js';
import { didYouMean } from '../../lib/suggest.js';
import { isRaw, list, str, type Raw, type Reader } from '../normalise/reader.js';

/**
 * Every reference resolves: a zone's region, a tier's zones (in `nodes`, `zones`, `region`), data.tier, copies' and backups'
 * locations, target tiers. An unknown name gets the closest known one as a suggestion.
 */
export function references(raw: Raw, reader: Reader): void {
  const names = (section: string): string[] =>
    list(raw[section]).flatMap((x) => (isRaw(x) && str(x['name']) !== undefined ? [str(x['name']) ?? ''] : []));
  const regions = names('regions');
  const zones = names('zones');
  const tiers = names('tiers');
  const check = (
    value: unknown,
    path: Path,
    kind: string,
    known: readonly string[],
    at: 'key' | 'value' = 'value',
  ): void => {
    const name = str(value);
    if (name === undefined || known.includes(name)) return;
    const none =
      known.length === 0
        ? `; the model declares no ${kind}s`
        : didYouMean(name, known) || `; known ${kind}s: ${known.join(', ')}`;
    reader.report('unknown-reference', path, `unknown ${kind} '${name}'${none}`, at);
  };

  for (const [i, z] of list(raw['zones']).entries())
    if (isRaw(z)) check(z['region'], ['zones', i, 'region'], 'region', regions);
  for (const [i, t] of list(raw['tiers']).entries()) {
    if (!isRaw(t)) continue;
    for (const [j, z] of list(t['zones']).entries()) check(z, ['tiers', i, 'zones', j], 'zone', zones);
    check(t['region'], ['tiers', i, 'region'], 'region', regions);
    const nodes = t['nodes'];
    if (Array.isArray(nodes)) {
      for (const [j, g] of nodes.entries())
        if (isRaw(g)) check(g['zone'], ['tiers', i, 'nodes', j, 'zone'], 'zone', zones);
    } else if (isRaw(nodes)) {
      for (const zone of Object.keys(nodes)) check(zone, ['tiers', i, 'nodes', zone], 'zone', zones, 'key');
    }
  }
  const data = isRaw(raw['data']) ? raw['data'] : undefined;
  if (data) {
    check(data['tier'], ['data', 'tier'], 'tier', tiers);
    list(data['copies']).forEach((c, i) => {
      if (!isRaw(c)) return;
      check(c['zone'], ['data', 'copies', i, 'zone'], 'zone', zones);
      check(c['region'], ['data', 'copies', i, 'region'], 'region', regions);
      if (c['location'] !== undefined && c['location'] !== 'offsite')
        check(c['location'], ['data', 'copies', i, 'location'], 'location', ['offsite']);
    });
    for (const [i, b] of list(data['backups']).entries())
      if (isRaw(b))
        check(b['location'], ['data', 'backups', i, 'location'], 'location', ['offsite', ...zones, ...regions]);
  }
  const targets = isRaw(raw['targets']) ? raw['targets'] : {};
  for (const [metric, value] of Object.entries(targets)) {
    const items = Array.isArray(value) ? value.map((v, i) => [v, [metric, i]] as const) : [[value, [metric]] as const];
    for (const [item, path] of items) if (isRaw(item)) check(item['tier'], ['targets', ...path, 'tier'], 'tier', tiers);
  }
}
