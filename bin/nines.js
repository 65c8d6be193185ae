#!/usr/bin/env node
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadBundle } from './compile-cache.js';

// `nines --version` alone needs only package.json: answer it without loading the bundle.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${createRequire(import.meta.url)('../package.json').version}\n`);
} else {
  await run();
}

async function run() {
  // The command names the code cache: each command compiles (and caches) its own functions.
  const command = args.find((a) => !a.startsWith('-')) ?? 'default';
  const bundle = loadBundle(fileURLToPath(new URL('../dist/nines.cjs', import.meta.url)), command);

  // A reader that stops early (`nines analyze … | head`) closes the pipe: finish quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }

  process.exitCode = await bundle.exports.main(process);
  bundle.save();
}
