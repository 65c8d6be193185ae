/**
 * The depth-first walk over zone/region states behind zone-states.ts's enumerateStates:
 * regions first, then the zone types they hold (see there for the symmetry and the bounds).
 */
/** Unavailability of every zone and region, and each zone's region index (−1: none). */
export type DomainSpace = {
  readonly zoneQ: readonly number[];
  readonly regionQ: readonly number[];
  readonly zoneRegion: readonly number[];
};

/**
 * Interchangeable zones: the same region (−1: none) and the same contents. Only the number d
 * of them down matters to the service; it is Poisson-binomial over their own q's, and a given
 * zone z is down in such a state with probability P(z down | D = d) = q_z·P(D₋z = d − 1)/P(D = d)
 * (d/m when their q's are equal).
 */
export type ZoneType = {
  readonly zones: readonly number[];
  readonly region: number;
  /** P(D = d), d = 0..m. */
  readonly pmf: readonly number[];
  /** downShare[i][d] = P(zones[i] down | D = d). */
  readonly downShare: readonly (readonly number[])[];
};

/** One joint state, valid only during the visit call (the arrays are reused). */
export type DomainState = {
  readonly probability: number;
  /**
   * For the extremes of a skipped subtree of probability P: the weight of this state in the
   * upper bound, P·p₀ for `best` and P·(1 − p₀) for `worst`, with p₀ the probability that every
   * undecided domain takes its best outcome (those states are exactly the best state).
   */
  readonly upperWeight: number;
  readonly regionDown: readonly boolean[];
  /** Zones of each type that are up (0 when the type's region is down). */
  readonly typeUp: readonly number[];
  /** Zones of each type down by their own failure (0 when masked by the region). */
  readonly typeOwnDown: readonly number[];
};

/** `leaf`: one state of the joint distribution; `best`/`worst`: extremes of a skipped subtree. */
export type VisitKind = 'leaf' | 'best' | 'worst';

export type Enumeration = {
  /** Joint states evaluated exactly. */
  readonly states: number;
  /** Skipped subtrees, each bounded by its two extreme states. */
  readonly boundedSubtrees: number;
  /** Total probability of the skipped subtrees (0: exact). */
  readonly prunedProbability: number;
  readonly pruneBelow: number;
};

type Decision = { readonly kind: 'region' | 'type'; readonly index: number };

function plan(space: DomainSpace, types: readonly ZoneType[]): Decision[] {
  const out: Decision[] = [];
  space.regionQ.forEach((_, r) => {
    const inside = types.flatMap((t, i) => (t.region === r ? [i] : []));
    if (inside.length === 0) return;
    out.push({ kind: 'region', index: r });
    for (const i of inside) out.push({ kind: 'type', index: i });
  });
  types.forEach((t, i) => {
    if (t.region < 0) out.push({ kind: 'type', index: i });
  });
  return out;
}

/** The fewest (best) or most (worst) zones of a type that can be down. */
function extreme(t: ZoneType | undefined, worst: boolean): number {
  if (t === undefined) return 0;
  const d = worst ? t.pmf.length - 1 - [...t.pmf].reverse().findIndex((p) => p > 0) : t.pmf.findIndex((p) => p > 0);
  return Math.max(0, d);
}

/** The state of one walk: the joint state being built and the counts so far. */
type Walk = {
  readonly space: DomainSpace;
  readonly types: readonly ZoneType[];
  readonly decisions: readonly Decision[];
  readonly maxEvaluations: number;
  readonly visit: ((s: DomainState, kind: VisitKind) => void) | undefined;
  readonly state: {
    probability: number;
    upperWeight: number;
    regionDown: boolean[];
    typeUp: number[];
    typeOwnDown: number[];
  };
  states: number;
  bounded: number;
  pruned: number;
  over: boolean;
};

/** Decision i of a frame, its probability so far and the next branch to take (−1: not entered). */
type Frame = { readonly i: number; readonly p: number; next: number; masked: boolean };

/**
 * One depth-first walk over the decisions, iterative (an explicit stack: thousands of distinct
 * zone types must not overflow the call stack). Subtrees of probability below pruneBelow are
 * replaced by their two extreme states. Returns undefined as soon as more than maxEvaluations
 * would be made.
 */
export function walk(
  space: DomainSpace,
  types: readonly ZoneType[],
  pruneBelow: number,
  maxEvaluations: number,
  visit: ((s: DomainState, kind: VisitKind) => void) | undefined,
): Enumeration | undefined {
  const state = {
    probability: 0,
    upperWeight: 0,
    regionDown: space.regionQ.map(() => false),
    typeUp: types.map((t) => t.zones.length),
    typeOwnDown: types.map(() => 0),
  };
  const w: Walk = {
    space,
    types,
    decisions: plan(space, types),
    maxEvaluations,
    visit,
    state,
    states: 0,
    bounded: 0,
    pruned: 0,
    over: false,
  };
  const stack: Frame[] = [{ i: 0, p: 1, next: -1, masked: false }];
  while (stack.length > 0 && !w.over) {
    const f = stack[stack.length - 1] as Frame;
    const d = w.decisions[f.i];
    if (d === undefined) {
      leaf(w, f.p);
      stack.pop();
      continue;
    }
    const child = nextBranch(w, d, f, pruneBelow);
    if (child === undefined) stack.pop();
    else stack.push(child);
  }
  return w.over ? undefined : { states: w.states, boundedSubtrees: w.bounded, prunedProbability: w.pruned, pruneBelow };
}

/**
 * Sets decision `d` to the frame's next branch and returns the frame to descend into, or
 * undefined when the branches are done (skipped subtrees are bounded on the way).
 */
function nextBranch(w: Walk, d: Decision, f: Frame, pruneBelow: number): Frame | undefined {
  const descend = (p: number): Frame | undefined => {
    if (p >= pruneBelow) return { i: f.i + 1, p, next: -1, masked: false };
    extremes(w, f.i + 1, p);
    return undefined;
  };
  if (d.kind === 'type') {
    const t = w.types[d.index];
    if (f.next < 0) {
      f.masked = t !== undefined && t.region >= 0 && w.state.regionDown[t.region] === true;
      f.next = 0;
    }
    if (f.masked) {
      if (f.next++ > 0) return undefined;
      setType(w, d.index, 0);
      return { i: f.i + 1, p: f.p, next: -1, masked: false };
    }
    const pmf = t?.pmf ?? [1];
    while (f.next < pmf.length && !w.over) {
      const down = f.next++;
      const pb = f.p * (pmf[down] ?? 0);
      if (pb === 0) continue;
      setType(w, d.index, down);
      const child = descend(pb);
      if (child !== undefined) return child;
    }
    return undefined;
  }
  const q = w.space.regionQ[d.index] ?? 0;
  f.next = Math.max(0, f.next);
  while (f.next < 2 && !w.over) {
    const down = f.next++ === 1;
    const pb = f.p * (down ? q : 1 - q);
    if (pb === 0) continue;
    w.state.regionDown[d.index] = down;
    const child = descend(pb);
    if (child !== undefined) return child;
  }
  return undefined;
}

/** A complete joint state: one evaluation. */
function leaf(w: Walk, p: number): void {
  w.states++;
  if (w.states + 2 * w.bounded > w.maxEvaluations) {
    w.over = true;
    return;
  }
  w.state.probability = p;
  w.visit?.(w.state, 'leaf');
}

/** Type i with `down` of its own zones down (none, and none up, when its region is down). */
function setType(w: Walk, i: number, down: number): void {
  const t = w.types[i];
  if (t === undefined) return;
  const masked = t.region >= 0 && w.state.regionDown[t.region] === true;
  w.state.typeOwnDown[i] = masked ? 0 : down;
  w.state.typeUp[i] = masked ? 0 : t.zones.length - down;
}

/** A skipped subtree of probability p from decision `from` on: visited at its best and worst states. */
function extremes(w: Walk, from: number, p: number): void {
  w.bounded++;
  if (w.states + 2 * w.bounded > w.maxEvaluations) {
    w.over = true;
    return;
  }
  w.pruned += p;
  if (w.visit === undefined) return;
  const { space, types, decisions, state } = w;
  state.probability = p;
  // p₀ = P(every undecided domain at its best): regions up (unless certain to be down),
  // each type at its fewest zones down.
  let p0 = 1;
  const bestDown = new Map<number, boolean>();
  for (let i = from; i < decisions.length; i++) {
    const d = decisions[i];
    if (d === undefined) continue;
    if (d.kind === 'region') {
      const q = space.regionQ[d.index] ?? 0;
      bestDown.set(d.index, q >= 1);
      p0 *= q >= 1 ? 1 : 1 - q;
    } else {
      const t = types[d.index];
      if (t === undefined) continue;
      const masked = t.region >= 0 && (bestDown.get(t.region) ?? state.regionDown[t.region] === true);
      if (!masked) p0 *= t.pmf[extreme(t, false)] ?? 1;
    }
  }
  for (const worst of [false, true]) {
    state.upperWeight = worst ? p * (1 - p0) : p * p0;
    for (let i = from; i < decisions.length; i++) {
      const d = decisions[i];
      if (d === undefined) continue;
      if (d.kind === 'region')
        state.regionDown[d.index] = worst ? (space.regionQ[d.index] ?? 0) > 0 : (space.regionQ[d.index] ?? 0) >= 1;
      else setType(w, d.index, extreme(types[d.index], worst));
    }
    w.visit(state, worst ? 'worst' : 'best');
  }
}
