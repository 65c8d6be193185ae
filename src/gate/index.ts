/** The CI gate: targets → records and an exit code (DESIGN §2, §5). */
export type * from './types.js';
export { evaluateTargets } from './evaluate.js';
export { measure, type Measured, type McInterval } from './metrics.js';
export { comparedThreshold, comparesComplement, meets, type Operator } from './comparison.js';
export { decideMonteCarlo, type McOutcome } from './monte-carlo.js';
export { mergeTargets, fileTargets } from './merge.js';
export { gateExit, type ExitPolicy, type GateExit } from './exit.js';
export { targetId, formatMetric, formatThreshold } from './describe.js';
export { compareAnalyses, type CompareMetric, type CompareResult, type CompareUnit, type Change } from './compare.js';
