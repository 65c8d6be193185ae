/**
 * Evaluates the service structure for one snapshot: given the components that are down,
 * which tiers are down and whether the service is down. A node is up only if it, its zone and
 * its zone's region are up (DESIGN §4, common cause); tier t is down when at least
 * n − k + 1 of its nodes are effectively down.
 */
import { OP_ALL, OP_ANY, OP_AT_LEAST, OP_FAILOVER, OP_TIER, type CompiledModel } from './compile.js';

/**
 * Runs the postfix service program over tier states (1 = down); returns 1 if the service is
 * down. A snapshot has no time, so a failover is the static parallel of primary and standby
 * (its switchover windows exist only on a timeline: see failover-timeline.ts).
 */
export function runProgram(program: Int32Array, tierDown: Uint8Array, stack: Uint8Array): number {
  let sp = 0;
  for (let pc = 0; pc < program.length; pc += 3) {
    const op = program[pc] ?? 0;
    const a = program[pc + 1] ?? 0;
    if (op === OP_TIER) {
      stack[sp++] = tierDown[a] ?? 0;
      continue;
    }
    let down = 0;
    for (let i = sp - a; i < sp; i++) down += stack[i] ?? 0;
    sp -= a;
    stack[sp++] = combine(op === OP_FAILOVER ? OP_ANY : op, a, program[pc + 2] ?? 0, down);
  }
  return stack[0] ?? 0;
}

/** One all / any / atLeast b node over a operands of which `down` are down: 1 if it is down. */
export function combine(op: number, a: number, b: number, down: number): number {
  if (op === OP_ALL) return down > 0 ? 1 : 0;
  if (op === OP_ANY) return down === a ? 1 : 0;
  if (op === OP_AT_LEAST) return a - down < b ? 1 : 0;
  throw new Error(`simulate: bad opcode ${op}`);
}

/** Scratch state for evaluating snapshots of one compiled model; not shared between threads. */
export class StructureEvaluator {
  /** Tier states of the last evaluation (1 = down). */
  readonly tierDown: Uint8Array;
  private readonly m: CompiledModel;
  private readonly zoneDown: Uint8Array;
  private readonly touchedZones: Int32Array;
  private readonly tierDownNodes: Int32Array;
  private readonly stack: Uint8Array;

  constructor(m: CompiledModel) {
    this.m = m;
    this.tierDown = new Uint8Array(m.tierCount);
    this.zoneDown = new Uint8Array(m.zoneCount);
    this.touchedZones = new Int32Array(m.zoneCount);
    this.tierDownNodes = new Int32Array(m.tierCount);
    this.stack = new Uint8Array(Math.max(1, m.stackDepth));
  }

  /**
   * Evaluates the snapshot where components list[0 .. len) are down (each at most once).
   * Fills `tierDown` and returns 1 if the service is down.
   */
  evaluate(list: Int32Array, len: number): number {
    const m = this.m;
    const R = m.regionCount;
    const Z = m.zoneCount;
    const RZ = R + Z;
    const T = m.tierCount;
    const zoneDown = this.zoneDown;
    const touched = this.touchedZones;
    const cnt = this.tierDownNodes;
    cnt.fill(0);
    // Effective zone states: a zone is down if it or its region is down.
    let nz = 0;
    for (let i = 0; i < len; i++) {
      const c = list[i] ?? 0;
      if (c < R) {
        for (let j = m.regionZoneStart[c] ?? 0; j < (m.regionZoneStart[c + 1] ?? 0); j++) {
          const z = m.regionZones[j] ?? 0;
          if (zoneDown[z] === 0) {
            zoneDown[z] = 1;
            touched[nz++] = z;
          }
        }
      } else if (c < RZ) {
        const z = c - R;
        if (zoneDown[z] === 0) {
          zoneDown[z] = 1;
          touched[nz++] = z;
        }
      }
    }
    for (let i = 0; i < nz; i++) {
      const z = touched[i] ?? 0;
      for (let t = 0; t < T; t++) cnt[t] = (cnt[t] ?? 0) + (m.tierZoneNodes[t * Z + z] ?? 0);
    }
    for (let i = 0; i < len; i++) {
      const c = list[i] ?? 0;
      if (c < RZ) continue;
      const node = c - RZ;
      const z = m.nodeZone[node] ?? -1;
      if (z < 0 || zoneDown[z] === 0) {
        const t = m.nodeTier[node] ?? 0;
        cnt[t] = (cnt[t] ?? 0) + 1;
      }
    }
    for (let t = 0; t < T; t++) this.tierDown[t] = (cnt[t] ?? 0) >= (m.tierThreshold[t] ?? 0) ? 1 : 0;
    for (let i = 0; i < nz; i++) zoneDown[touched[i] ?? 0] = 0;
    return runProgram(m.program, this.tierDown, this.stack);
  }
}
