import type { Component } from '../../model/component.js';
import type { BackupMethod } from '../../model/data-protection.js';
import type { Path } from '../problem.js';

type Origin = { readonly path: Path; readonly keys: ReadonlySet<string> };

/** A backup's schedule as normalised, also when the backup itself could not be (an unknown location, say). */
export type BackupSchedule = {
  readonly method: BackupMethod | undefined;
  readonly everySeconds: number | undefined;
  readonly fullEverySeconds: number | undefined;
  /** `every` as written, for messages that quote it. */
  readonly everyText: string;
};

/**
 * Where each normalised entity (a tier, a component, a backup) was written in the document,
 * and which keys its mapping had: what a rule over the normalised model needs to place a
 * problem (through the locator) and to tell a written value from a derived default.
 */
export class Origins {
  private readonly origins = new WeakMap<object, Origin>();
  /** Every failure spec normalised (regions, zones, tiers, node groups), also of a tier then dropped. */
  readonly failures: Component[] = [];
  /** Every backup's schedule, in file order. */
  readonly schedules: BackupSchedule[] = [];

  /** Records that `value` was normalised from the mapping `raw` at `path`; returns `value`. */
  record<T extends object>(value: T, path: Path, raw: Readonly<Record<string, unknown>>): T {
    this.origins.set(value, { path, keys: new Set(Object.keys(raw)) });
    return value;
  }

  /** The document path `value` was read from (`undefined`: not read from the document). */
  path(value: object): Path | undefined {
    return this.origins.get(value)?.path;
  }

  /** Whether the document wrote `key` in the mapping `value` was read from. */
  wrote(value: object, key: string): boolean {
    return this.origins.get(value)?.keys.has(key) ?? false;
  }
}
