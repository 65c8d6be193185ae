/**
 * The naive snapshot kernel: independent trials where each component is down with its
 * steady-state unavailability q, and the service structure is evaluated.
 *
 * Speed comes from sampling only the failures that occur: components with the same q form one
 * Bernoulli stream over the (trial × component) positions, walked by geometric skip-ahead
 * (gap = ⌊ln U / ln(1 − q)⌋, Devroye 1986, ch. X.2), so a trial without failures costs nothing.
 * Trials with one failure use precomputed outcomes; only trials with two or more are evaluated.
 */
import type { CompiledModel } from '../compile/compile.js';
import { chunkState } from '../random/rng.js';
import { StructureEvaluator } from '../compile/structure.js';

/** Counts from one chunk of snapshot trials. */
export type SnapshotCounts = {
  readonly trials: number;
  readonly serviceDown: number;
  readonly tierDown: readonly number[];
};

const BLOCK = 1 << 14;

/** Precomputed per-model state of the snapshot kernel. */
export type SnapshotPlan = {
  readonly model: CompiledModel;
  readonly groupStart: Int32Array;
  readonly groupComps: Int32Array;
  /** 1 / ln(1 − q) per group (−0 for q = 1). */
  readonly groupInvLog: Float64Array;
  readonly singleService: Uint8Array;
  readonly singleTier: Uint8Array;
  readonly zeroService: number;
  readonly zeroTier: Uint8Array;
};

/** Groups components by q and precomputes the outcomes of zero and one failure. */
export function snapshotPlan(m: CompiledModel): SnapshotPlan {
  const byQ = new Map<number, number[]>();
  for (let c = 0; c < m.componentCount; c++) {
    const q = m.q[c] ?? 0;
    if (q <= 0) continue;
    const list = byQ.get(q) ?? [];
    list.push(c);
    byQ.set(q, list);
  }
  const groups = [...byQ.entries()];
  const groupStart = new Int32Array(groups.length + 1);
  const comps: number[] = [];
  const groupInvLog = new Float64Array(groups.length);
  groups.forEach(([q, list], i) => {
    comps.push(...list);
    groupStart[i + 1] = comps.length;
    groupInvLog[i] = 1 / Math.log1p(-q);
  });
  const ev = new StructureEvaluator(m);
  const T = m.tierCount;
  const zeroService = ev.evaluate(new Int32Array(0), 0);
  const zeroTier = ev.tierDown.slice();
  const singleService = new Uint8Array(m.componentCount);
  const singleTier = new Uint8Array(m.componentCount * T);
  const one = new Int32Array(1);
  for (let c = 0; c < m.componentCount; c++) {
    one[0] = c;
    singleService[c] = ev.evaluate(one, 1);
    singleTier.set(ev.tierDown, c * T);
  }
  return {
    model: m,
    groupStart,
    groupComps: Int32Array.from(comps),
    groupInvLog,
    singleService,
    singleTier,
    zeroService,
    zeroTier,
  };
}

/**
 * Runs `trials` snapshot trials of chunk `chunk` (generator seeded from (seed, stream, chunk)).
 * Hot kernel: one function on purpose, see random/rng.ts (the generator words stay in locals through the loop).
 * @example runSnapshotChunk(snapshotPlan(compileModel(model)), 1, 1, 0, 1 << 20).serviceDown
 */
export function runSnapshotChunk(
  plan: SnapshotPlan,
  seed: number,
  stream: number,
  chunk: number,
  trials: number,
): SnapshotCounts {
  const m = plan.model;
  const T = m.tierCount;
  const C = m.componentCount;
  const G = plan.groupInvLog.length;
  const st = chunkState(seed, stream, chunk);
  let a = (st[0] ?? 0) | 0;
  let b = (st[1] ?? 0) | 0;
  let c = (st[2] ?? 0) | 0;
  let d = (st[3] ?? 0) | 0;
  let t32 = 0;

  const head = new Int32Array(BLOCK);
  const touched = new Int32Array(BLOCK);
  let cap = 1024;
  let evComp = new Int32Array(cap);
  let evNext = new Int32Array(cap);
  const singles = new Float64Array(C);
  const list = new Int32Array(C);
  const tierDown = new Float64Array(T);
  const ev = new StructureEvaluator(m);
  let serviceDown = 0;
  let touchedTrials = 0;

  // Next event position of each group, in (trial × group size) coordinates of this chunk.
  const pos = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    t32 = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t32) | 0;
    pos[g] = Math.floor(Math.log(((t32 >>> 0) + 0.5) * 2.3283064365386963e-10) * (plan.groupInvLog[g] ?? 0));
  }

  for (let b0 = 0; b0 < trials; b0 += BLOCK) {
    const B = Math.min(BLOCK, trials - b0);
    head.fill(-1, 0, B);
    let ne = 0;
    let nt = 0;
    for (let g = 0; g < G; g++) {
      const gs = plan.groupStart[g] ?? 0;
      const size = (plan.groupStart[g + 1] ?? 0) - gs;
      const inv = plan.groupInvLog[g] ?? 0;
      const end = (b0 + B) * size;
      let p = pos[g] ?? 0;
      while (p < end) {
        const trial = Math.floor(p / size);
        const lt = trial - b0;
        if (ne === cap) {
          cap *= 2;
          const c2 = new Int32Array(cap);
          c2.set(evComp);
          evComp = c2;
          const n2 = new Int32Array(cap);
          n2.set(evNext);
          evNext = n2;
        }
        evComp[ne] = plan.groupComps[gs + (p - trial * size)] ?? 0;
        const prev = head[lt] ?? -1;
        evNext[ne] = prev;
        if (prev === -1) touched[nt++] = lt;
        head[lt] = ne++;
        t32 = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        c = (c + t32) | 0;
        p += 1 + Math.floor(Math.log(((t32 >>> 0) + 0.5) * 2.3283064365386963e-10) * inv);
      }
      pos[g] = p;
    }
    touchedTrials += nt;
    for (let i = 0; i < nt; i++) {
      const e = head[touched[i] ?? 0] ?? 0;
      if ((evNext[e] ?? -1) === -1) {
        const comp = evComp[e] ?? 0;
        singles[comp] = (singles[comp] ?? 0) + 1;
        continue;
      }
      let len = 0;
      for (let x = e; x !== -1; x = evNext[x] ?? -1) list[len++] = evComp[x] ?? 0;
      serviceDown += ev.evaluate(list, len);
      for (let t = 0; t < T; t++) tierDown[t] = (tierDown[t] ?? 0) + (ev.tierDown[t] ?? 0);
    }
  }
  for (let comp = 0; comp < C; comp++) {
    const n = singles[comp] ?? 0;
    if (n === 0) continue;
    serviceDown += n * (plan.singleService[comp] ?? 0);
    for (let t = 0; t < T; t++) tierDown[t] = (tierDown[t] ?? 0) + n * (plan.singleTier[comp * T + t] ?? 0);
  }
  const zeroTrials = trials - touchedTrials;
  serviceDown += zeroTrials * plan.zeroService;
  for (let t = 0; t < T; t++) tierDown[t] = (tierDown[t] ?? 0) + zeroTrials * (plan.zeroTier[t] ?? 0);
  return { trials, serviceDown, tierDown: Array.from(tierDown) };
}
