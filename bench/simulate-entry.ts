// Bench entry for bench/simulate.mjs (bundled by esbuild there): the simulator's kernels and
// the reference models of issue 5.
export { compileModel } from '../src/simulate/compile.js';
export { runSnapshotChunk, snapshotPlan } from '../src/simulate/snapshot-kernel.js';
export { runTimelineChunk } from '../src/simulate/timeline-kernel.js';
export { simulate } from '../src/simulate/simulate.js';
export { simulateSync } from '../src/simulate/run-sync.js';
export { model, referenceSnapshotModel, referenceTimelineModel, staticComponent, tier } from '../src/simulate/reference-models.js';
export { analyzeAvailability } from '../src/analytic/availability/index.js';
