// Bundles the CLI into dist/nines.js with esbuild: mathjs loads slowly from node_modules,
// and a tree-shaken bundle keeps start-up well under half a second.
import { build } from 'esbuild';
import { generateValidator } from './generate-validator.mjs';

generateValidator();

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/nines.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // The charting library stays in node_modules, loaded by the first chart (src/report/charts/svg.ts):
  // bundled, its 2.5 MB would be parsed at every start-up of every command.
  external: ['vega', 'vega-lite'],
  // Some bundled CommonJS packages call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

// The simulator's worker threads load dist/simulate-worker.js, next to the bundle
// (src/simulate/simulate.ts resolves it from import.meta.url).
await build({
  entryPoints: ['src/simulate/worker.ts'],
  outfile: 'dist/simulate-worker.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});
