import { isRaw, list, str, type Raw, type Reader } from '../normalise/reader.js';

/**
 * Names are unique: regions, zones and tiers share one namespace (a drill `--fail NAME` or a
 * path `tiers.db` must mean one thing); copies and backups are unique within their lists.
 */
export function uniqueNames(raw: Raw, reader: Reader): void {
  const seen = new Map<string, string>();
  for (const section of ['regions', 'zones', 'tiers'] as const) {
    list(raw[section]).forEach((item, i) => {
      const name = isRaw(item) ? str(item['name']) : undefined;
      if (name === undefined) return;
      const first = seen.get(name);
      if (first !== undefined)
        reader.report('duplicate-name', [section, i, 'name'], `the name '${name}' is already used by ${first}`);
      else seen.set(name, `${section}[${i}]`);
    });
  }
  const data = isRaw(raw['data']) ? raw['data'] : {};
  for (const section of ['copies', 'backups'] as const) {
    const names = new Map<string, number>();
    list(data[section]).forEach((item, i) => {
      const name = isRaw(item) ? str(item['name']) : undefined;
      if (name === undefined) return;
      const first = names.get(name);
      if (first !== undefined)
        reader.report(
          'duplicate-name',
          ['data', section, i, 'name'],
          `the name '${name}' is already used by data.${section}[${first}]`,
        );
      else names.set(name, i);
    });
  }
}
