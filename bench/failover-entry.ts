// Bench entry for bench/failover.mjs (bundled by esbuild there): analyze on the example models
// and the timeline kernel on models with failover nodes.
export { analyzeModel } from '../src/analytic/analyze-model.js';
export { loadModelText } from '../src/config/load.js';
export { compileModel } from '../src/simulate/compile/compile.js';
export { runTimelineChunk } from '../src/simulate/kernels/timeline-kernel.js';
