/**
 * The causes of a failover primary's outages (see failover-terms.ts): each zone, region or node
 * group whose loss alone takes the primary down is a cause with its own repair time; declared
 * interruptions are causes of fixed length; the remaining outage frequency shares the mean
 * length that makes Σ ν_i·D_i = q_P.
 */
import type { Component } from '../../model/component.js';
import type { Model } from '../../model/types.js';
import type { Frequency } from './frequency.js';
import type { DomainResult, ServiceResult } from './result.js';
import type { OutageCause } from './switchover-penalty.js';

/** What a sub-analysis (of a primary or a standby) must give: the figures the terms read, no more. */
export type SubAnalysis = {
  readonly service: Pick<ServiceResult, 'availability' | 'unavailability' | 'meanOutageSeconds' | 'outagesPerYear'>;
  /** Per zone, per region (as the model lists them). */
  readonly zones: readonly Pick<DomainResult, 'serviceSurvivesLoss' | 'serviceAvailabilityGivenLoss'>[];
  readonly regions: readonly Pick<DomainResult, 'serviceSurvivesLoss' | 'serviceAvailabilityGivenLoss'>[];
  readonly frequency: Frequency;
  /** Per tier: outages its declared interruptions start (rate per second) and their length. */
  readonly interruptions: readonly { readonly rate: number; readonly seconds: number }[];
  /** Per tier: its loss alone (everything else up) takes this structure down. */
  readonly tierLossTakesDown: readonly boolean[];
};

export type Subject =
  | { readonly kind: 'region' | 'zone'; readonly index: number }
  | { readonly kind: 'node'; readonly tier: number; readonly group: number }
  | { readonly kind: 'interruption'; readonly tier: number };
export type Cause = OutageCause & { readonly subject: Subject; readonly alone: boolean };

/** The causes of the primary's outages, from its frequency split (see the file comment). */
export function causesOf(model: Model, primary: SubAnalysis): Cause[] {
  const { frequency } = primary;
  const own: Cause[] = [];
  const rest: { subject: Subject; rate: number }[] = [];
  const add = (subject: Subject, rate: number, failure: Component | undefined, alone: boolean): void => {
    if (!(rate > 0)) return;
    if (alone && failure?.mttrSeconds !== undefined) {
      own.push({
        subject,
        rate,
        alone,
        meanSeconds: failure.mttrSeconds,
        shape: failure.repair.type === 'fixed' ? 'fixed' : 'exponential',
      });
    } else {
      rest.push({ subject, rate });
    }
  };
  for (const [i, r] of model.regions.entries()) {
    add(
      { kind: 'region', index: i },
      frequency.regions[i] ?? 0,
      r.failure,
      !(primary.regions[i]?.serviceSurvivesLoss ?? true),
    );
  }
  for (const [i, z] of model.zones.entries()) {
    add(
      { kind: 'zone', index: i },
      frequency.zones[i] ?? 0,
      z.failure,
      !(primary.zones[i]?.serviceSurvivesLoss ?? true),
    );
  }
  for (const [ti, t] of model.tiers.entries()) {
    for (const [gi, g] of t.groups.entries()) {
      add(
        { kind: 'node', tier: ti, group: gi },
        frequency.nodes[ti]?.[gi] ?? 0,
        g.failure,
        t.nodes === t.minHealthy && primary.tierLossTakesDown[ti] === true,
      );
    }
  }
  // A declared interruption is a primary outage of fixed length d: the standby cannot take
  // over within it unless τ < d.
  for (const [t, x] of primary.interruptions.entries()) {
    if (x.rate > 0 && x.seconds > 0)
      own.push({
        subject: { kind: 'interruption', tier: t },
        rate: x.rate,
        alone: false,
        meanSeconds: x.seconds,
        shape: 'fixed',
      });
  }
  const nu = frequency.total ?? 0;
  const q = primary.service.unavailability;
  // Outage starts not split over components (an inner failover's switchovers after a zone or
  // region loss) join the rest.
  const split = [...own, ...rest].reduce((x, c) => x + c.rate, 0);
  if (nu - split > 1e-12 * nu) rest.push({ subject: { kind: 'interruption', tier: -1 }, rate: nu - split });
  const restRate = rest.reduce((s, x) => s + x.rate, 0);
  if (restRate > 0) {
    const explained = own.reduce((s, c) => s + c.rate * c.meanSeconds, 0);
    const mean = q - explained > 0 ? (q - explained) / restRate : q / nu;
    for (const x of rest) own.push({ ...x, alone: false, meanSeconds: mean, shape: 'exponential' });
  }
  return own;
}
