/**
 * The timeline kernel: each trial simulates the horizon with every repairable component
 * alternating up and down (an alternating renewal process), keeps per-tier counts of
 * effectively-down nodes up to date at each event, and records the service's downtime, the
 * outages that start within the horizon, the longest outage and the start of the first outage.
 */
import { DIST_EXPONENTIAL, hasTimedEvents, type CompiledModel } from '../compile/compile.js';
import { drawDuration, drawResidual } from '../random/distributions.js';
import { rngFor } from '../random/rng.js';
import { FailoverTimeline } from './failover-timeline.js';
import { runProgram } from '../compile/structure.js';
import { allExponential, runTimelineChunkExp } from './timeline-exp-kernel.js';
import type { TimelineChunk, TimelineStart } from './timeline-chunk.js';

export type { TimelineChunk, TimelineStart } from './timeline-chunk.js';

/**
 * Runs `trials` timeline trials over `horizon` seconds for chunk `chunk`; all-exponential
 * models go to the faster {@link runTimelineChunkExp} (same processes, ziggurat variates).
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
  const rng = rngFor(seed, stream, chunk);
  const R = m.regionCount;
  const Z = m.zoneCount;
  const RZ = R + Z;
  const T = m.tierCount;
  const activeList: number[] = [];
  for (let i = 0; i < m.componentCount; i++) if (Number.isFinite(m.meanUp[i] ?? Infinity)) activeList.push(i);
  const active = Int32Array.from(activeList);
  const A = active.length;
  const next = new Float64Array(A);
  const isDown = new Uint8Array(m.componentCount);
  const zoneOwn = new Uint8Array(Z);
  const zoneEff = new Uint8Array(Z);
  const regionDown = new Uint8Array(R);
  const nodeDownInZone = new Int32Array(T * Z);
  const cnt = new Int32Array(T);
  const tierDown = new Uint8Array(T);
  const stack = new Uint8Array(Math.max(1, m.stackDepth));
  const out: TimelineChunk = {
    trials,
    downtime: new Float64Array(trials),
    outages: new Uint32Array(trials),
    longest: new Float64Array(trials),
    firstOutage: new Float64Array(trials),
  };
  const fo = hasTimedEvents(m) ? new FailoverTimeline(m, seed, stream, chunk) : null;

  // Set when a tier's state may have flipped since the service was last evaluated.
  let changed = 0;
  const recount = (t: number, delta: number): void => {
    const before = cnt[t] ?? 0;
    const after = before + delta;
    cnt[t] = after;
    const thr = m.tierThreshold[t] ?? 0;
    if (before >= thr !== after >= thr) changed = 1;
  };
  const setZoneEff = (z: number, down: number): void => {
    if (zoneEff[z] === down) return;
    zoneEff[z] = down;
    const sign = down === 1 ? 1 : -1;
    for (let t = 0; t < T; t++) {
      recount(t, sign * ((m.tierZoneNodes[t * Z + z] ?? 0) - (nodeDownInZone[t * Z + z] ?? 0)));
    }
  };
  /** The time of the event being applied (−1 while a trial's initial state is set up). */
  let clock = -1;
  const toggle = (comp: number, down: number): void => {
    isDown[comp] = down;
    if (comp < R) {
      regionDown[comp] = down;
      for (let j = m.regionZoneStart[comp] ?? 0; j < (m.regionZoneStart[comp + 1] ?? 0); j++) {
        const z = m.regionZones[j] ?? 0;
        if (zoneOwn[z] === 0) setZoneEff(z, down);
      }
    } else if (comp < RZ) {
      const z = comp - R;
      zoneOwn[z] = down;
      const r = m.zoneRegion[z] ?? -1;
      if (r < 0 || regionDown[r] === 0) setZoneEff(z, down);
    } else {
      const node = comp - RZ;
      const z = m.nodeZone[node] ?? -1;
      const t = m.nodeTier[node] ?? 0;
      const sign = down === 1 ? 1 : -1;
      if (z >= 0) nodeDownInZone[t * Z + z] = (nodeDownInZone[t * Z + z] ?? 0) + sign;
      if (z < 0 || zoneEff[z] === 0) {
        recount(t, sign);
        // A failure the tier rides out may still interrupt it (its declared interruption).
        if (changed === 0 && down === 1 && fo !== null && clock >= 0 && (cnt[t] ?? 0) < (m.tierThreshold[t] ?? 0))
          changed = fo.interrupt(t, clock);
      }
    }
  };
  const serviceDown = (now: number): number => {
    for (let t = 0; t < T; t++) tierDown[t] = (cnt[t] ?? 0) >= (m.tierThreshold[t] ?? 0) ? 1 : 0;
    return fo === null ? runProgram(m.program, tierDown, stack) : fo.run(m.program, tierDown, stack, now);
  };

  for (let n = 0; n < trials; n++) {
    clock = -1;
    isDown.fill(0);
    zoneOwn.fill(0);
    zoneEff.fill(0);
    regionDown.fill(0);
    nodeDownInZone.fill(0);
    cnt.fill(0);
    for (let j = 0; j < A; j++) {
      const comp = active[j] ?? 0;
      const up = m.meanUp[comp] ?? Infinity;
      const dn = m.meanDown[comp] ?? 0;
      // Exponential phases are memoryless: the residual is a fresh draw (inline, as below).
      if (start === 'steady' && rng.uniform() * (up + dn) < dn) {
        toggle(comp, 1);
        const kind = m.repairKind[comp] ?? 0;
        next[j] =
          kind === DIST_EXPONENTIAL
            ? -dn * Math.log(rng.uniform())
            : drawResidual(rng, kind, m.repairParam[comp] ?? 0, dn);
      } else {
        const kind = m.lifetimeKind[comp] ?? 0;
        next[j] =
          kind === DIST_EXPONENTIAL
            ? -up * Math.log(rng.uniform())
            : start === 'steady'
              ? drawResidual(rng, kind, m.lifetimeParam[comp] ?? 0, up)
              : drawDuration(rng, kind, m.lifetimeParam[comp] ?? 0, up);
      }
    }
    fo?.begin(start === 'steady');
    let down = serviceDown(0);
    changed = 0;
    let since = 0;
    let downtime = 0;
    let outages = 0;
    let longest = 0;
    let first = down === 1 ? 0 : Infinity;
    for (;;) {
      let j = -1;
      let now = horizon;
      for (let i = 0; i < A; i++) {
        const x = next[i] ?? Infinity;
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
      clock = now;
      const comp = active[j] ?? 0;
      // Exponential draws inline (−m·ln U, U with 32 bits: truncated beyond 22.2 means, P = 2e−10).
      if (isDown[comp] === 1) {
        toggle(comp, 0);
        const kind = m.lifetimeKind[comp] ?? 0;
        const mean = m.meanUp[comp] ?? 0;
        next[j] =
          now +
          (kind === DIST_EXPONENTIAL
            ? -mean * Math.log(rng.uniform())
            : drawDuration(rng, kind, m.lifetimeParam[comp] ?? 0, mean));
      } else {
        toggle(comp, 1);
        const kind = m.repairKind[comp] ?? 0;
        const mean = m.meanDown[comp] ?? 0;
        next[j] =
          now +
          (kind === DIST_EXPONENTIAL
            ? -mean * Math.log(rng.uniform())
            : drawDuration(rng, kind, m.repairParam[comp] ?? 0, mean));
      }
      if (changed === 0) continue;
      changed = 0;
      const s = serviceDown(now);
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
