// Types of the validator that scripts/generate-validator.mjs writes next to this file.
import type { ValidateFunction } from 'ajv';

declare const validate: ValidateFunction;
export default validate;

/** The model schema with `$comment: "<JSON pointer>"` on every subschema. */
export declare const annotatedSchema: Record<string, unknown>;
