/**
 * The timeline kernel for models whose repairable components are all exponential (the
 * default): the same alternating renewal processes and outputs as the general kernel
 * (timeline-kernel.ts), simulated per group of interchangeable components ({@link expGroups}).
 *
 * Each group g of n members with j down keeps two clocks: the next failure among its up members
 * (rate (n − j)λ) and the next repair among its down members (rate jμ); the next event of the
 * trial is the earliest of the groups' clocks (a scan over groups, not components: 2 for a
 * model of two tiers). When a clock fires only the group's clocks change: the one that fired
 * is drawn afresh; the other one's time left R, Exp(r) by memorylessness and independent of
 * the past, becomes R·r/r′ ~ Exp(r′) for the new rate r′ (drawn afresh only if it was idle).
 * So a failure and its repair cost two exponential draws, as one component each would, but
 * no search over components. The sfc32 step is inlined and exponentials come from the
 * ziggurat (no logarithm for ~98% of draws); the service structure is evaluated only when a
 * tier crosses its threshold.
 */
import type { CompiledModel } from '../compile/compile.js';
import { hasTimedEvents } from '../compile/compile.js';
import { DIST_EXPONENTIAL } from '../random/distributions.js';
import { exponential, exponentialSlow, ZIG_K, ZIG_W } from '../random/exponential-ziggurat.js';
import { chunkState, Sfc32Words } from '../random/rng.js';
import { FailoverTimeline } from './failover-timeline.js';
import type { TimelineChunk, TimelineStart } from './timeline-chunk.js';
import { expGroups } from './timeline-groups.js';
import {
  flipComponent,
  newDomainState,
  NODE_CROSSED,
  NODE_RIDDEN,
  OutageTally,
  resetDomainState,
  serviceDown,
} from './timeline-state.js';

/** Whether every repairable component has exponential lifetimes and repairs. */
export function allExponential(m: CompiledModel): boolean {
  for (let i = 0; i < m.componentCount; i++) {
    if (!Number.isFinite(m.meanUp[i] ?? Infinity)) continue;
    if (m.lifetimeKind[i] !== DIST_EXPONENTIAL || m.repairKind[i] !== DIST_EXPONENTIAL) return false;
  }
  return true;
}

/**
 * Runs `trials` timeline trials of an all-exponential model for chunk `chunk`.
 * Hot kernel: one function on purpose, see random/rng.ts (the generator words stay in locals through the loop).
 * @example runTimelineChunkExp(compileModel(model), 31536000, 'steady', 1, 2, 0, 1024).downtime
 */
export function runTimelineChunkExp(
  m: CompiledModel,
  horizon: number,
  start: TimelineStart,
  seed: number,
  stream: number,
  chunk: number,
  trials: number,
): TimelineChunk {
  const gr = expGroups(m);
  const G = gr.count;
  const { size, meanUp, meanDown, tier, place, cdf, cdfStart } = gr;
  const down = new Int32Array(G);
  const fail = new Float64Array(G);
  const rep = new Float64Array(G);
  const next = new Float64Array(G);
  const ds = newDomainState(m);
  const tally = new OutageTally();
  const K = ZIG_K;
  const W = ZIG_W;
  const steady = start === 'steady';
  // The generator: words in `rng` between events (trial set-up draws through it), in locals in the event loop.
  const rng = new Sfc32Words(chunkState(seed, stream, chunk));
  const words = rng.words;
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
    let anyDown = 0;
    for (let g = 0; g < G; g++) {
      const k = size[g] as number;
      let j = 0;
      if (steady) {
        const u = rng.uniform53();
        const at = cdfStart[g] as number;
        while (j < k && u >= (cdf[at + j] as number)) j++;
        anyDown |= j;
        for (let i = 0; i < j; i++) flipComponent(ds, tier[g] as number, place[g] as number, 1);
      }
      down[g] = j;
      // Exponential phases are memoryless: the time left at a steady start is a fresh draw.
      fail[g] = j < k ? exponential(rng) * ((meanUp[g] as number) / (k - j)) : Infinity;
      rep[g] = j > 0 ? exponential(rng) * ((meanDown[g] as number) / j) : Infinity;
      next[g] = Math.min(fail[g] as number, rep[g] as number);
    }
    fo?.begin(steady);
    tally.begin(fo === null && anyDown === 0 ? upState : serviceDown(ds, fo, 0));
    let a = words[0] as number;
    let b = words[1] as number;
    let c = words[2] as number;
    let d = words[3] as number;
    for (;;) {
      let g = -1;
      let now = end;
      for (let i = 0; i < G; i++) {
        const x = next[i] as number;
        if (x < now) {
          now = x;
          g = i;
        }
      }
      if (fo !== null && fo.nextTime < now) {
        // A failover timer (switchover done, failback over) comes before the next component event.
        now = fo.nextTime;
        fo.fire(now);
        tally.set(fo.run(m.program, ds.tierDown, ds.stack, now), now);
        continue;
      }
      if (g < 0) break;
      const k = size[g] as number;
      const j = down[g] as number;
      const failure = (fail[g] as number) <= (rep[g] as number) ? 1 : 0;
      const after = failure === 1 ? j + 1 : j - 1;
      down[g] = after;
      // Bit 1: a fresh failure clock, bit 2: a fresh repair clock; the other clock is rescaled.
      let fresh = 0;
      if (failure === 1) {
        if (after < k) fresh = 1;
        else fail[g] = Infinity;
        if (j > 0) rep[g] = now + ((rep[g] as number) - now) * (j / after);
        else fresh |= 2;
      } else {
        if (after > 0) fresh = 2;
        else rep[g] = Infinity;
        if (j < k) fail[g] = now + ((fail[g] as number) - now) * ((k - j) / (k - after));
        else fresh |= 1;
      }
      for (let bit = 1; bit <= fresh; bit <<= 1) {
        if ((fresh & bit) === 0) continue;
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
        if (bit === 1) fail[g] = now + x * ((meanUp[g] as number) / (k - after));
        else rep[g] = now + x * ((meanDown[g] as number) / after);
      }
      next[g] = Math.min(fail[g] as number, rep[g] as number);
      const t = tier[g] as number;
      const what = flipComponent(ds, t, place[g] as number, failure);
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
