import { didYouMean } from '../../lib/suggest.js';
import type { Normalised } from '../normalise/model.js';
import { names, type Ref } from '../normalise/outline.js';
import type { Reader } from '../normalise/reader.js';

/**
 * Every reference resolves: a zone's region, a tier's zones (in `nodes`, `zones`, `region`), data.tier, copies' and backups'
 * locations, target tiers. An unknown name gets the closest known one as a suggestion.
 */
export function references({ outline }: Normalised, reader: Reader): void {
  const regions = names(outline.regions);
  const zones = names(outline.zones);
  const tiers = names(outline.tiers);
  const check = (ref: Ref | undefined, kind: string, known: readonly string[]): void => {
    if (ref === undefined || known.includes(ref.name)) return;
    const none =
      known.length === 0
        ? `; the model declares no ${kind}s`
        : didYouMean(ref.name, known) || `; known ${kind}s: ${known.join(', ')}`;
    reader.report('unknown-reference', ref.path, `unknown ${kind} '${ref.name}'${none}`, ref.at);
  };

  for (const zone of outline.zones) check(zone.region, 'region', regions);
  for (const tier of outline.tiers) {
    for (const zone of tier.declaredZones) check(zone, 'zone', zones);
    check(tier.region, 'region', regions);
    for (const zone of tier.zones ?? []) check(zone, 'zone', zones);
  }
  const data = outline.data;
  if (data) {
    check(data.tier, 'tier', tiers);
    for (const copy of data.copies) {
      check(copy.zone, 'zone', zones);
      check(copy.region, 'region', regions);
      if (copy.location?.name !== 'offsite') check(copy.location, 'location', ['offsite']);
    }
    for (const backup of data.backups) check(backup.location, 'location', ['offsite', ...zones, ...regions]);
  }
  for (const tier of outline.targetTiers) check(tier, 'tier', tiers);
}
