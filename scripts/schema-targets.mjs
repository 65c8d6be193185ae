// Rewrites the target metrics' part of schemas/model.schema.json from the registry: every
// `<metric>Target` definition and every `targets.properties` entry, as `targetSchemas()`
// (src/model/target-schema.ts, bundled with esbuild) returns them; and the metric enum of the
// report schema's check record (schemas/report.schema.json). An existing key or name keeps its
// place in the file; a new metric's is appended; a metric gone from the registry is removed.
// Then rebuild (`npm run build`): the validator is compiled from the schema.
//
//   npm run schema:targets
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importBundled } from './bundle.mjs';

const file = fileURLToPath(new URL('../schemas/model.schema.json', import.meta.url));
const reportFile = fileURLToPath(new URL('../schemas/report.schema.json', import.meta.url));
const entry = fileURLToPath(new URL('../src/model/target-schema.ts', import.meta.url));
const { targetSchemas } = await importBundled(entry);
const { definitions, properties } = targetSchemas();

const before = readFileSync(file, 'utf8');
const schema = JSON.parse(before);
const targets = schema.definitions.targets.properties;
for (const name of Object.keys(targets))
  if (!(name in properties)) {
    delete targets[name];
    delete schema.definitions[`${name}Target`];
  }
Object.assign(targets, properties);
Object.assign(schema.definitions, definitions);

const after = `${JSON.stringify(schema, null, 2)}\n`;
if (after === before) console.log('schemas/model.schema.json: the target schemas are up to date');
else {
  writeFileSync(file, after);
  console.log('schemas/model.schema.json: target schemas rewritten from the registry; now `npm run build`');
}

// The check record's metric names: the registry's, in the file's order, new ones last. The
// file is laid out by hand, so only the one line of the enum is rewritten.
const reportBefore = readFileSync(reportFile, 'utf8');
const enumLine = /("metric": \{ "enum": )(\[[^\]]*\])( \})/;
const found = enumLine.exec(reportBefore);
if (found === null)
  throw new Error('schemas/report.schema.json: the check record\'s "metric": { "enum": [...] } line is gone');
const current = JSON.parse(found[2]);
const names = Object.keys(properties);
const next = [...current.filter((m) => names.includes(m)), ...names.filter((m) => !current.includes(m))];
const reportAfter = reportBefore.replace(enumLine, `$1${JSON.stringify(next).replaceAll(',', ', ')}$3`);
if (reportAfter === reportBefore) console.log('schemas/report.schema.json: the check record metrics are up to date');
else {
  writeFileSync(reportFile, reportAfter);
  console.log("schemas/report.schema.json: the check record's metric names rewritten from the registry");
}
