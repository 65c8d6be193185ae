// What every nines run must satisfy, whatever the model: a known exit code, exactly one JSON
// document valid against the report schema, no NaN or ∞, probabilities in [0, 1], durations
// and sizes ≥ 0, availability + unavailability = 1, and a position on every model problem.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

let validate;
function schemaErrors(document) {
  validate ??= new Ajv2020({ allErrors: false, strict: false }).compile(
    JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8')),
  );
  return validate(document) ? [] : (validate.errors ?? []);
}

const PROBABILITY =
  /(^|[a-z])(availability|Availability|unavailability|Unavailability|probability|Probability|Share|share)$/;
const NON_NEGATIVE = /(Seconds|Bytes|BytesPerSecond|PerYear|trials|Trials|events)$/;

/** Figure invariants over a JSON document; returns the violations found (path: what). */
export function figureViolations(document) {
  const out = [];
  const unit = (x) => typeof x === 'number' && x >= 0 && x <= 1;
  const walk = (v, path, key) => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`, key);
      return;
    }
    if (v === null || typeof v !== 'object') {
      if (typeof v !== 'number' || typeof key !== 'string') return;
      if (PROBABILITY.test(key) && !key.startsWith('log10') && !unit(v)) out.push(`${path}: ${v} is not in [0, 1]`);
      if (NON_NEGATIVE.test(key) && v < 0) out.push(`${path}: ${v} is negative`);
      return;
    }
    if (typeof key === 'string' && PROBABILITY.test(key) && 'estimate' in v) {
      for (const f of ['estimate', 'upperBound', 'analytic'])
        if (f in v && !unit(v[f])) out.push(`${path}.${f}: ${v[f]} is not in [0, 1]`);
      if (Array.isArray(v.ci) && !(unit(v.ci[0]) && unit(v.ci[1]))) out.push(`${path}.ci: [${v.ci}] is not in [0, 1]`);
    }
    if (Array.isArray(v.ci) && typeof v.ci[0] === 'number' && v.ci[0] > v.ci[1])
      out.push(`${path}.ci: lower bound above upper`);
    if (typeof v.availability === 'number' && typeof v.unavailability === 'number') {
      const sum = v.availability + v.unavailability;
      if (Math.abs(sum - 1) > 1e-9) out.push(`${path}: availability + unavailability = ${sum}`);
    }
    for (const k of Object.keys(v)) walk(v[k], `${path}.${k}`, k);
  };
  walk(document, '$', undefined);
  return out;
}

/**
 * Classifies one run: 'ok', or a failure class (internal, unknown-exit, json, schema,
 * non-finite, no-position, invariant) with its detail.
 */
export function classify(run, hostile) {
  const { code, stdout, stderr, nonFinite } = run;
  if (code === 70 || /internal error/.test(stderr)) return { kind: 'internal', detail: stderr.slice(0, 2000) };
  if (![0, 1, 2, 3].includes(code)) return { kind: 'unknown-exit', detail: `exit ${code}` };
  const lines = stdout.split('\n').filter((l) => l.trim() !== '');
  let document;
  try {
    if (lines.length !== 1) throw new Error(`${lines.length} lines on stdout`);
    document = JSON.parse(lines[0]);
  } catch (e) {
    return { kind: 'json', detail: `${e.message}: ${stdout.slice(0, 300)}` };
  }
  if (nonFinite.length > 0) return { kind: 'non-finite', detail: nonFinite.slice(0, 5).join(', ') };
  const schema = schemaErrors(document);
  if (schema.length > 0) return { kind: 'schema', detail: JSON.stringify(schema.slice(0, 3)) };
  if (code === 2) {
    const problems = document.problems ?? [];
    const errors = problems.filter((p) => p.severity === 'error');
    // A flag error (hostile --set/--fail) or a refusal of the simulator (which names the field
    // and what to change) is not a model problem: it has no line to point at.
    const refusal = document.error?.code === 'simulation-refused';
    if (document.error !== undefined && !hostile && !refusal)
      return { kind: 'no-position', detail: JSON.stringify(document.error) };
    if (document.error === undefined && errors.length === 0)
      return { kind: 'no-position', detail: 'exit 2 without an error' };
    const unplaced = errors.filter((p) => !(p.line >= 1 && p.col >= 1));
    if (unplaced.length > 0) return { kind: 'no-position', detail: JSON.stringify(unplaced[0]) };
    return { kind: 'ok' };
  }
  const violations = figureViolations(document);
  if (violations.length > 0) return { kind: 'invariant', detail: violations.slice(0, 5).join('; ') };
  return { kind: 'ok' };
}
