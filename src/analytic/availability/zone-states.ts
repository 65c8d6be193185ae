/**
 * Enumeration of the joint up/down states of zones and regions (the common-cause domains).
 * Regions come first: when a region is down its zones are down whatever their own state, so
 * their own states are not enumerated (they are "masked", marginalised out).
 */

/** Unavailability of every zone and region, and each zone's region index (−1: none). */
export type DomainSpace = {
  readonly zoneQ: readonly number[];
  readonly regionQ: readonly number[];
  readonly zoneRegion: readonly number[];
};

/** A zone's own state in an enumerated state: up, down, or masked by its region being down. */
export const OWN_UP = 0;
export const OWN_DOWN = 1;
export const OWN_MASKED = 2;

/** One joint state, valid only during the visit call (the arrays are reused). */
export type DomainState = {
  readonly probability: number;
  /** A zone is down if it or its region is down. */
  readonly zoneDown: readonly boolean[];
  readonly regionDown: readonly boolean[];
  readonly zoneOwn: readonly number[];
};

export type Enumeration = {
  readonly states: number;
  /** Total probability of the states skipped as negligible: a bound on what is missing. */
  readonly prunedProbability: number;
  readonly pruneBelow: number;
};

/** Most states visited before the enumeration starts pruning improbable states. */
export const MAX_STATES = 100_000;

type Decision = { readonly kind: 'region' | 'zone'; readonly index: number };

function decisions(space: DomainSpace): Decision[] {
  const out: Decision[] = [];
  space.regionQ.forEach((_, r) => {
    out.push({ kind: 'region', index: r });
    space.zoneRegion.forEach((zr, z) => {
      if (zr === r) out.push({ kind: 'zone', index: z });
    });
  });
  space.zoneRegion.forEach((zr, z) => {
    if (zr < 0 || zr >= space.regionQ.length) out.push({ kind: 'zone', index: z });
  });
  return out;
}

/**
 * Depth-first walk over the joint states with P(s) = Π of the domains' factors, skipping states
 * of probability 0 and (when pruneBelow > 0) whole subtrees whose probability is below
 * pruneBelow, whose mass is added to prunedProbability. Stops early (returning undefined) when
 * more than maxStates states would be visited.
 */
function walk(
  space: DomainSpace,
  pruneBelow: number,
  maxStates: number,
  visit: ((s: DomainState) => void) | undefined,
): Enumeration | undefined {
  const plan = decisions(space);
  const zoneDown = space.zoneQ.map(() => false);
  const regionDown = space.regionQ.map(() => false);
  const zoneOwn = space.zoneQ.map(() => OWN_UP);
  let states = 0;
  let pruned = 0;
  let over = false;
  // Depth-first with an explicit stack (one level per decision, so thousands of zones cannot
  // overflow the call stack): prob[i] is the state's probability so far at level i, branch[i]
  // the next branch to take there (0: up, 1: down, 2: done).
  const prob = new Float64Array(plan.length + 1);
  const branch = new Uint8Array(plan.length + 1);
  prob[0] = 1;
  let i = 0;
  while (i >= 0 && !over) {
    const d = plan[i];
    const p = prob[i] ?? 0;
    if (d === undefined) {
      states++;
      if (states > maxStates) over = true;
      else visit?.({ probability: p, zoneDown, regionDown, zoneOwn });
      i--;
      continue;
    }
    const b = branch[i] ?? 2;
    if (b >= 2) {
      i--;
      continue;
    }
    const zr = d.kind === 'zone' ? (space.zoneRegion[d.index] ?? -1) : -1;
    if (d.kind === 'zone' && zr >= 0 && regionDown[zr] === true) {
      // Masked by its region: one branch only.
      branch[i] = 2;
      zoneDown[d.index] = true;
      zoneOwn[d.index] = OWN_MASKED;
      prob[i + 1] = p;
      branch[i + 1] = 0;
      i++;
      continue;
    }
    branch[i] = b + 1;
    const down = b === 1;
    const q = (d.kind === 'zone' ? space.zoneQ : space.regionQ)[d.index] ?? 0;
    const pb = p * (down ? q : 1 - q);
    if (pb === 0) continue;
    if (pb < pruneBelow) {
      pruned += pb;
      continue;
    }
    if (d.kind === 'zone') {
      zoneDown[d.index] = down;
      zoneOwn[d.index] = down ? OWN_DOWN : OWN_UP;
    } else {
      regionDown[d.index] = down;
    }
    prob[i + 1] = pb;
    branch[i + 1] = 0;
    i++;
  }
  return over ? undefined : { states, prunedProbability: pruned, pruneBelow };
}

/**
 * Visits every joint zone/region state of positive probability. Exact (nothing pruned) while
 * the states number at most {@link MAX_STATES} (about 16 independent zones, more when zones
 * sit in regions); beyond that, subtrees of probability below a threshold (1e-24, raised
 * ×1000 until the count fits) are skipped and their total mass reported, which bounds the
 * error of every probability accumulated over the states.
 * @example enumerateStates({ zoneQ: [0.01], regionQ: [], zoneRegion: [-1] }, visit).states // 2
 */
export function enumerateStates(
  space: DomainSpace,
  visit: (s: DomainState) => void,
  maxStates: number = MAX_STATES,
): Enumeration {
  let pruneBelow = 0;
  while (walk(space, pruneBelow, maxStates, undefined) === undefined) {
    pruneBelow = pruneBelow === 0 ? 1e-24 : pruneBelow * 1e3;
  }
  const result = walk(space, pruneBelow, maxStates, visit);
  if (result === undefined) throw new Error('zone state enumeration exceeded its budget');
  return result;
}
