#!/usr/bin/env node
import { main } from '../dist/nines.js';

// A reader that stops early (`nines analyze … | head`) closes the pipe: finish quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await main(process);
