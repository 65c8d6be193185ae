/**
 * Minimal cut sets of a reported event (the service outage or one tier down) of a flattened
 * model: the minimal sets of components whose joint failure causes the event. The event is
 * exactly the union over its minimal cut sets of "every component of the set is down"
 * (coherent structure; Barlow & Proschan, Statistical Theory of Reliability and Life Testing,
 * 1975, §1.3). Only components that can fail (q > 0) appear. Enumeration stops (undefined)
 * beyond a budget, since the count can grow combinatorially.
 */
import { OP_ALL, OP_ANY, OP_AT_LEAST, OP_FAILOVER, OP_TIER, type FlatStructure } from './flat-structure.js';

/** A family of cut sets: each a sorted list of component indices. */
export type CutSetFamily = readonly (readonly number[])[];

/** Most cut sets kept for one event (and for any intermediate family). */
export const MAX_CUT_SETS = 4096;
/** Most raw candidates (before removing supersets) and search states explored. */
const MAX_WORK = 1 << 16;
/** Most failure domains (or service children) one cut set combines: bounds the search depth. */
const MAX_DOMAINS = 64;

class Budget {
  work = 0;
  spend(n: number): boolean {
    this.work += n;
    return this.work <= MAX_WORK;
  }
}

/**
 * The minimal cut sets of `event` (−1 the service, t ≥ 0 tier t), or undefined past the budget.
 * [] means the event cannot happen; [[]] that it always happens.
 * @example minimalCutSets(flattenStructure(model), 0) // [[3, 4, 5]] for a 1-of-3 tier of nodes 3..5
 */
export function minimalCutSets(m: FlatStructure, event: number, maxSets = MAX_CUT_SETS): CutSetFamily | undefined {
  const budget = new Budget();
  const memo = new Map<number, CutSetFamily | undefined>();
  const tierSets = (t: number): CutSetFamily | undefined => {
    if (!memo.has(t)) memo.set(t, tierCutSets(m, t, maxSets, budget));
    return memo.get(t);
  };
  if (event >= 0) return tierSets(event);
  return programCutSets(m, tierSets, maxSets, budget);
}

/**
 * The minimal sets of tiers whose joint outage takes the service down: the service program
 * over tier t as the family [[t]] (a tier is one basic event here), or undefined past the budget.
 * @example serviceTierCutSets(flattenStructure(model)) // [[0], [1]] for the series of two tiers
 */
export function serviceTierCutSets(m: FlatStructure, maxSets = MAX_CUT_SETS): CutSetFamily | undefined {
  return programCutSets(m, (t) => [[t]], maxSets, new Budget());
}

/** Runs the postfix service program over cut-set families, tier t's family from `leaf`. */
function programCutSets(
  m: FlatStructure,
  leaf: (t: number) => CutSetFamily | undefined,
  maxSets: number,
  budget: Budget,
): CutSetFamily | undefined {
  const stack: CutSetFamily[] = [];
  const p = m.program;
  for (let pc = 0; pc < p.length; pc += 3) {
    const op = p[pc] ?? 0;
    const a = p[pc + 1] ?? 0;
    if (op === OP_TIER) {
      const f = leaf(a);
      if (f === undefined) return undefined;
      stack.push(f);
      continue;
    }
    const kids = stack.splice(stack.length - a, a);
    // all: down if any child is down; any: if every child is; atLeast b: if more than a − b are.
    const need =
      op === OP_ALL ? 1 : op === OP_ANY || op === OP_FAILOVER ? a : op === OP_AT_LEAST ? a - (p[pc + 2] ?? 0) + 1 : NaN;
    if (Number.isNaN(need)) throw new Error(`cut sets: bad opcode ${op}`);
    const f = atLeastOf(kids, need, maxSets, budget);
    if (f === undefined) return undefined;
    stack.push(f);
  }
  return stack[0] ?? [];
}

/** Cut sets of "at least `need` of the children down": ∪ over `need`-subsets of their products. */
function atLeastOf(kids: CutSetFamily[], need: number, maxSets: number, budget: Budget): CutSetFamily | undefined {
  if (need <= 0) return [[]];
  if (need > kids.length) return [];
  if (need > MAX_DOMAINS) return undefined;
  let raw: (readonly number[])[] = [];
  const pick = (from: number, left: number, acc: CutSetFamily): boolean => {
    if (left === 0) {
      raw.push(...acc);
      if (!budget.spend(acc.length)) return false;
      if (raw.length > maxSets * 4) {
        const kept = minimise(raw, maxSets);
        if (kept === undefined) return false;
        raw = [...kept];
      }
      return true;
    }
    for (let i = from; i <= kids.length - left; i++) {
      const next = product(acc, kids[i] ?? [], maxSets, budget);
      if (next === undefined || !pick(i + 1, left - 1, next)) return false;
    }
    return true;
  };
  if (!pick(0, need, [[]])) return undefined;
  return minimise(raw, maxSets);
}

/** Minimal sets of {a ∪ b : a ∈ A, b ∈ B}. */
function product(A: CutSetFamily, B: CutSetFamily, maxSets: number, budget: Budget): CutSetFamily | undefined {
  if (!budget.spend(A.length * B.length)) return undefined;
  const raw: number[][] = [];
  for (const a of A) for (const b of B) raw.push(union(a, b));
  return minimise(raw, maxSets);
}

function union(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i] ?? Infinity;
    const y = b[j] ?? Infinity;
    if (x <= y) i++;
    if (y <= x) j++;
    out.push(Math.min(x, y));
  }
  return out;
}

/**
 * Drops duplicates and supersets (smallest first); undefined when more than maxSets remain.
 * A set is tested against the kept sets strictly smaller than it (a set of the same size is a
 * superset only when equal: a duplicate, found by its key), so n sets of one size cost O(n·size),
 * not O(n²·size) (the 999-of-1000 cut sets of a 2-of-1000 tier); and only against those whose
 * first member it holds (a superset holds every member), not against every smaller set.
 */
export function minimise(sets: readonly (readonly number[])[], maxSets: number): CutSetFamily | undefined {
  const sorted = [...sets].sort((x, y) => x.length - y.length);
  const kept: (readonly number[])[] = [];
  // The kept smaller sets by their first member (−1: the empty set, a subset of every set).
  const byFirst = new Map<number, Set<number>[]>();
  let sameSize: (readonly number[])[] = [];
  const keys = new Set<string>();
  const holdsSmaller = (s: readonly number[]): boolean => {
    if (byFirst.has(-1)) return true;
    for (const x of s) {
      if (byFirst.get(x)?.some((k) => isSubset(k, s))) return true;
    }
    return false;
  };
  for (const s of sorted) {
    if (sameSize.length > 0 && (sameSize[0]?.length ?? 0) < s.length) {
      for (const x of sameSize) {
        const first = x[0] ?? -1;
        const list = byFirst.get(first);
        if (list === undefined) byFirst.set(first, [new Set(x)]);
        else list.push(new Set(x));
      }
      sameSize = [];
    }
    const key = s.join(',');
    if (keys.has(key) || holdsSmaller(s)) continue;
    keys.add(key);
    kept.push(s);
    sameSize.push(s);
    if (kept.length > maxSets) return undefined;
  }
  return kept;
}

function isSubset(k: Set<number>, s: readonly number[]): boolean {
  if (k.size > s.length) return false;
  let hit = 0;
  for (const x of s) if (k.has(x)) hit++;
  return hit === k.size;
}

/**
 * Minimal cut sets of tier t: a set D of failed regions and zones covering cov(D) of the tier's
 * nodes, plus any th − cov(D) failed nodes outside D, where th = n − k + 1 and every member of
 * D is needed (cov(D \ e) < min(th, cov(D))). These are exactly the minimal cut sets of the
 * tier: a node in a cut set must be uncovered, and exactly th − cov(D) of them are needed.
 */
function tierCutSets(m: FlatStructure, t: number, maxSets: number, budget: Budget): CutSetFamily | undefined {
  const R = m.regionCount;
  const Z = m.zoneCount;
  const th = m.tierThreshold[t] ?? 0;
  if (th <= 0) return [[]];
  const nodes: number[] = [];
  for (let n = 0; n < m.nodeCount; n++) if (m.nodeTier[n] === t) nodes.push(n);
  if (th > nodes.length) return [];
  // Failure domains that cover at least one node of the tier, each as the zones it covers.
  const domains: { comp: number; zones: number[] }[] = [];
  for (let r = 0; r < R; r++) {
    const zones: number[] = [];
    for (let j = m.regionZoneStart[r] ?? 0; j < (m.regionZoneStart[r + 1] ?? 0); j++) zones.push(m.regionZones[j] ?? 0);
    if ((m.q[r] ?? 0) > 0 && zones.some((z) => (m.tierZoneNodes[t * Z + z] ?? 0) > 0)) domains.push({ comp: r, zones });
  }
  for (let z = 0; z < Z; z++)
    if ((m.q[R + z] ?? 0) > 0 && (m.tierZoneNodes[t * Z + z] ?? 0) > 0) domains.push({ comp: R + z, zones: [z] });
  const zoneCover = new Int32Array(Z);
  const cover = (): number => {
    let c = 0;
    for (let z = 0; z < Z; z++) if ((zoneCover[z] ?? 0) > 0) c += m.tierZoneNodes[t * Z + z] ?? 0;
    return c;
  };
  const toggle = (d: { zones: number[] }, by: number): void => {
    for (const z of d.zones) zoneCover[z] = (zoneCover[z] ?? 0) + by;
  };
  const out: number[][] = [];
  const chosen: number[] = [];
  const visit = (from: number): boolean => {
    // The depth is the number of failed domains in the set: past MAX_DOMAINS, give up (the
    // caller falls back to a proposal that needs no cut sets) rather than recurse without bound.
    if (!budget.spend(1) || chosen.length > MAX_DOMAINS) return false;
    const cov = cover();
    // A member that is not needed stays unneeded in every superset: prune.
    if (!chosen.every((i) => needed(i, cov))) return true;
    {
      const need = Math.max(0, th - cov);
      const free = nodes.filter(
        (n) => (m.q[R + Z + n] ?? 0) > 0 && ((m.nodeZone[n] ?? -1) < 0 || (zoneCover[m.nodeZone[n] ?? 0] ?? 0) === 0),
      );
      if (need <= free.length) {
        const count = choose(free.length, need);
        if (out.length + count > maxSets || !budget.spend(count)) return false;
        const base = chosen.map((i) => domains[i]?.comp ?? 0);
        combinations(free, need, (pickNodes) =>
          out.push([...base, ...pickNodes.map((n) => R + Z + n)].sort((x, y) => x - y)),
        );
      }
    }
    if (cov >= th) return true;
    for (let i = from; i < domains.length; i++) {
      const d = domains[i];
      if (d === undefined) continue;
      chosen.push(i);
      toggle(d, 1);
      const ok = visit(i + 1);
      toggle(d, -1);
      chosen.pop();
      if (!ok) return false;
    }
    return true;
  };
  const needed = (i: number, cov: number): boolean => {
    const d = domains[i];
    if (d === undefined) return false;
    toggle(d, -1);
    const without = cover();
    toggle(d, 1);
    return without < Math.min(th, cov);
  };
  return visit(0) ? out : undefined;
}

function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

/** Every k-subset of items in lexicographic order, iteratively (k may be in the thousands). */
function combinations(items: readonly number[], k: number, emit: (pick: number[]) => void): void {
  const n = items.length;
  if (k > n) return;
  const index = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    emit(index.map((i) => items[i] ?? 0));
    let j = k - 1;
    while (j >= 0 && (index[j] ?? 0) === n - k + j) j--;
    if (j < 0) return;
    index[j] = (index[j] ?? 0) + 1;
    for (let l = j + 1; l < k; l++) index[l] = (index[l - 1] ?? 0) + 1;
  }
}
