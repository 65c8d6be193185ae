import type { Raw, Reader } from '../normalise/reader.js';
import { references } from './references.js';
import { serviceExpression } from './service-expression.js';
import { standbyData } from './standby-data.js';
import { targetScope } from './target-scope.js';
import { uniqueNames } from './unique-names.js';

/** A semantic rule: reads the raw document, reports problems through the reader. */
export type Rule = (raw: Raw, reader: Reader) => void;

/** Every semantic rule, in the order their problems are usually most useful. */
export const RULES: readonly Rule[] = [uniqueNames, references, serviceExpression, standbyData, targetScope];
