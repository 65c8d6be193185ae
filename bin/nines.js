#!/usr/bin/env node
// The `nines` command. CommonJS (bin/package.json says so): an ES module entry costs Node's
// module loader a few milliseconds of every start-up, which `--help` cannot spare.
'use strict';
const { loadBundle } = require('./compile-cache.js');

/** Commands that print help or a document and compute nothing: no optimiser tuning for them. */
const NOTHING_TO_COMPUTE = new Set(['default', 'help', 'schema']);

/**
 * V8 optimises a function (TurboFan) once it has run for a budget of bytecode: the default
 * (132 KB) makes a one-shot `nines analyze` spend about a third of its CPU optimising code it
 * then runs only a few more times (database-dr: 217 → 179 ms of CPU on a 2-core Xeon, bare node
 * 51 ms). Three times the default halves that, and a simulation's kernels still optimise within
 * their first milliseconds (snapshot, timeline and sweep runs measured the same within noise).
 */
const INTERRUPT_BUDGET = '--interrupt-budget=400000';

// `nines --version` alone needs only package.json: answer it without loading the bundle.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  run().catch((error) => {
    // main() reports every error itself; this is a failure of the loader.
    process.stderr.write(`nines: internal error (a bug in nines; please report it)\n${error?.stack ?? error}\n`);
    process.exitCode = 70;
  });
}

async function run() {
  // The command names the code cache: each command compiles (and caches) its own functions.
  const command = args.find((a) => !a.startsWith('-')) ?? 'default';
  if (!NOTHING_TO_COMPUTE.has(command)) require('node:v8').setFlagsFromString(INTERRUPT_BUDGET);
  const bundle = loadBundle(require.resolve('../dist/nines.cjs'), command);

  // A reader that stops early (`nines analyze … | head`) closes the pipe: finish quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }

  process.exitCode = await bundle.exports.main(process);
  // A mistyped command (`nines anlyze`) gets no cache file of its own.
  if (command === 'default' || command === 'help' || bundle.exports.COMMANDS.includes(command)) bundle.save();
}
