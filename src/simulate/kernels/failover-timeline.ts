/**
 * Failover nodes on a timeline: each is a small state machine driven by its primary's and
 * standby's states and by its own timers (DESIGN §4 "Failover and recovery"), the reference
 * the analytic switchover terms are checked against.
 *
 *   serving   ─ primary fails ─▶ switching (down; timer τ)            [τ = 0: decide at once]
 *   switching ─ primary back ──▶ serving
 *   switching ─ timer ─────────▶ on-standby (probability c) | failed
 *   on-standby: down exactly when the standby is down
 *   on-standby ─ primary back ─▶ failback (down; timer f) if f > 0 and the standby is up, else serving
 *   failed     ─ primary back ─▶ serving
 *   failback   ─ timer ────────▶ serving
 *
 * A tier's `interruption` d: a node failure the tier rides out takes the tier down for d
 * ({@link interrupt}; a failure during an interruption extends it).
 *
 * Logical corruption (`data.corruption`) is a disruption with a rate: it arrives after an
 * exponential time, takes the whole service down for its RTO, and the next arrival is drawn
 * from its end (an alternating renewal: λR/(1 + λR) down, the analytic λR to first order).
 *
 * A trial that starts in the steady state with the primary already down gives the outage an
 * age A ~ Exp(mean outage of the primary) (exact for exponential outages): A ≥ τ means the
 * switchover is already decided. Success draws come from their own stream, so the kernels'
 * component draws are the same with and without failover nodes.
 */
import { OP_FAILOVER, OP_TIER, type CompiledModel } from '../compile/compile.js';
import { rngFor, type Rng } from '../random/rng.js';
import { combine } from '../compile/structure.js';

const SERVING = 0;
const SWITCHING = 1;
const ON_STANDBY = 2;
const FAILED = 3;
const FAILBACK = 4;

/** Offset of the failover draws' stream from the kernel's. */
export const STREAM_FAILOVER_OFFSET = 1 << 12;

export class FailoverTimeline {
  /** Earliest pending timer (Infinity: none). */
  nextTime = Infinity;
  /** Per node: primary failures seen (switchovers started) and time its output was down. */
  readonly episodes: Float64Array;
  readonly downSeconds: Float64Array;
  private readonly phase: Uint8Array;
  private readonly timer: Float64Array;
  private readonly output: Uint8Array;
  private readonly since: Float64Array;
  private readonly rng: Rng;
  private starting = false;
  private steady = false;
  /** A timer or the corruption state changed since nextTime was computed. */
  private dirty = false;
  /** Per tier: end of its interruption under way (−∞: none). */
  private readonly interruptedUntil: Float64Array;
  /** Corruption: the next arrival, and the end of the one under way (−∞: none). */
  private nextCorruption = Infinity;
  private corruptUntil = -Infinity;

  constructor(
    private readonly m: CompiledModel,
    seed: number,
    stream: number,
    chunk: number,
  ) {
    const F = m.failoverCount;
    this.phase = new Uint8Array(F);
    this.timer = new Float64Array(F).fill(Infinity);
    this.output = new Uint8Array(F);
    this.since = new Float64Array(F);
    this.episodes = new Float64Array(F);
    this.downSeconds = new Float64Array(F);
    this.rng = rngFor(seed, stream + STREAM_FAILOVER_OFFSET, chunk);
    this.interruptedUntil = new Float64Array(m.tierCount).fill(-Infinity);
  }

  /**
   * A node of tier t failed at `now` and the tier rode it out: if the tier declares an
   * interruption, it is down until now + d; returns 1 then (evaluate the service), else 0.
   */
  interrupt(t: number, now: number): number {
    const d = this.m.tierInterruption[t] ?? 0;
    if (!(d > 0)) return 0;
    this.interruptedUntil[t] = now + d;
    if (now + d < this.nextTime) this.nextTime = now + d;
    return 1;
  }

  /** Starts a trial: every node serving; the first {@link run} places outages under way. */
  begin(steady: boolean): void {
    for (let f = 0; f < this.phase.length; f++) {
      this.phase[f] = SERVING;
      this.timer[f] = Infinity;
      this.output[f] = 0;
    }
    this.interruptedUntil.fill(-Infinity);
    this.starting = true;
    this.steady = steady;
    this.corruptUntil = -Infinity;
    this.nextCorruption = Infinity;
    const rate = this.m.corruptionRate;
    if (rate > 0) {
      const R = this.m.corruptionSeconds;
      if (steady && this.rng.uniform() * (1 + rate * R) < rate * R) this.corruptUntil = this.rng.uniform() * R;
      this.nextCorruption = Math.max(0, this.corruptUntil) - Math.log(this.rng.uniform()) / rate;
    }
    this.nextTime = rate > 0 ? this.nextCorruption : Infinity;
    this.dirty = false;
  }

  /** The earliest timer, corruption arrival or corruption end. */
  private earliest(): number {
    let next = this.corruptUntil > 0 ? this.corruptUntil : this.nextCorruption;
    for (let f = 0; f < this.timer.length; f++)
      if ((this.timer[f] ?? Infinity) < next) next = this.timer[f] ?? Infinity;
    for (let t = 0; t < this.interruptedUntil.length; t++) {
      const u = this.interruptedUntil[t] ?? -Infinity;
      if (u > 0 && u < next) next = u;
    }
    return next;
  }

  /** Ends a trial at the horizon: closes the nodes' open down periods. */
  end(horizon: number): void {
    for (let f = 0; f < this.output.length; f++) {
      if (this.output[f] === 1) this.downSeconds[f] = (this.downSeconds[f] ?? 0) + horizon - (this.since[f] ?? 0);
    }
  }

  /** The pending timer fires at `now` (= nextTime); call {@link run} next. */
  fire(now: number): void {
    this.dirty = true;
    for (let t = 0; t < this.interruptedUntil.length; t++) {
      if ((this.interruptedUntil[t] ?? -Infinity) > 0 && (this.interruptedUntil[t] ?? 0) <= now)
        this.interruptedUntil[t] = -Infinity;
    }
    if (this.corruptUntil > 0 && this.corruptUntil <= now) this.corruptUntil = -Infinity;
    else if (this.nextCorruption <= now) {
      this.corruptUntil = now + this.m.corruptionSeconds;
      this.nextCorruption = this.corruptUntil - Math.log(this.rng.uniform()) / this.m.corruptionRate;
    }
    for (let f = 0; f < this.timer.length; f++) {
      if ((this.timer[f] ?? Infinity) > now) continue;
      this.timer[f] = Infinity;
      if (this.phase[f] === SWITCHING) this.phase[f] = this.decide(f);
      else if (this.phase[f] === FAILBACK) this.phase[f] = SERVING;
    }
  }

  /**
   * Runs the service program at time `now` with the failover nodes' states, advancing them;
   * returns 1 if the service is down.
   */
  run(program: Int32Array, tierDown: Uint8Array, stack: Uint8Array, now: number): number {
    let sp = 0;
    for (let pc = 0; pc < program.length; pc += 3) {
      const op = program[pc] ?? 0;
      const a = program[pc + 1] ?? 0;
      if (op === OP_TIER) {
        stack[sp++] = (this.interruptedUntil[a] ?? -Infinity) > now ? 1 : (tierDown[a] ?? 0);
        continue;
      }
      if (op === OP_FAILOVER) {
        const f = program[pc + 2] ?? 0;
        const out = this.step(f, stack[sp - 2] ?? 0, stack[sp - 1] ?? 0, now);
        sp -= 2;
        stack[sp++] = out;
        continue;
      }
      let down = 0;
      for (let i = sp - a; i < sp; i++) down += stack[i] ?? 0;
      sp -= a;
      stack[sp++] = combine(op, a, program[pc + 2] ?? 0, down);
    }
    this.starting = false;
    if (this.dirty) {
      this.nextTime = this.earliest();
      this.dirty = false;
    }
    return this.corruptUntil > now ? 1 : (stack[0] ?? 0);
  }

  private decide(f: number): number {
    return this.rng.uniform() < (this.m.failoverSuccess[f] ?? 1) ? ON_STANDBY : FAILED;
  }

  /** Advances node f given its inputs (1 = down) at `now`; returns its output. */
  private step(f: number, primaryDown: number, standbyDown: number, now: number): number {
    let phase = this.phase[f] ?? SERVING;
    if (phase === SERVING && primaryDown === 1) {
      this.episodes[f] = (this.episodes[f] ?? 0) + 1;
      const tau = this.m.failoverSwitchover[f] ?? 0;
      // An outage under way at a steady start is A ~ Exp(mean outage) old.
      const age =
        this.starting && this.steady ? -(this.m.failoverPrimaryMeanOutage[f] ?? 0) * Math.log(this.rng.uniform()) : 0;
      if (age >= tau) phase = this.decide(f);
      else {
        phase = SWITCHING;
        this.timer[f] = now + tau - age;
        this.dirty = true;
      }
    } else if (primaryDown === 0 && phase !== SERVING && phase !== FAILBACK) {
      const back = phase === ON_STANDBY && standbyDown === 0 && (this.m.failoverFailback[f] ?? 0) > 0;
      this.timer[f] = back ? now + (this.m.failoverFailback[f] ?? 0) : Infinity;
      this.dirty = true;
      phase = back ? FAILBACK : SERVING;
    }
    this.phase[f] = phase;
    const out = phase === SERVING ? 0 : phase === ON_STANDBY ? standbyDown : 1;
    if (out !== this.output[f]) {
      if (out === 1) this.since[f] = now;
      else this.downSeconds[f] = (this.downSeconds[f] ?? 0) + now - (this.since[f] ?? 0);
      this.output[f] = out;
    }
    return out;
  }
}
