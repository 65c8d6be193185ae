// Bundles the CLI into dist/nines.js (and lazily loaded chunks in dist/chunks/) with esbuild: one
// file loads faster than the node_modules tree, and a tree-shaken bundle keeps start-up close to a bare node.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { generateValidator } from './generate-validator.mjs';

generateValidator();
// Chunk names carry a content hash: drop the previous build's.
rmSync('dist/chunks', { recursive: true, force: true });

await build({
  entryPoints: { nines: 'src/cli/main.ts' },
  outdir: 'dist',
  // The charting library (imported dynamically by src/report/charts/svg.ts) goes to its own
  // chunk, loaded by the first chart: in the entry, its 1.6 MB would be parsed at every
  // start-up of every command; bundled, it loads faster than from node_modules.
  // Likewise the model loader (YAML, the schema validator), imported on first use by
  // src/cli/load-model.ts: `--help` and `budget` never parse it.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // Some bundled CommonJS packages call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});

// The simulator's worker threads load dist/simulate-worker.js, next to the bundle
// (src/simulate/run/simulate.ts resolves it from import.meta.url).
await build({
  entryPoints: ['src/simulate/run/worker.ts'],
  outfile: 'dist/simulate-worker.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});

// The library entry (package.json "exports"): the same bundle shape, from src/index.ts.
await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});

// Its declarations (dist/types), for `npm pack` / `npm ci` (the prepare script passes --types):
// a plain build for the tests skips the few seconds tsc takes.
if (process.argv.includes('--types')) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
