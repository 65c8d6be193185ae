/**
 * A standby in another region as a recommendation: where a region's loss dominates the service
 * unavailability (its Fussell–Vesely ≥ 50%), a copy of each tier that lives only in that region
 * goes into a zone of another region and the service fails over to it
 * (`failover: {primary, standby}`). Like every candidate it is judged by re-running the engine,
 * whose failover node prices the switchover windows.
 */
import { type Env, isRaw, list, type Raw } from './env.js';

/** The switchover assumed when the model has no `recovery` to derive one from. */
const ASSUMED_SWITCHOVER = '1 h';

/** The raw service expression with the tier leaf `name` (outside any failover) replaced by `by`. */
function replaceTier(expr: unknown, name: string, by: unknown): unknown {
  if (expr === name) return by;
  if (!isRaw(expr)) return expr;
  for (const key of ['all', 'any', 'of'] as const) {
    const items = expr[key];
    if (Array.isArray(items)) return { ...expr, [key]: items.map((e) => replaceTier(e, name, by)) };
  }
  return expr;
}

function fresh(name: string, taken: ReadonlySet<string>): string {
  let out = `${name}-standby`;
  for (let i = 2; taken.has(out); i++) out = `${name}-standby-${i}`;
  return out;
}

/**
 * `tiers=[…, standby]` and `service=…` for each tier held only by the dominating region.
 * @example standbyCandidate(env) // adds ['tiers=[…{"name":"db-standby","nodes":{"eu-a":3}…}]', 'service={"failover":…}']
 */
export function standbyCandidate({ model, raw, analysis, add }: Env): void {
  const top = analysis.availability.importance.find((i) => i.subjectKind === 'region');
  if (top === undefined || top.fussellVesely < 0.5) return;
  const regionOf = new Map(model.zones.map((z) => [z.name, z.region]));
  const target = model.regions.find((r) => r.name !== top.subject && model.zones.some((z) => z.region === r.name));
  const zone = model.zones.find((z) => z.region === target?.name);
  if (target === undefined || zone === undefined) return;
  const rawTiers = list(raw['tiers']);
  const taken = new Set(model.tiers.map((t) => t.name));
  const service = raw['service'] ?? { all: model.tiers.map((t) => t.name) };
  model.tiers.forEach((tier, t) => {
    const own = rawTiers[t];
    const inRegion = tier.groups.every((g) => g.zone !== undefined && regionOf.get(g.zone) === top.subject);
    if (own === undefined || !inRegion || own['failure'] === undefined) return;
    const name = fresh(tier.name, taken);
    const failover: Raw = { primary: tier.name, standby: name };
    if (model.recovery === undefined) failover['switchover'] = ASSUMED_SWITCHOVER;
    const next = replaceTier(service, tier.name, { failover });
    if (JSON.stringify(next) === JSON.stringify(service)) return;
    const standby = { ...own, name, nodes: { [zone.name]: tier.nodes } };
    add(
      [`tiers=${JSON.stringify([...rawTiers, standby])}`, `service=${JSON.stringify(next)}`],
      `a standby of tier ${tier.name} in region ${target.name} (${tier.nodes} node${tier.nodes === 1 ? '' : 's'} in zone ` +
        `${zone.name}) taking over when region ${top.subject} is lost` +
        (model.recovery === undefined ? ` (switchover ${ASSUMED_SWITCHOVER} assumed: the model has no recovery)` : ''),
    );
  });
}
