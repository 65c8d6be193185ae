import type { Normalised } from '../normalise/model.js';
import type { Declared } from '../normalise/outline.js';
import type { Reader } from '../normalise/reader.js';

/**
 * Names are unique: regions, zones and tiers share one namespace (a drill `--fail NAME` or a
 * path `tiers.db` must mean one thing); copies and backups are unique within their lists.
 */
export function uniqueNames({ outline }: Normalised, reader: Reader): void {
  const seen = new Map<string, string>();
  for (const section of ['regions', 'zones', 'tiers'] as const) {
    for (const { name, path } of outline[section]) {
      if (name === undefined) continue;
      const first = seen.get(name);
      if (first !== undefined)
        reader.report('duplicate-name', [...path, 'name'], `the name '${name}' is already used by ${first}`);
      else seen.set(name, `${section}[${String(path[1])}]`);
    }
  }
  const unique = (section: 'copies' | 'backups', items: readonly Declared[]): void => {
    const first = new Map<string, string>();
    for (const { name, path } of items) {
      if (name === undefined) continue;
      const at = first.get(name);
      if (at !== undefined)
        reader.report(
          'duplicate-name',
          [...path, 'name'],
          `the name '${name}' is already used by data.${section}[${at}]`,
        );
      else first.set(name, String(path[2]));
    }
  };
  unique('copies', outline.data?.copies ?? []);
  unique('backups', outline.data?.backups ?? []);
}
