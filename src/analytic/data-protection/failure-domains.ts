/**
 * Which disruptions reach what, over the resolved model's places (zone and region indices).
 * A disruption leaves only what is outside its failure domain (DESIGN §4).
 */
import type { Place } from '../../model/resolve.js';
import type { Location } from '../../model/data-protection.js';

/**
 * Whether the loss of the primary's zone (or region) takes `place` with it: a zone loss takes
 * what is zone-scoped in the primary's zone; a region loss takes everything not offsite in the
 * primary's region (an unplaced primary's "region", −1, is everything without a named region).
 * Places are by index, from the resolved model ({@link Place}).
 */
export function lostWith(place: Place, domain: 'zone' | 'region', primary: Place): boolean {
  if (place.scope === 'offsite') return false;
  if (domain === 'zone') return place.scope === 'zone' && place.zone === primary.zone;
  return place.region === primary.region;
}

/** "zone eu-1a", "region eu", "offsite". */
export function describeLocation(location: Location): string {
  return location.kind === 'offsite' ? 'offsite' : `${location.kind} ${location.name}`;
}

/** A stable key for grouping by location. */
export function locationKey(location: Location): string {
  return location.kind === 'offsite' ? 'offsite' : `${location.kind}:${location.name}`;
}
