/**
 * P(at least one service outage within the horizon H), exactly where the structure allows.
 * The rare-event form 1 − e^(−νH) treats outages as a Poisson stream and ignores that the
 * service may be down at the start and that it cannot fail again while down; it is far off when
 * the unavailability is not small (one node, MTBF 30 d, MTTR 10 d, H = 150 d: 1 − e^(−3.75) =
 * 0.976 against the exact 0.995).
 */
import type { Component } from '../../model/component.js';
import type { Model } from '../../model/types.js';

export type OutageWithin = { readonly probability: number; readonly method: 'exact' | 'rare-event' };

/**
 * A single repairable component decides the service (it is the only part that can fail, and
 * its loss is an outage): from the steady state, P(no outage in [0, H]) = A·e^(−λH) (up at 0,
 * then no failure for H), so P = 1 − (1 − q)·e^(−λH) = −expm1(log1p(−q) − λH). Otherwise the
 * rare-event form −expm1(−νH), labelled as such (the simulator's timeline measures it).
 * @example outageWithin(oneNode, 150 * 86_400, nu).probability // 1 − 0.75·e^(−5) = 0.99495
 */
export function outageWithin(model: Model, horizonSeconds: number, nu: number, serviceQ: number): OutageWithin {
  const only = soleFailingComponent(model);
  const rate = only?.failureRate;
  if (
    only !== undefined &&
    rate !== undefined &&
    rate > 0 &&
    Math.abs(only.unavailability - serviceQ) <= 1e-12 * Math.max(serviceQ, 1e-300)
  ) {
    return { probability: -Math.expm1(Math.log1p(-only.unavailability) - rate * horizonSeconds), method: 'exact' };
  }
  return { probability: -Math.expm1(-nu * horizonSeconds), method: 'rare-event' };
}

/** The one component of the model that can fail (a single node, zone or region), if there is exactly one. */
function soleFailingComponent(model: Model): Component | undefined {
  const failing: Component[] = [];
  const add = (c: Component | undefined, count: number): void => {
    if (c !== undefined && c.unavailability > 0) for (let i = 0; i < Math.min(count, 2); i++) failing.push(c);
  };
  for (const r of model.regions) add(r.failure, 1);
  for (const z of model.zones) add(z.failure, 1);
  for (const t of model.tiers) for (const g of t.groups) add(g.failure, g.count);
  return failing.length === 1 ? failing[0] : undefined;
}
