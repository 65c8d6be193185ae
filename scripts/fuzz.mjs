#!/usr/bin/env node
// The long fuzz pass, on demand (needs the bundle: npm run build):
//   node scripts/fuzz.mjs [--seed 1] [--runs 6000] [--from 0] [--workers 2] [--timeout 10] [--out fuzz-failures.json]
// Prints counts of hangs over the timeout, internal errors, errors without a position and
// invariant violations; writes every failing case (arguments and model text) to --out.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { campaign } from '../test/fuzz/campaign.mjs';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '6000' },
    from: { type: 'string', default: '0' },
    workers: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '10' },
    out: { type: 'string', default: 'fuzz-failures.json' },
  },
});
const started = Date.now();
let done = 0;
const result = await campaign({
  seed: Number(values.seed),
  runs: Number(values.runs),
  from: Number(values.from),
  workers: Number(values.workers),
  timeoutMs: Number(values.timeout) * 1000,
  onCase: (i, verdict, seconds) => {
    done++;
    if (verdict.kind !== 'ok') process.stderr.write(`case ${i}: ${verdict.kind} (${seconds.toFixed(1)} s)\n`);
    else if (done % 500 === 0) process.stderr.write(`${done} runs…\n`);
  },
});
writeFileSync(values.out, `${JSON.stringify(result.failures, null, 1)}\n`);
const c = result.counts;
const line = (label, n) => `${label.padEnd(34)} ${n ?? 0}`;
process.stdout.write(
  [
    `nines fuzz: seed ${result.seed}, ${result.runs} runs in ${((Date.now() - started) / 1000).toFixed(0)} s (slowest ${result.slowest.toFixed(1)} s, ${result.over2s} over 2 s)`,
    line(`hangs over ${values.timeout} s`, c.hang),
    line('internal errors', c.internal),
    line('errors without a position', c['no-position']),
    line(
      'invariant violations',
      (c.invariant ?? 0) + (c.schema ?? 0) + (c['non-finite'] ?? 0) + (c.json ?? 0) + (c['unknown-exit'] ?? 0),
    ),
    `  (invariant ${c.invariant ?? 0}, schema ${c.schema ?? 0}, non-finite ${c['non-finite'] ?? 0}, json ${c.json ?? 0}, unknown exit ${c['unknown-exit'] ?? 0})`,
    line('ok', c.ok),
    line('known, owned by another open issue', c.known),
    ...[...new Set(result.failures.filter((f) => f.kind === 'known').map((f) => f.owner))].map((o) => `  ${o}`),
    `failing cases: ${values.out}`,
    '',
  ].join('\n'),
);
process.exitCode = result.failures.every((f) => f.kind === 'known') ? 0 : 1;
