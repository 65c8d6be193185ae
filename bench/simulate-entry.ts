// Bench entry for bench/simulate.mjs (bundled by esbuild there): the simulator's kernels and
// the reference models of issue 5.
export { compileModel } from '../src/simulate/compile/compile.js';
export { runSnapshotChunk, snapshotPlan } from '../src/simulate/kernels/snapshot-kernel.js';
export { runTimelineChunk } from '../src/simulate/kernels/timeline-kernel.js';
export { simulate } from '../src/simulate/run/simulate.js';
export { simulateSync } from '../src/simulate/run/run-sync.js';
export {
  model,
  referenceSnapshotModel,
  referenceTimelineModel,
  staticComponent,
  tier,
} from '../test/support/reference-models.js';
export { analyzeAvailability } from '../src/analytic/availability/index.js';
