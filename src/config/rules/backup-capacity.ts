import { suggest } from '../../lib/suggest.js';
import type { Normalised } from '../normalise/model.js';
import type { Reader } from '../normalise/reader.js';

/** `data.backupCapacity` names only locations some backup is stored at. */
export function backupCapacity({ parts, outline }: Normalised, reader: Reader): void {
  const used = [...new Set(parts.backups.map((b) => (b.location.kind === 'offsite' ? 'offsite' : b.location.name)))];
  for (const { name, path, at } of outline.data?.backupCapacity ?? []) {
    if (used.includes(name)) continue;
    const hint = suggest(name, used);
    const known =
      used.length === 0
        ? 'the model has no backups'
        : `${hint === undefined ? '' : `did you mean '${hint}'? `}backup locations: ${used.join(', ')}`;
    reader.report('unknown-reference', path, `'${name}' is not a location any backup is stored at (${known})`, at);
  }
}
