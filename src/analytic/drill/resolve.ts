/**
 * Names given to `--fail` → the components they denote: a zone, a region, a whole tier, or one
 * node `tier[i]` (i from 0, counting the tier's nodes in the order of its groups). A name may
 * carry its kind to disambiguate: `zone:a`, `region:eu`, `tier:db`, `node:db[0]`.
 */
import { resolveModel, type ResolvedModel } from '../../model/resolve.js';
import type { FailureRef } from '../../model/down-set.js';
import type { Model } from '../../model/types.js';
import { suggest } from '../../lib/suggest.js';

export type Resolved =
  | { readonly ok: true; readonly value: readonly FailureRef[] }
  | { readonly ok: false; readonly name: string; readonly message: string };

const NODE = /^(.+)\[(\d+)\]$/;

/**
 * Resolves each name against the model's zones, regions, tiers and nodes.
 * @example resolveFailures(model, ['az-a', 'db[0]']) // { ok: true, value: [{ kind: 'zone', name: 'az-a' }, { kind: 'node', tier: 'db', index: 0, … }] }
 */
export function resolveFailures(model: Model, names: readonly string[]): Resolved {
  const resolved = resolveModel(model);
  const out: FailureRef[] = [];
  for (const text of names) {
    const ref = resolveOne(resolved, text.trim());
    if (typeof ref === 'string') return { ok: false, name: text, message: ref };
    if (!out.some((r) => r.kind === ref.kind && r.name === ref.name)) out.push(ref);
  }
  return { ok: true, value: out };
}

function resolveOne(resolved: ResolvedModel, text: string): FailureRef | string {
  const { model } = resolved;
  const colon = text.indexOf(':');
  const kind = colon > 0 ? text.slice(0, colon) : undefined;
  const name = colon > 0 ? text.slice(colon + 1) : text;
  if (kind !== undefined && !['zone', 'region', 'tier', 'node'].includes(kind)) {
    return `unknown kind '${kind}'; use zone:, region:, tier: or node:`;
  }
  const node = NODE.exec(name);
  if (node !== null && (kind === undefined || kind === 'node')) {
    const [, tierName = '', indexText = ''] = node;
    const tier = model.tiers[resolved.tierIndex.get(tierName) ?? -1];
    if (tier === undefined)
      return unknown(
        `tier '${tierName}'`,
        tierName,
        model.tiers.map((t) => t.name),
      );
    const index = Number(indexText);
    if (index >= tier.nodes)
      return `tier ${tier.name} has ${tier.nodes} node(s): ${tier.name}[0] … ${tier.name}[${tier.nodes - 1}]`;
    return { kind: 'node', name: `${tier.name}[${index}]`, tier: tier.name, index };
  }
  const matches: FailureRef[] = [];
  if ((kind === undefined || kind === 'zone') && resolved.zoneIndex.has(name)) matches.push({ kind: 'zone', name });
  if ((kind === undefined || kind === 'region') && resolved.regionIndex.has(name))
    matches.push({ kind: 'region', name });
  if ((kind === undefined || kind === 'tier') && resolved.tierIndex.has(name)) matches.push({ kind: 'tier', name });
  const [first, second] = matches;
  if (first !== undefined && second === undefined) return first;
  if (first !== undefined)
    return `'${name}' is both a ${first.kind} and a ${second?.kind ?? ''}; write ${first.kind}:${name} or ${second?.kind ?? ''}:${name}`;
  const candidates = [...model.zones, ...model.regions, ...model.tiers].map((x) => x.name);
  return unknown(`zone, region, tier or node '${name}'`, name, candidates);
}

function unknown(what: string, name: string, candidates: readonly string[]): string {
  const hint = suggest(name, candidates);
  return `no ${what}${hint ? ` (did you mean '${hint}'?)` : ''}; names: ${candidates.join(', ') || 'none'}`;
}
