/**
 * Cost of a design from its price list (model.costs): each priced part's amount per month
 * (30 d) and per year (365 d), the total, and the cost per nine of service availability.
 */
import type { CostItem, CostKind } from '../model/cost.js';
import type { Model } from '../model/types.js';
import { SECONDS_PER_MONTH, SECONDS_PER_YEAR } from '../units/conventions.js';
import type { AvailabilityResult } from './availability/index.js';
import type { DataProtectionResult } from './data-protection/index.js';

/** What a part's quantity counts: nodes of a tier, stored bytes, or a fixed price (quantity 1). */
export type CostBasis = 'nodes' | 'stored' | 'fixed';

export type CostPart = {
  readonly kind: CostKind;
  readonly name: string;
  readonly basis: CostBasis;
  /** Nodes, stored bytes, or 1 for a fixed price. */
  readonly quantity: number;
  /** Price of one unit of the quantity per month: per node, per byte, or the fixed amount. */
  readonly unitPricePerMonth: number;
  readonly perMonth: number;
  readonly perYear: number;
};

export type CostResult = {
  /** Sum of the parts per month (30 d). */
  readonly perMonth: number;
  /** Sum of the parts per year (365 d): perMonth × 365 / 30. */
  readonly perYear: number;
  /** perMonth ÷ the service's nines (−log10 q); null when the nines are 0 or infinite. */
  readonly perNinePerMonth: number | null;
  readonly parts: readonly CostPart[];
};

/**
 * Prices × quantities: a tier costs nodes × perNode; a zone or region its fixed amount; a
 * backup job its stored bytes (steady state at the end of the horizon) × price; the live data
 * S(H) × stored copies × price, the copies being the durability scheme's (r replicas, or
 * (k + m) / k for erasure k + m) or, without one, the data tier's n nodes as full replicas;
 * a copy S(H) × price plus its fixed amount. undefined when the model prices nothing.
 * @example costOf(model, availability, dataProtection)?.perMonth // 1728 for 1 node at 2.4/h
 */
export function costOf(
  model: Model,
  availability: AvailabilityResult,
  dataProtection: DataProtectionResult | undefined,
): CostResult | undefined {
  if (model.costs === undefined || model.costs.length === 0) return undefined;
  const parts = model.costs.flatMap((item) => partsOf(item, model, dataProtection));
  const perSecond = parts.reduce((sum, p) => sum + p.perMonth / SECONDS_PER_MONTH, 0);
  const perMonth = perSecond * SECONDS_PER_MONTH;
  const nines = availability.service.nines;
  return {
    perMonth,
    perYear: perSecond * SECONDS_PER_YEAR,
    perNinePerMonth: nines === null || !Number.isFinite(nines) || nines <= 0 ? null : perMonth / nines,
    parts,
  };
}

function partsOf(item: CostItem, model: Model, dp: DataProtectionResult | undefined): CostPart[] {
  switch (item.kind) {
    case 'tier': {
      const nodes = model.tiers.find((t) => t.name === item.name)?.nodes ?? 0;
      return [part(item.kind, item.name, 'nodes', nodes, item.perNodePerSecond)];
    }
    case 'zone':
    case 'region':
      return [part(item.kind, item.name, 'fixed', 1, item.fixedPerSecond)];
    case 'backup': {
      const stored = dp?.backups.find((b) => b.name === item.name)?.storageBytes ?? 0;
      return [part(item.kind, item.name, 'stored', stored, item.perByteSecond)];
    }
    case 'data':
      return [
        part(item.kind, item.name, 'stored', (dp?.sizeAtHorizonBytes ?? 0) * storedCopies(model), item.perByteSecond),
      ];
    case 'copy': {
      const parts = [part(item.kind, item.name, 'stored', dp?.sizeAtHorizonBytes ?? 0, item.perByteSecond)];
      if (item.fixedPerSecond > 0) parts.push(part(item.kind, item.name, 'fixed', 1, item.fixedPerSecond));
      return item.perByteSecond > 0 ? parts : parts.slice(1);
    }
    default: {
      const never: never = item;
      throw new Error(`unknown cost item ${JSON.stringify(never)}`);
    }
  }
}

/** Raw bytes stored per logical byte of live data. */
function storedCopies(model: Model): number {
  const scheme = model.data?.durability?.scheme;
  if (scheme === undefined) return model.tiers.find((t) => t.name === model.data?.tier)?.nodes ?? 0;
  return scheme.kind === 'replicas' ? scheme.replicas : (scheme.data + scheme.parity) / scheme.data;
}

function part(kind: CostKind, name: string, basis: CostBasis, quantity: number, perUnitPerSecond: number): CostPart {
  const unitPricePerMonth = perUnitPerSecond * SECONDS_PER_MONTH;
  return {
    kind,
    name,
    basis,
    quantity,
    unitPricePerMonth,
    perMonth: quantity * unitPricePerMonth,
    perYear: quantity * perUnitPerSecond * SECONDS_PER_YEAR,
  };
}
