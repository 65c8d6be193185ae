/**
 * The timeline kernel for models whose repairable components are all exponential (the
 * default): the same alternating renewal processes and outputs as {@link runTimelineChunk},
 * tuned for speed. The sfc32 generator is inlined, exponential phases come from the ziggurat
 * (no logarithm for ~98% of draws), the event queue is a typed array scanned for its minimum,
 * node events update the tier counts inline and the service structure is evaluated only when
 * a tier crosses its threshold. Zone and region events go through {@link flipDomain}.
 */
import type { CompiledModel } from '../compile/compile.js';
import { DIST_EXPONENTIAL, hasTimedEvents } from '../compile/compile.js';
import { exponentialSlow, ZIG_K, ZIG_W } from '../random/exponential-ziggurat.js';
import { chunkState } from '../random/rng.js';
import { FailoverTimeline } from './failover-timeline.js';
import { runProgram } from '../compile/structure.js';
import type { TimelineChunk, TimelineStart } from './timeline-chunk.js';

/** Whether every repairable component has exponential lifetimes and repairs. */
export function allExponential(m: CompiledModel): boolean {
  for (let i = 0; i < m.componentCount; i++) {
    if (!Number.isFinite(m.meanUp[i] ?? Infinity)) continue;
    if (m.lifetimeKind[i] !== DIST_EXPONENTIAL || m.repairKind[i] !== DIST_EXPONENTIAL) return false;
  }
  return true;
}

/** Zone/region state shared by {@link flipDomain}. */
type DomainState = {
  readonly m: CompiledModel;
  readonly zoneOwn: Uint8Array;
  readonly zoneEff: Uint8Array;
  readonly regionDown: Uint8Array;
  /** Down nodes of tier t in zone z at [t·Z + z] (whatever the zone's state). */
  readonly nodeDown: Int32Array;
  readonly cnt: Int32Array;
};

function setZoneEff(s: DomainState, z: number, down: number): number {
  if (s.zoneEff[z] === down) return 0;
  s.zoneEff[z] = down;
  const { m } = s;
  const Z = m.zoneCount;
  const sign = down === 1 ? 1 : -1;
  let crossed = 0;
  for (let t = 0; t < m.tierCount; t++) {
    const before = s.cnt[t] ?? 0;
    const after = before + sign * ((m.tierZoneNodes[t * Z + z] ?? 0) - (s.nodeDown[t * Z + z] ?? 0));
    s.cnt[t] = after;
    const thr = m.tierThreshold[t] ?? 0;
    if (before >= thr !== after >= thr) crossed = 1;
  }
  return crossed;
}

/** A zone or region goes down (1) or up (0); returns 1 if a tier crossed its threshold. */
export function flipDomain(s: DomainState, comp: number, down: number): number {
  const { m } = s;
  const R = m.regionCount;
  if (comp < R) {
    s.regionDown[comp] = down;
    let crossed = 0;
    for (let j = m.regionZoneStart[comp] ?? 0; j < (m.regionZoneStart[comp + 1] ?? 0); j++) {
      const z = m.regionZones[j] ?? 0;
      if (s.zoneOwn[z] === 0) crossed |= setZoneEff(s, z, down);
    }
    return crossed;
  }
  const z = comp - R;
  s.zoneOwn[z] = down;
  const r = m.zoneRegion[z] ?? -1;
  return r < 0 || s.regionDown[r] === 0 ? setZoneEff(s, z, down) : 0;
}

/**
 * Runs `trials` timeline trials of an all-exponential model for chunk `chunk`.
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
  const RZ = m.regionCount + m.zoneCount;
  const Z = m.zoneCount;
  const T = m.tierCount;
  const list: number[] = [];
  for (let i = 0; i < m.componentCount; i++) if (Number.isFinite(m.meanUp[i] ?? Infinity)) list.push(i);
  const A = list.length;
  const comp = Int32Array.from(list);
  const meanUp = Float64Array.from(list, (c) => m.meanUp[c] ?? 0);
  const meanDown = Float64Array.from(list, (c) => m.meanDown[c] ?? 0);
  // Per active component: its tier and zone if a node (−1 for a zone or region).
  const tierOf = Int32Array.from(list, (c) => (c >= RZ ? (m.nodeTier[c - RZ] ?? 0) : -1));
  const zoneOf = Int32Array.from(list, (c) => (c >= RZ ? (m.nodeZone[c - RZ] ?? -1) : -1));
  const thr = m.tierThreshold;
  const isDown = new Uint8Array(A);
  const next = new Float64Array(A);
  const cnt = new Int32Array(T);
  const ds: DomainState = {
    m,
    zoneOwn: new Uint8Array(Z),
    zoneEff: new Uint8Array(Z),
    regionDown: new Uint8Array(m.regionCount),
    nodeDown: new Int32Array(T * Z),
    cnt,
  };
  const tierDown = new Uint8Array(T);
  const stack = new Uint8Array(Math.max(1, m.stackDepth));
  const K = ZIG_K;
  const W = ZIG_W;
  const steady = start === 'steady' ? 1 : 0;
  const st = Int32Array.from(chunkState(seed, stream, chunk));
  let a = st[0] ?? 0;
  let b = st[1] ?? 0;
  let c = st[2] ?? 0;
  let d = st[3] ?? 0;
  let t32 = 0;
  const out: TimelineChunk = {
    trials,
    downtime: new Float64Array(trials),
    outages: new Uint32Array(trials),
    longest: new Float64Array(trials),
    firstOutage: new Float64Array(trials),
  };
  const fo = hasTimedEvents(m) ? new FailoverTimeline(m, seed, stream, chunk) : null;

  for (let n = 0; n < trials; n++) {
    isDown.fill(0);
    cnt.fill(0);
    if (Z > 0) {
      ds.zoneOwn.fill(0);
      ds.zoneEff.fill(0);
      ds.regionDown.fill(0);
      ds.nodeDown.fill(0);
    }
    for (let j = 0; j < A; j++) {
      let mean = meanUp[j] ?? 0;
      if (steady === 1) {
        const dn = meanDown[j] ?? 0;
        t32 = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        c = (c + t32) | 0;
        if (((t32 >>> 0) + 0.5) * 2.3283064365386963e-10 * (mean + dn) < dn) {
          // Down at the start: the residual repair of an exponential phase is Exp(mean) again.
          mean = dn;
          isDown[j] = 1;
          const t = tierOf[j] ?? -1;
          if (t < 0) flipDomain(ds, comp[j] ?? 0, 1);
          else {
            const z = zoneOf[j] ?? -1;
            if (z >= 0) ds.nodeDown[t * Z + z] = (ds.nodeDown[t * Z + z] ?? 0) + 1;
            if (z < 0 || ds.zoneEff[z] === 0) cnt[t] = (cnt[t] ?? 0) + 1;
          }
        }
      }
      t32 = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t32) | 0;
      const iz = t32 & 255;
      const jz = t32 >>> 8;
      let x: number;
      if (jz < (K[iz] ?? 0)) x = jz * (W[iz] ?? 0);
      else {
        st[0] = a;
        st[1] = b;
        st[2] = c;
        st[3] = d;
        x = exponentialSlow(st, iz, jz);
        a = st[0] ?? 0;
        b = st[1] ?? 0;
        c = st[2] ?? 0;
        d = st[3] ?? 0;
      }
      next[j] = mean * x;
    }
    for (let t = 0; t < T; t++) tierDown[t] = (cnt[t] ?? 0) >= (thr[t] ?? 0) ? 1 : 0;
    fo?.begin(steady === 1);
    let down = fo === null ? runProgram(m.program, tierDown, stack) : fo.run(m.program, tierDown, stack, 0);
    let since = 0;
    let downtime = 0;
    let outages = 0;
    let longest = 0;
    let first = down === 1 ? 0 : Infinity;
    for (;;) {
      let j = -1;
      let now = horizon;
      // The hottest loop: indices are in range, so the element type is asserted, not defaulted.
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
        const s = fo.run(m.program, tierDown, stack, now);
        if (s !== down) {
          if (s === 1) {
            outages++;
            if (first === Infinity) first = now;
            since = now;
          } else {
            downtime += now - since;
            if (now - since > longest) longest = now - since;
          }
          down = s;
        }
        continue;
      }
      if (j < 0) break;
      const goingDown = isDown[j] === 1 ? 0 : 1;
      isDown[j] = goingDown;
      let crossed = 0;
      const t = tierOf[j] ?? -1;
      if (t < 0) crossed = flipDomain(ds, comp[j] ?? 0, goingDown);
      else {
        const z = zoneOf[j] ?? -1;
        const sign = goingDown === 1 ? 1 : -1;
        if (z >= 0) ds.nodeDown[t * Z + z] = (ds.nodeDown[t * Z + z] ?? 0) + sign;
        if (z < 0 || ds.zoneEff[z] === 0) {
          const before = cnt[t] ?? 0;
          const after = before + sign;
          cnt[t] = after;
          const h = thr[t] ?? 0;
          if (before >= h !== after >= h) crossed = 1;
          else if (goingDown === 1 && after < h && fo !== null) crossed = fo.interrupt(t, now);
        }
      }
      t32 = (((a + b) | 0) + d) | 0;
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
        st[0] = a;
        st[1] = b;
        st[2] = c;
        st[3] = d;
        x = exponentialSlow(st, iz, jz);
        a = st[0] ?? 0;
        b = st[1] ?? 0;
        c = st[2] ?? 0;
        d = st[3] ?? 0;
      }
      next[j] = now + (goingDown === 1 ? (meanDown[j] ?? 0) : (meanUp[j] ?? 0)) * x;
      if (crossed === 0) continue;
      for (let k = 0; k < T; k++) tierDown[k] = (cnt[k] ?? 0) >= (thr[k] ?? 0) ? 1 : 0;
      const s = fo === null ? runProgram(m.program, tierDown, stack) : fo.run(m.program, tierDown, stack, now);
      if (s === down) continue;
      if (s === 1) {
        outages++;
        if (first === Infinity) first = now;
        since = now;
      } else {
        downtime += now - since;
        if (now - since > longest) longest = now - since;
      }
      down = s;
    }
    if (down === 1) {
      downtime += horizon - since;
      if (horizon - since > longest) longest = horizon - since;
    }
    out.downtime[n] = downtime;
    out.outages[n] = outages;
    out.longest[n] = longest;
    out.firstOutage[n] = first;
    fo?.end(horizon);
  }
  return fo === null ? out : { ...out, failoverEpisodes: fo.episodes, failoverDownSeconds: fo.downSeconds };
}
