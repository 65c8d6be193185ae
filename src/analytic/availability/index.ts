/** The analytic availability engine (DESIGN §4): `analyzeAvailability(model)` and its result types. */
export { analyzeAvailability } from './analyze.js';
export type * from './result.js';
export { kOfN, type KOfN, type NodeClass } from './k-of-n.js';
export { series, parallel, atLeast, type Pair } from './pair.js';
export { binomialPmf, binomialRange, logChoose } from './binomial.js';
