import type { FailoverTerms } from './failover-terms.js';
import type { AvailabilityResult, Risk, SubjectKind } from './result.js';
import { formatNines } from '../../units/format.js';

type Input = Omit<AvailabilityResult, 'risks' | 'warnings' | 'importance' | 'cutSets'>;

/**
 * Single points of failure and the weakest link:
 * - a tier with n = k (one node failure takes the tier down), when the service needs it and
 *   does not survive its loss alone (a standby's single node is no such point);
 * - a zone or region whose loss alone (everything else up) takes the service down;
 * - a zone or region whose loss a standby covers (a failover path): not a single point of
 *   failure, named with its switchover and its share of the downtime instead;
 * - the tier, zone or region with the largest share of the service unavailability,
 *   (q_svc − q_svc(it perfect)) / q_svc, with the availability the service would have without it.
 * @example findRisks(result).filter((r) => r.kind === 'single-point-of-failure')
 */
export function findRisks(
  result: Input,
  paths: FailoverTerms['paths'] = [],
  tierLossSurvived: readonly boolean[] = [],
): Risk[] {
  return [
    ...tierPoints(result, tierLossSurvived),
    ...domainPoints(result),
    ...failoverPaths(result, paths),
    ...weakestLink(result),
  ];
}

/** Tiers with n = k that the service needs and does not survive losing. */
function tierPoints(result: Input, tierLossSurvived: readonly boolean[]): Risk[] {
  const risks: Risk[] = [];
  for (const [t, tier] of result.tiers.entries()) {
    const needed = tier.serviceAvailabilityIfPerfect > result.service.availability || tier.unavailabilityShare > 0;
    if (tier.nodes > 0 && tier.nodes === tier.minHealthy && needed && tierLossSurvived[t] !== true) {
      risks.push({
        kind: 'single-point-of-failure',
        subjectKind: 'tier',
        subject: tier.name,
        reason: 'no-redundancy',
        message:
          tier.nodes === 1
            ? `tier ${tier.name} has a single node: its failure takes the tier down`
            : `tier ${tier.name} needs all ${tier.nodes} of its nodes: any node failure takes it down`,
      });
    }
  }
  return risks;
}

/** Zones and regions whose loss alone takes the service down. */
function domainPoints(result: Input): Risk[] {
  const domains: [SubjectKind, AvailabilityResult['zones'] | AvailabilityResult['regions']][] = [
    ['zone', result.zones],
    ['region', result.regions],
  ];
  return domains.flatMap(([kind, list]) =>
    list
      .filter((d) => d.nodes > 0 && !d.serviceSurvivesLoss)
      .map(
        (d): Risk => ({
          kind: 'single-point-of-failure',
          subjectKind: kind,
          subject: d.name,
          reason: 'domain-loss',
          message: `losing ${kind} ${d.name} alone takes the service down`,
        }),
      ),
  );
}

/** Zones and regions whose loss a standby covers: named with the switchover and their share. */
function failoverPaths(result: Input, paths: FailoverTerms['paths']): Risk[] {
  const risks: Risk[] = [];
  for (const path of paths) {
    const d = (path.kind === 'zone' ? result.zones : result.regions)[path.index];
    const f = result.failovers[path.failover];
    if (d === undefined || f === undefined || !d.serviceSurvivesLoss) continue;
    const share = d.unavailabilityShare;
    risks.push({
      kind: 'failover-path',
      subjectKind: path.kind,
      subject: d.name,
      standby: f.standby,
      switchoverSeconds: f.switchoverSeconds,
      unavailabilityShare: share,
      message:
        `losing ${path.kind} ${d.name} fails over to ${f.standby} in ${roughDuration(f.switchoverSeconds)}` +
        `${f.success < 1 ? ` (succeeds with probability ${f.success})` : ''}; its losses cause ${(share * 100).toPrecision(3)}% of the unavailability`,
    });
  }
  return risks;
}

/** The tier, zone or region with the largest share of the unavailability, if any has one. */
function weakestLink(result: Input): Risk[] {
  const svcQ = result.service.unavailability;
  const candidates: { kind: SubjectKind; name: string; share: number; ifPerfect: number }[] = [
    ...result.tiers.map((t) => ({
      kind: 'tier' as const,
      name: t.name,
      share: t.unavailabilityShare,
      ifPerfect: t.serviceAvailabilityIfPerfect,
    })),
    ...result.zones.map((z) => ({
      kind: 'zone' as const,
      name: z.name,
      share: z.unavailabilityShare,
      ifPerfect: z.serviceAvailabilityIfPerfect,
    })),
    ...result.regions.map((r) => ({
      kind: 'region' as const,
      name: r.name,
      share: r.unavailabilityShare,
      ifPerfect: r.serviceAvailabilityIfPerfect,
    })),
  ];
  const worst = candidates.reduce<(typeof candidates)[number] | undefined>(
    (best, c) => (best === undefined || c.share > best.share ? c : best),
    undefined,
  );
  if (worst === undefined || worst.share <= 0 || svcQ <= 0) return [];
  const qIfPerfect = svcQ * (1 - worst.share);
  return [
    {
      kind: 'weakest-link',
      subjectKind: worst.kind,
      subject: worst.name,
      unavailabilityShare: worst.share,
      serviceAvailabilityIfPerfect: worst.ifPerfect,
      message: `${worst.kind} ${worst.name} causes ${(worst.share * 100).toPrecision(3)}% of the unavailability; without it the service would reach ${qIfPerfect > 0 ? formatNines(qIfPerfect) : 'perfection'}`,
    },
  ];
}

/** 30 s, 75 min, 2.5 h: for messages (the report formats figures itself). */
function roughDuration(seconds: number): string {
  const round = (x: number): string => String(Number(x.toPrecision(3)));
  if (seconds < 120) return `${round(seconds)} s`;
  if (seconds < 3 * 3600) return `${round(seconds / 60)} min`;
  return `${round(seconds / 3600)} h`;
}
