import type { Normalised } from '../normalise/model.js';
import type { Reader } from '../normalise/reader.js';
import { backupCapacity } from './backup-capacity.js';
import { backupSchedule } from './backup-schedule.js';
import { references } from './references.js';
import { repairTime } from './repair-time.js';
import { serviceExpression } from './service-expression.js';
import { standbyData } from './standby-data.js';
import { targetScope } from './target-scope.js';
import { tierQuorum } from './tier-quorum.js';
import { uniqueNames } from './unique-names.js';

/**
 * A semantic rule: reads the normalised document (its parts, and the outline of names and
 * references as written) and reports problems through the reader, placed by the locator.
 */
export type Rule = (normalised: Normalised, reader: Reader) => void;

/** Rules on names and references (the outline), in the order their problems are usually most useful. */
export const NAME_RULES: readonly Rule[] = [uniqueNames, references, serviceExpression, standbyData, targetScope];

/** Rules relating normalised values; a point of `--vary` (new values, same names) runs only these. */
export const VALUE_RULES: readonly Rule[] = [tierQuorum, repairTime, backupSchedule, backupCapacity];

export const RULES: readonly Rule[] = [...NAME_RULES, ...VALUE_RULES];

/** Runs rules on a normalised document; returns its model (undefined: it did not normalise). */
export function runRules(normalised: Normalised, reader: Reader, rules = RULES): Normalised['model'] {
  for (const rule of rules) rule(normalised, reader);
  return normalised.model;
}
