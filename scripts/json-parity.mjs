#!/usr/bin/env node
// JSON parity across a refactor: `record DIR` runs validate, analyze, simulate (fixed seed),
// check and compare with --json on every example model and fixture model and stores each
// document with its exit code; `compare BEFORE AFTER` fails on any value that changed or key
// that went away (keys that were added are fine: JSON only grows within schemaVersion 1).
//   node scripts/build.mjs && node scripts/json-parity.mjs record /tmp/before
//   … refactor …
//   node scripts/build.mjs && node scripts/json-parity.mjs record /tmp/after
//   node scripts/json-parity.mjs compare /tmp/before /tmp/after
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Keys whose values are timings or paths of the run, not results. */
const VOLATILE = new Set(['elapsedMs', 'elapsedSeconds', 'wallSeconds', 'generatedAt', 'durationMs']);

const models = () =>
  [
    ...readdirSync('models').map((f) => join('models', f)),
    ...readdirSync('fixtures/models').map((f) => join('fixtures/models', f)),
  ]
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();

const runs = (model) => [
  ['validate', model],
  ['analyze', model],
  ['simulate', model, '--seed', '7', '--trials', '20000', '--timeline-trials', '300', '--workers', '1'],
  ['check', model],
  ['compare', model, model],
];

function record(dir) {
  mkdirSync(dir, { recursive: true });
  for (const model of models()) {
    for (const args of runs(model)) {
      const r = spawnSync(process.execPath, ['bin/nines.js', ...args, '--json', '-q'], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      const name = `${args[0]}--${model.replaceAll('/', '_')}.json`;
      writeFileSync(join(dir, name), JSON.stringify({ args, status: r.status, stdout: r.stdout }, null, 1));
    }
  }
  console.log(`recorded ${readdirSync(dir).length} runs in ${dir}`);
}

/** Paths at which `after` lost or changed something `before` had. */
function differences(before, after, path = '$', out = []) {
  if (before !== null && typeof before === 'object') {
    if (after === null || typeof after !== 'object' || Array.isArray(before) !== Array.isArray(after)) {
      out.push(`${path}: was ${JSON.stringify(before).slice(0, 80)}, now ${JSON.stringify(after)?.slice(0, 80)}`);
      return out;
    }
    if (Array.isArray(before) && before.length !== after.length)
      out.push(`${path}: length ${before.length} → ${after.length}`);
    for (const key of Object.keys(before)) {
      if (VOLATILE.has(key)) continue;
      if (!(key in after)) out.push(`${path}.${key}: removed`);
      else differences(before[key], after[key], `${path}.${key}`, out);
    }
  } else if (!Object.is(before, after)) {
    out.push(`${path}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  }
  return out;
}

const parse = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

function compare(beforeDir, afterDir) {
  let failed = 0;
  const names = readdirSync(beforeDir).sort();
  for (const name of names) {
    const before = JSON.parse(readFileSync(join(beforeDir, name), 'utf8'));
    let after;
    try {
      after = JSON.parse(readFileSync(join(afterDir, name), 'utf8'));
    } catch {
      console.log(`${name}: missing`);
      failed++;
      continue;
    }
    const diffs = before.status === after.status ? [] : [`exit ${before.status} → ${after.status}`];
    diffs.push(...differences(parse(before.stdout), parse(after.stdout)));
    if (diffs.length > 0) {
      failed++;
      console.log(`${name}:\n  ${diffs.slice(0, 12).join('\n  ')}`);
    }
  }
  console.log(`${names.length - failed} of ${names.length} runs identical (apart from additions)`);
  process.exitCode = failed === 0 ? 0 : 1;
}

const [command, a, b] = process.argv.slice(2);
if (command === 'record' && a) record(a);
else if (command === 'compare' && a && b) compare(a, b);
else {
  console.error('usage: json-parity.mjs record DIR | compare BEFORE AFTER');
  process.exitCode = 2;
}
