/**
 * What a timeline trial keeps between events, shared by both timeline kernels: the zones'
 * and regions' states, down nodes per tier and zone, effectively-down nodes per tier (a node
 * is effectively down if it, its zone or its zone's region is down: DESIGN §4 common cause),
 * and the service's outages ({@link OutageTally}). Each event updates the counts in O(1) (a
 * zone or region: O(tiers × its zones)) and says whether a tier crossed its threshold, so the
 * service structure is evaluated only then.
 */
import type { CompiledModel } from '../compile/compile.js';
import { runProgram } from '../compile/structure.js';
import type { FailoverTimeline } from './failover-timeline.js';
import type { TimelineChunk } from './timeline-chunk.js';

/** Zone, region and tier-count state of one trial. */
export type DomainState = {
  readonly m: CompiledModel;
  readonly zoneOwn: Uint8Array;
  readonly zoneEff: Uint8Array;
  readonly regionDown: Uint8Array;
  /** Down nodes of tier t in zone z at [t·Z + z] (whatever the zone's state). */
  readonly nodeDown: Int32Array;
  /** Effectively-down nodes per tier; tier t is down when cnt[t] ≥ tierThreshold[t]. */
  readonly cnt: Int32Array;
  readonly tierDown: Uint8Array;
  readonly stack: Uint8Array;
};

export function newDomainState(m: CompiledModel): DomainState {
  return {
    m,
    zoneOwn: new Uint8Array(m.zoneCount),
    zoneEff: new Uint8Array(m.zoneCount),
    regionDown: new Uint8Array(m.regionCount),
    nodeDown: new Int32Array(m.tierCount * m.zoneCount),
    cnt: new Int32Array(m.tierCount),
    tierDown: new Uint8Array(m.tierCount),
    stack: new Uint8Array(Math.max(1, m.stackDepth)),
  };
}

/** Everything up, for a new trial (loops: a typed array's fill() costs more at these sizes). */
export function resetDomainState(s: DomainState): void {
  const { cnt, nodeDown, zoneOwn, zoneEff, regionDown } = s;
  for (let t = 0; t < cnt.length; t++) cnt[t] = 0;
  if (zoneOwn.length === 0) return;
  for (let i = 0; i < nodeDown.length; i++) nodeDown[i] = 0;
  for (let z = 0; z < zoneOwn.length; z++) {
    zoneOwn[z] = 0;
    zoneEff[z] = 0;
  }
  for (let r = 0; r < regionDown.length; r++) regionDown[r] = 0;
}

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

/** Component `comp` (a region, or a zone) goes down (1) or up (0); returns 1 if a tier crossed its threshold. */
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

/** {@link flipNode}'s answers: nothing to do, a tier crossed its threshold, a failure the tier rode out. */
export const NODE_QUIET = 0;
export const NODE_CROSSED = 1;
export const NODE_RIDDEN = 2;

/**
 * A node of tier t in zone z (−1: none) goes down (1) or up (0): {@link NODE_CROSSED} if the
 * tier crossed its threshold (evaluate the service), {@link NODE_RIDDEN} for a failure that the
 * tier rides out (which may interrupt it: FailoverTimeline.interrupt), else {@link NODE_QUIET}.
 * No time argument: a double passed to a call that is not inlined would be boxed.
 */
export function flipNode(s: DomainState, t: number, z: number, down: number): number {
  const sign = down === 1 ? 1 : -1;
  if (z >= 0) {
    const at = t * s.m.zoneCount + z;
    s.nodeDown[at] = (s.nodeDown[at] ?? 0) + sign;
    if (s.zoneEff[z] === 1) return NODE_QUIET;
  }
  const before = s.cnt[t] ?? 0;
  const after = before + sign;
  s.cnt[t] = after;
  const h = s.m.tierThreshold[t] ?? 0;
  if (before >= h !== after >= h) return NODE_CROSSED;
  return down === 1 && after < h ? NODE_RIDDEN : NODE_QUIET;
}

/**
 * Component `comp` (of tier t, at `place`: its zone, or for a zone or region (t = −1) its own
 * index) goes down or up: {@link flipNode}'s answer (a zone or region never answers NODE_RIDDEN).
 */
export function flipComponent(s: DomainState, t: number, place: number, down: number): number {
  return t < 0 ? flipDomain(s, place, down) : flipNode(s, t, place, down);
}

/** 1 if the service is down at `now` given the tier counts (and the failover nodes' states). */
export function serviceDown(s: DomainState, fo: FailoverTimeline | null, now: number): number {
  const { m, cnt, tierDown } = s;
  for (let t = 0; t < m.tierCount; t++) tierDown[t] = (cnt[t] ?? 0) >= (m.tierThreshold[t] ?? 0) ? 1 : 0;
  return fo === null ? runProgram(m.program, tierDown, s.stack) : fo.run(m.program, tierDown, s.stack, now);
}

/** The service's outages within one trial: downtime, count, longest and the start of the first. */
export class OutageTally {
  private down = 0;
  private since = 0;
  private downtime = 0;
  private outages = 0;
  private longest = 0;
  private first = Infinity;

  /** Starts a trial with the service down (1) or up (0) at time 0. */
  begin(down: number): void {
    this.down = down;
    this.since = 0;
    this.downtime = 0;
    this.outages = 0;
    this.longest = 0;
    this.first = down === 1 ? 0 : Infinity;
  }

  /** The service is down (1) or up (0) from `now` on. */
  set(down: number, now: number): void {
    if (down === this.down) return;
    if (down === 1) {
      this.outages++;
      if (this.first === Infinity) this.first = now;
      this.since = now;
    } else {
      this.downtime += now - this.since;
      if (now - this.since > this.longest) this.longest = now - this.since;
    }
    this.down = down;
  }

  /** Ends the trial at the horizon and writes it as trial n of `out`. */
  end(horizon: number, out: TimelineChunk, n: number): void {
    this.set(0, horizon);
    // Closing an outage at the horizon is not an outage that starts within it: set() counted none.
    out.downtime[n] = this.downtime;
    out.outages[n] = this.outages;
    out.longest[n] = this.longest;
    out.firstOutage[n] = this.first;
  }
}
