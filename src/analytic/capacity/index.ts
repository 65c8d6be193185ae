export {
  planCapacity,
  interruptionRate,
  type PlanResult,
  type PlanOptions,
  type Runway,
  type RunwayKind,
  type Addition,
  type PlanStep,
} from './plan.js';
export { analyzeSpares, shortageProbability, sparesFor, type SparesResult } from './spares.js';
export { analyzeJob, dalyGoodput, dalyInterval, firstOrderGoodput, youngInterval, type JobResult } from './goodput.js';
export { crossingTime, grownAt } from './growth.js';
