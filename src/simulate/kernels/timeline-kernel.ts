/**
 * The timeline kernel: each trial simulates the horizon with every repairable component
 * alternating up and down (an alternating renewal process), keeps per-tier counts of
 * effectively-down nodes up to date at each event (timeline-state.ts), and records the
 * service's downtime, the outages that start within the horizon, the longest outage and the
 * start of the first outage. All-exponential models go to the grouped kernel
 * (timeline-exp-kernel.ts); this one takes any distribution, one clock per component, with the
 * distributions' constants computed once per chunk and exponentials from the ziggurat
 * ({@link sampleDuration}, {@link sampleResidual}).
 */
import { hasTimedEvents, type CompiledModel } from '../compile/compile.js';
import {
  DIST_EXPONENTIAL,
  DIST_WEIBULL,
  sampleDuration,
  sampleResidual,
  samplingExponent,
  samplingScale,
  weibullOf,
} from '../random/distributions.js';
import { exponentialSlow, ZIG_K, ZIG_W } from '../random/exponential-ziggurat.js';
import { chunkState, Sfc32Words, type Rng } from '../random/rng.js';
import { FailoverTimeline } from './failover-timeline.js';
import { allExponential, runTimelineChunkExp } from './timeline-exp-kernel.js';
import type { TimelineChunk, TimelineStart } from './timeline-chunk.js';
import {
  flipComponent,
  newDomainState,
  NODE_CROSSED,
  NODE_RIDDEN,
  OutageTally,
  resetDomainState,
  serviceDown,
  type DomainState,
} from './timeline-state.js';

export type { TimelineChunk, TimelineStart } from './timeline-chunk.js';

/** Per active component (index j): its distributions' codes and sampling constants, its tier and place. */
type Components = {
  readonly count: number;
  readonly comp: Int32Array;
  /** Lifetime and repair: code, scale, exponent (see {@link samplingScale}). */
  readonly lifeKind: Uint8Array;
  readonly lifeScale: Float64Array;
  readonly lifeExp: Float64Array;
  readonly repKind: Uint8Array;
  readonly repScale: Float64Array;
  readonly repExp: Float64Array;
  /** q = E[down] / (E[up] + E[down]): P(down) at a steady start. */
  readonly downShare: Float64Array;
  /** Tier of a node, −1 for a zone or region; the node's zone, or the zone's or region's component. */
  readonly tier: Int32Array;
  readonly place: Int32Array;
};

function components(m: CompiledModel): Components {
  const RZ = m.regionCount + m.zoneCount;
  const list: number[] = [];
  for (let i = 0; i < m.componentCount; i++) if (Number.isFinite(m.meanUp[i] ?? Infinity)) list.push(i);
  const lk = (c: number) => m.lifetimeKind[c] ?? 0;
  const rk = (c: number) => m.repairKind[c] ?? 0;
  return {
    count: list.length,
    comp: Int32Array.from(list),
    lifeKind: Uint8Array.from(list, lk),
    lifeScale: Float64Array.from(list, (c) => samplingScale(lk(c), m.lifetimeParam[c] ?? 0, m.meanUp[c] ?? 0)),
    lifeExp: Float64Array.from(list, (c) => samplingExponent(lk(c), m.lifetimeParam[c] ?? 0)),
    repKind: Uint8Array.from(list, rk),
    repScale: Float64Array.from(list, (c) => samplingScale(rk(c), m.repairParam[c] ?? 0, m.meanDown[c] ?? 0)),
    repExp: Float64Array.from(list, (c) => samplingExponent(rk(c), m.repairParam[c] ?? 0)),
    downShare: Float64Array.from(list, (c) => (m.meanDown[c] ?? 0) / ((m.meanUp[c] ?? 0) + (m.meanDown[c] ?? 0))),
    tier: Int32Array.from(list, (c) => (c < RZ ? -1 : (m.nodeTier[c - RZ] ?? 0))),
    place: Int32Array.from(list, (c) => (c < RZ ? c : (m.nodeZone[c - RZ] ?? -1))),
  };
}

/**
 * A trial's start: each component down with probability q at a steady start, and the time of
 * its next event: the time left in the phase in progress (steady) or a whole lifetime (new).
 * Returns 1 if any component starts down. Its own function, called once a trial, so that the
 * samplers inline here and no double crosses a call boundary (it would be boxed).
 */
function startTrial(
  rng: Rng,
  cs: Components,
  steady: boolean,
  ds: DomainState,
  isDown: Uint8Array,
  next: Float64Array,
): number {
  let anyDown = 0;
  for (let j = 0; j < cs.count; j++) {
    if (steady && rng.uniform() < (cs.downShare[j] as number)) {
      next[j] = sampleResidual(rng, cs.repKind[j] as number, cs.repScale[j] as number, cs.repExp[j] as number);
      isDown[j] = 1;
      anyDown = 1;
      flipComponent(ds, cs.tier[j] as number, cs.place[j] as number, 1);
      continue;
    }
    isDown[j] = 0;
    const kind = cs.lifeKind[j] as number;
    const s = cs.lifeScale[j] as number;
    const p = cs.lifeExp[j] as number;
    next[j] = steady ? sampleResidual(rng, kind, s, p) : sampleDuration(rng, kind, s, p);
  }
  return anyDown;
}

/**
 * Runs `trials` timeline trials over `horizon` seconds for chunk `chunk`; all-exponential
 * models go to the faster {@link runTimelineChunkExp} (same processes, grouped clocks).
 * Hot kernel: one function on purpose, see random/rng.ts (the generator words stay in locals through the loop).
 * @example runTimelineChunk(compileModel(model), 31536000, 'steady', 1, 2, 0, 4096).downtime
 */
export function runTimelineChunk(
  m: CompiledModel,
  horizon: number,
  start: TimelineStart,
  seed: number,
  stream: number,
  chunk: number,
  trials: number,
): TimelineChunk {
  if (allExponential(m)) return runTimelineChunkExp(m, horizon, start, seed, stream, chunk, trials);
  // The generator: words in `rng` between events (trial set-up draws through it), in locals in the event loop.
  const rng = new Sfc32Words(chunkState(seed, stream, chunk));
  const words = rng.words;
  const K = ZIG_K;
  const W = ZIG_W;
  const cs = components(m);
  const A = cs.count;
  const { lifeKind, lifeScale, lifeExp, repKind, repScale, repExp } = cs;
  const next = new Float64Array(A);
  const isDown = new Uint8Array(A);
  const ds = newDomainState(m);
  const tally = new OutageTally();
  const steady = start === 'steady';
  const out: TimelineChunk = {
    trials,
    downtime: new Float64Array(trials),
    outages: new Uint32Array(trials),
    longest: new Float64Array(trials),
    firstOutage: new Float64Array(trials),
  };
  const fo = hasTimedEvents(m) ? new FailoverTimeline(m, seed, stream, chunk) : null;
  const ti = m.tierInterruption;
  // A number, not a parameter of unknown type: the event time's phi stays an unboxed double.
  const end = +horizon;

  // The service with everything up (most trials start so): evaluated once.
  const upState = serviceDown(ds, null, 0);
  for (let n = 0; n < trials; n++) {
    resetDomainState(ds);
    const anyDown = startTrial(rng, cs, steady, ds, isDown, next);
    fo?.begin(steady);
    tally.begin(fo === null && anyDown === 0 ? upState : serviceDown(ds, fo, 0));
    let a = words[0] as number;
    let b = words[1] as number;
    let c = words[2] as number;
    let d = words[3] as number;
    for (;;) {
      let j = -1;
      let now = end;
      for (let i = 0; i < A; i++) {
        const x = next[i] as number;
        if (x < now) {
          now = x;
          j = i;
        }
      }
      if (fo !== null && fo.nextTime < now) {
        // A failover timer (switchover done, failback over) comes before the next component event.
        now = fo.nextTime;
        fo.fire(now);
        tally.set(fo.run(m.program, ds.tierDown, ds.stack, now), now);
        continue;
      }
      if (j < 0) break;
      const goingDown = isDown[j] === 1 ? 0 : 1;
      isDown[j] = goingDown;
      const kind = (goingDown === 1 ? repKind[j] : lifeKind[j]) as number;
      const sc = (goingDown === 1 ? repScale[j] : lifeScale[j]) as number;
      const p = (goingDown === 1 ? repExp[j] : lifeExp[j]) as number;
      let dur: number;
      if (kind === DIST_EXPONENTIAL || kind === DIST_WEIBULL) {
        // E ~ Exp(1) by the ziggurat, the step inlined (as in timeline-exp-kernel.ts).
        const t32 = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        c = (c + t32) | 0;
        const iz = t32 & 255;
        const jz = t32 >>> 8;
        let x: number;
        if (jz < (K[iz] as number)) x = jz * (W[iz] as number);
        else {
          words[0] = a;
          words[1] = b;
          words[2] = c;
          words[3] = d;
          x = +exponentialSlow(rng, iz, jz); // + : a number, so x stays an unboxed double
          a = words[0] as number;
          b = words[1] as number;
          c = words[2] as number;
          d = words[3] as number;
        }
        dur = kind === DIST_EXPONENTIAL ? sc * x : weibullOf(x, sc, p);
      } else {
        words[0] = a;
        words[1] = b;
        words[2] = c;
        words[3] = d;
        dur = +sampleDuration(rng, kind, sc, p);
        a = words[0] as number;
        b = words[1] as number;
        c = words[2] as number;
        d = words[3] as number;
      }
      next[j] = now + dur;
      const t = cs.tier[j] as number;
      const what = flipComponent(ds, t, cs.place[j] as number, goingDown);
      // A failure the tier rides out may still interrupt it (its declared interruption).
      if (
        what === NODE_CROSSED ||
        (what === NODE_RIDDEN && fo !== null && (ti[t] as number) > 0 && fo.interrupt(t, now))
      )
        tally.set(serviceDown(ds, fo, now), now);
    }
    words[0] = a;
    words[1] = b;
    words[2] = c;
    words[3] = d;
    tally.end(horizon, out, n);
    fo?.end(horizon);
  }
  return fo === null ? out : { ...out, failoverEpisodes: fo.episodes, failoverDownSeconds: fo.downSeconds };
}
