/**
 * Example models too large for the generic simulation kernels in a test: training-16k-gpu.yaml
 * has a 16,416-node tier, whose importance-sampling fallback (too many minimal cut sets) takes
 * minutes. Its figures are cross-checked where they are computed: spares against the simulator
 * on a 66-node fleet and the example against the Poisson quantile
 * (test/analytic/capacity/spares.test.ts), goodput against its timeline simulation
 * (test/analytic/capacity/goodput.test.ts), and its header's naive simulate run by
 * test/cli/plan.test.ts.
 */
export const LARGE_MODELS: ReadonlySet<string> = new Set(['training-16k-gpu.yaml']);
