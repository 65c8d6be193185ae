#!/usr/bin/env node
import { createRequire } from 'node:module';

// `nines --version` alone needs only package.json: answer it without loading the bundle.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${createRequire(import.meta.url)('../package.json').version}\n`);
} else {
  await run();
}

async function run() {
  const { main } = await import('../dist/nines.js');

  // A reader that stops early (`nines analyze … | head`) closes the pipe: finish quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }

  process.exitCode = await main(process);
}
