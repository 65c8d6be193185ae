import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

let validate: ValidateFunction | undefined;

/** Validates a JSON report against schemas/report.schema.json; returns Ajv's errors or []. */
export function reportSchemaErrors(document: unknown): unknown[] {
  validate ??= new Ajv2020({ allErrors: true, strict: true }).compile(
    JSON.parse(readFileSync('schemas/report.schema.json', 'utf8')),
  );
  return validate(document) ? [] : (validate.errors ?? []);
}
