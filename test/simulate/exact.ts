/**
 * Independent exact references for the simulator tests (no simulator code): binomial sums and
 * the common-cause enumeration of DESIGN §4, A_service = Σ_s P(s)·Π_tiers A_tier(s), where s runs
 * over every up/down state of the regions and zones and nodes are independent given s.
 */
import type { Model } from '../../src/model/types.js';

/** C(n, j) as a float. */
export function choose(n: number, j: number): number {
  let c = 1;
  for (let i = 1; i <= j; i++) c = (c * (n - j + i)) / i;
  return c;
}

/** P(Bin(n, p) ≥ j), summed directly (fine for the small n used in tests). */
export function binomialAtLeast(n: number, p: number, j: number): number {
  let s = 0;
  for (let i = Math.max(0, j); i <= n; i++) s += choose(n, i) * p ** i * (1 - p) ** (n - i);
  return s;
}

/**
 * Exact P(tier down) for every tier and P(service down), for a model whose tiers each have one
 * node spec, by enumerating region and zone states. Service expressions: all / any of tiers.
 */
export function exactSnapshot(model: Model): { service: number; tiers: Record<string, number> } {
  const R = model.regions.length;
  const Z = model.zones.length;
  const tierDown: Record<string, number> = Object.fromEntries(model.tiers.map((t) => [t.name, 0]));
  let serviceDown = 0;
  for (let s = 0; s < 2 ** (R + Z); s++) {
    let ps = 1;
    const regionDown = model.regions.map((r, i) => {
      const down = ((s >> i) & 1) === 1;
      const q = r.failure?.unavailability ?? 0;
      ps *= down ? q : 1 - q;
      return down;
    });
    const zoneDown = new Map<string, boolean>();
    model.zones.forEach((z, i) => {
      const own = ((s >> (R + i)) & 1) === 1;
      const q = z.failure?.unavailability ?? 0;
      ps *= own ? q : 1 - q;
      const r = z.region === undefined ? -1 : model.regions.findIndex((x) => x.name === z.region);
      zoneDown.set(z.name, own || (r >= 0 && regionDown[r] === true));
    });
    if (ps === 0) continue;
    const downGivenS = model.tiers.map((t) => {
      // Nodes in down zones are lost; the others fail independently with the node q.
      let lost = 0;
      let alive = 0;
      for (const g of t.groups) {
        if (g.zone !== undefined && zoneDown.get(g.zone) === true) lost += g.count;
        else alive += g.count;
      }
      const p = t.failure.unavailability;
      const pDown = binomialAtLeast(alive, p, t.nodes - t.minHealthy + 1 - lost);
      tierDown[t.name] = (tierDown[t.name] ?? 0) + ps * pDown;
      return pDown;
    });
    const svc = model.service;
    if (svc.kind === 'all') serviceDown += ps * (1 - downGivenS.reduce((a, d) => a * (1 - d), 1));
    else if (svc.kind === 'any') serviceDown += ps * downGivenS.reduce((a, d) => a * d, 1);
    else throw new Error('exactSnapshot: only all/any of tiers');
  }
  return { service: serviceDown, tiers: tierDown };
}
