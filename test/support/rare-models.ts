/**
 * Rare-event models with closed-form unavailabilities, for the coverage of the importance
 * sampler's intervals (test/simulate/rare-coverage.test.ts, bench/issue-11.mjs). Each exact
 * figure is worked here from binomial sums or a 16-state enumeration, not by nines' code.
 */
import type { Model } from '../../src/model/types.js';
import { model, staticComponent, tier } from './reference-models.js';

const choose = (n: number, k: number): number => {
  let r = 1;
  for (let i = 0; i < k; i++) r = (r * (n - i)) / (i + 1);
  return r;
};
/** P(Binomial(n, p) ≥ k). */
export const binomialAtLeast = (n: number, p: number, k: number): number => {
  let s = 0;
  for (let j = k; j <= n; j++) s += choose(n, j) * p ** j * (1 - p) ** (n - j);
  return s;
};
/** A k-of-n tier of nodes down with probability p is down when n − k + 1 or more are. */
const kOfN = (n: number, k: number, p: number): number => binomialAtLeast(n, p, n - k + 1);
const group = (count: number, p: number, zone?: string) => ({ zone, count, failure: staticComponent(p) });
const zones = (n: number, p: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `z${i}`, region: undefined, failure: staticComponent(p) }));

/** 3 zones down w.p. 1e-3, 2 nodes each down w.p. 1e-2, 2 of the 6 needed: condition on the zones down. */
function zonesQuorum(): number {
  const pz = 1e-3;
  const pn = 1e-2;
  let q = 0;
  for (let z = 0; z <= 3; z++) {
    const alive = 2 * (3 - z);
    // Fewer than 2 of the nodes in the zones that are up are up.
    const fewer = pn ** alive + (alive >= 1 ? alive * (1 - pn) * pn ** (alive - 1) : 0);
    q += choose(3, z) * pz ** z * (1 - pz) ** (3 - z) * fewer;
  }
  return q;
}

/** 3 of 4 nodes, two down w.p. 1e-3 and two w.p. 1e-5: down when 2 or more are; all 16 states. */
function mixedThreeOfFour(): number {
  const ps = [1e-3, 1e-3, 1e-5, 1e-5];
  let q = 0;
  for (let s = 0; s < 16; s++) {
    let pr = 1;
    let down = 0;
    for (const [i, p] of ps.entries()) {
      const d = (s >> i) & 1;
      down += d;
      pr *= d === 1 ? p : 1 - p;
    }
    if (down >= 2) q += pr;
  }
  return q;
}

/**
 * 20 zones down w.p. 1e-3 and 5 tiers of one node per zone (1e-3), each needing 15 of its 20:
 * tier t is down when 6 or more of its 20 "columns" are dead (the zone, or t's node in it).
 * Tier: P(Bin(20, c) ≥ 6), c = 1 − (1 − 1e-3)²; and by conditioning on the j zones down (the
 * tiers are then independent, each down when 6 − j of its 20 − j other nodes are), service
 * Σ_j P(j)·(1 − (1 − t_j)⁵), t_j = P(Bin(20 − j, 1e-3) ≥ 6 − j), and tier Σ_j P(j)·t_j.
 * 1 − (1 − t)⁵ is −expm1(5·log1p(−t)): t_j is near 1e-14, where 1 − t rounds away its digits.
 */
export function zonesByTiers(tierCount = 5): { model: Model; service: number; tier: number; tierByColumns: number } {
  const pz = 1e-3;
  const pn = 1e-3;
  const z20 = zones(20, pz);
  const tiers = Array.from({ length: tierCount }, (_, t) =>
    tier(
      `t${t}`,
      15,
      z20.map((z) => group(1, pn, z.name)),
    ),
  );
  let service = 0;
  let one = 0;
  for (let j = 0; j <= 20; j++) {
    const pj = choose(20, j) * pz ** j * (1 - pz) ** (20 - j);
    const tj = Math.min(1, binomialAtLeast(20 - j, pn, Math.max(0, 6 - j)));
    service += pj * -Math.expm1(tierCount * Math.log1p(-tj));
    one += pj * tj;
  }
  const c = -Math.expm1(2 * Math.log1p(-pz));
  return { model: model({ zones: z20, tiers }), service, tier: one, tierByColumns: binomialAtLeast(20, c, 6) };
}

/** The models and their exact unavailabilities. */
export function rareModels(): { name: string; model: Model; exact: number }[] {
  const z20 = zones(20, 1e-3);
  return [
    { name: '3 of 5 at 1e-3', model: model({ tiers: [tier('t', 3, [group(5, 1e-3)])] }), exact: kOfN(5, 3, 1e-3) },
    { name: '5 of 8 at 1e-3', model: model({ tiers: [tier('t', 5, [group(8, 1e-3)])] }), exact: kOfN(8, 5, 1e-3) },
    {
      name: '3 zones × 2 nodes, 2 of 6',
      model: model({
        zones: zones(3, 1e-3),
        tiers: [
          tier(
            't',
            2,
            ['z0', 'z1', 'z2'].map((z) => group(2, 1e-2, z)),
          ),
        ],
      }),
      exact: zonesQuorum(),
    },
    {
      name: 'series: 2 of 3 at 1e-3, 1 of 2 at 1e-4',
      model: model({ tiers: [tier('a', 2, [group(3, 1e-3)]), tier('b', 1, [group(2, 1e-4)])] }),
      exact: 1 - (1 - kOfN(3, 2, 1e-3)) * (1 - kOfN(2, 1, 1e-4)),
    },
    {
      name: '3 of 4, two at 1e-3 and two at 1e-5',
      model: model({ tiers: [tier('t', 3, [group(2, 1e-3), group(2, 1e-5)])] }),
      exact: mixedThreeOfFour(),
    },
    {
      // A node is lost with its zone or alone: 1e-3 + (1 − 1e-3)·1e-3; down when 5 of 20 are.
      // Its C(20, 5)·2⁵ minimal cut sets are too many to enumerate: the defensive mixture runs.
      name: '20 zones × 1 node, 16 of 20',
      model: model({
        zones: z20,
        tiers: [
          tier(
            't',
            16,
            z20.map((z) => group(1, 1e-3, z.name)),
          ),
        ],
      }),
      exact: binomialAtLeast(20, 1e-3 + (1 - 1e-3) * 1e-3, 5),
    },
  ];
}

/** Runs of a simulator over seeds 1…n on every model: how many 95% intervals hold the exact figure, and the z-spread √mean(z²), z = (p̂ − q)/SE. */
export function coverageOf(
  simulate: (m: Model, seed: number) => { estimate: number; stdErr: number; ci: readonly [number, number] },
  seeds: number,
): { runs: number; covered: number; zSpread: number; models: number } {
  let covered = 0;
  let z2 = 0;
  let runs = 0;
  const models = rareModels();
  for (const { model: m, exact } of models) {
    for (let seed = 1; seed <= seeds; seed++) {
      const u = simulate(m, seed);
      if (u.ci[0] <= exact && exact <= u.ci[1]) covered++;
      z2 += ((u.estimate - exact) / u.stdErr) ** 2;
      runs++;
    }
  }
  return { runs, covered, zSpread: Math.sqrt(z2 / runs), models: models.length };
}
