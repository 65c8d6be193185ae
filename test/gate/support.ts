/** Builds gate inputs from model text (the real loader and engines), for the gate tests. */
import { analyzeModel } from '../../src/analytic/analyze-model.js';
import { loadModelText } from '../../src/config/load.js';
import { fileTargets } from '../../src/gate/index.js';
import type { GateFigures, GateTarget } from '../../src/gate/index.js';
import type { Model } from '../../src/model/types.js';

export function load(text: string): Model {
  const result = loadModelText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

export function figuresOf(model: Model): GateFigures {
  const analysis = analyzeModel(model);
  return { availability: analysis.availability, dataProtection: analysis.dataProtection };
}

export function targetsOf(model: Model): GateTarget[] {
  return fileTargets(model.targets, 'model.yaml');
}

/** One node, MTBF 999 h, MTTR 1 h: q = 1 / (999 + 1) = 0.001 exactly by hand. */
export const ONE_NODE = `
name: one-node
tiers:
  - { name: web, nodes: 1, failure: { mtbf: 999 h, mttr: 1 h } }
`;
