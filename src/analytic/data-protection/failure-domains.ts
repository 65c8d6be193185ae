/**
 * Where things live and which disruptions reach them. A disruption leaves only what is
 * outside its failure domain (DESIGN §4).
 */
import type { Location, Model } from '../../model/types.js';

/**
 * A placement: `zone` scope for nodes and zone locations (zone `undefined`: an unplaced node,
 * which shares the fate of an unplaced primary), `region` scope for regional storage (spread
 * over the region's zones: survives a zone loss), `offsite` for outside every modelled domain.
 */
export type Place = {
  readonly scope: 'zone' | 'region' | 'offsite';
  readonly zone: string | undefined;
  readonly region: string | undefined;
};

/** The place of a node group (or any zone-scoped thing) in `zone`. */
export function placeOfZone(model: Model, zone: string | undefined): Place {
  const region = zone === undefined ? undefined : model.zones.find((z) => z.name === zone)?.region;
  return { scope: 'zone', zone, region };
}

/** The place of a copy's or backup's location. */
export function placeOfLocation(model: Model, location: Location): Place {
  switch (location.kind) {
    case 'zone':
      return placeOfZone(model, location.name);
    case 'region':
      return { scope: 'region', zone: undefined, region: location.name };
    case 'offsite':
      return { scope: 'offsite', zone: undefined, region: undefined };
    default: {
      const never: never = location;
      throw new Error(`unknown location ${String(never)}`);
    }
  }
}

/**
 * Whether the loss of the primary's zone (or region) takes `place` with it: a zone loss takes
 * what is zone-scoped in the primary's zone; a region loss takes everything not offsite in the
 * primary's region (an unplaced primary's "region" is everything without a named region).
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
