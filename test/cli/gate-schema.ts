/** The report schema compiled once for the CLI tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';

const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../schemas/report.schema.json', import.meta.url)), 'utf8'),
) as object;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

/** Errors of a document against schemas/report.schema.json ('' when valid). */
export function reportSchemaErrors(document: unknown): string {
  return validate(document) ? '' : JSON.stringify(validate.errors, null, 1);
}
