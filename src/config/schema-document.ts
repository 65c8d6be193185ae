/**
 * The model file's JSON Schema as plain data, and how to find one's way in it: the branches of
 * a union, the subschema at a JSON pointer (each subschema of the precompiled validator carries
 * its pointer in `$comment`).
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import schemaDocument from '../../schemas/model.schema.json' with { type: 'json' };

/** The JSON Schema of the model file (schemas/model.schema.json), as plain data. */
export const modelSchema: Readonly<Record<string, unknown>> = schemaDocument;

export type Schema = Record<string, unknown>;

export function isUnion(e: ErrorObject): boolean {
  return e.keyword === 'oneOf' || e.keyword === 'anyOf';
}

/** The JSON pointers of a union's branches (each branch schema carries its own). */
export function branchesOf(union: ErrorObject): string[] {
  return Array.isArray(union.schema) ? (union.schema as unknown[]).map(pointerOf) : [];
}

export function pointerOf(schema: unknown): string {
  return isObject(schema) && typeof schema['$comment'] === 'string' ? schema['$comment'] : '';
}

/** The subschema of the (clean) model schema at a JSON pointer. */
export function resolve(pointer: string): Schema {
  let node: unknown = modelSchema;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = Array.isArray(node) ? node[Number(key)] : isObject(node) ? node[key] : undefined;
  }
  return isObject(node) ? node : {};
}

export function allRequiredOnly(branches: readonly unknown[]): boolean {
  return (
    branches.length > 0 &&
    branches.every((b) => isObject(b) && Object.keys(b).every((k) => k === 'required' || k === 'description'))
  );
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
