// Bundles the CLI into dist/nines.cjs (and the charting library into dist/vendor/) with esbuild:
// one file loads faster than the node_modules tree, and a tree-shaken bundle keeps start-up close to a bare node.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { generateValidator } from './generate-validator.mjs';

generateValidator();
// Chunk names carry a content hash: drop the previous build's (and the ES module CLI of earlier builds).
for (const old of ['dist/chunks', 'dist/vendor', 'dist/nines.js', 'dist/nines.js.map'])
  rmSync(old, { recursive: true, force: true });

// The CLI is one CommonJS file, dist/nines.cjs, because bin/nines.js compiles it through
// vm.Script with a V8 code cache (bin/compile-cache.js): Node 20 has no code cache for ES
// modules (module.enableCompileCache() came in 22.1), and compiling the bundle was most of a
// start-up. The charting library (imported dynamically by src/report/charts/svg.ts, 1.6 MB)
// stays out of it, in ES module chunks of its own (dist/vendor/) loaded by the first chart:
// its top-level await cannot be CommonJS, and no other command should parse it.
await build({
  entryPoints: { vega: 'vega', 'vega-lite': 'vega-lite' },
  outdir: 'dist/vendor',
  splitting: true,
  chunkNames: 'chunk-[hash]',
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
// commander requires node:child_process at load for executable subcommands, which nines does
// not have: loading it (and node:net under it) was ~8% of `nines --help`. The require becomes a
// getter, so a spawn would still find it.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!text.includes(eager)) throw new Error(`build: ${args.path} no longer has: ${eager}`);
      const lazy = "const childProcess = { get spawn() { return require('node:child_process').spawn; } };";
      return { contents: text.replace(eager, lazy), loader: 'js' };
    });
  },
};
// chalk's own colour detection (its vendored supports-color, which loads node:tty and node:net)
// is never used: report/style.ts gives every Chalk an explicit level, decided by
// src/cli/color.ts. chalk's environment-free variant (its "default" export condition) stands in.
const chalkWithoutDetection = {
  name: 'chalk-without-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) => {
      const path = join(dirname(args.importer), 'vendor', 'supports-color', 'browser.js');
      if (!existsSync(path)) throw new Error(`build: chalk no longer ships ${path}`);
      return { path };
    });
  },
};
const vendor = {
  name: 'vendor',
  setup(b) {
    b.onResolve({ filter: /^vega(-lite)?$/ }, (args) => ({ path: `./vendor/${args.path}.js`, external: true }));
  },
};
await build({
  entryPoints: { nines: 'src/cli/main.ts' },
  outfile: 'dist/nines.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Minified: a third less to read and deserialise at every start-up (the linked source map
  // maps positions back to src/).
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [vendor, lazyChildProcess, chalkWithoutDetection],
  // import.meta does not exist in CommonJS: the worker's URL is resolved from this file's.
  define: { 'import.meta.url': '__nines_url' },
  banner: {
    js: [
      "const __nines_url = require('node:url').pathToFileURL(__filename).href;",
      // The vendor chunks are ES modules: imported by bin/compile-cache.js's importer (code
      // compiled by vm cannot import() on Node 20 once it comes from a cache), else by import().
      "if (typeof __nines_import !== 'function') var __nines_import = (s) => import(s);",
    ].join('\n'),
  },
});
{
  const text = readFileSync('dist/nines.cjs', 'utf8');
  const vendorImport = /\bimport\("(\.\/vendor\/[a-z-]+\.js)"\)/g;
  const count = text.match(vendorImport)?.length ?? 0;
  if (count !== 2) throw new Error(`build: expected the 2 vendor imports in dist/nines.cjs, found ${count}`);
  const out = text.replace(vendorImport, '__nines_import("$1")');
  // Any other import() left in the bundle would fail at run time once its code comes from the cache.
  const others = (out.match(/\bimport\(/g)?.length ?? 0) - 1;
  if (others !== 0) throw new Error(`build: ${others} import() calls in dist/nines.cjs besides the vendor ones`);
  // bin/compile-cache.js reads the bundle as latin1 (no UTF-8 decoding): it must be ASCII.
  const nonAscii = out.search(/[^\x00-\x7f]/);
  if (nonAscii >= 0)
    throw new Error(
      `build: dist/nines.cjs is not ASCII at ${nonAscii}: ${JSON.stringify(out.slice(nonAscii - 40, nonAscii + 10))} (write \\u escapes in regular expressions)`,
    );
  writeFileSync('dist/nines.cjs', out);
}
// The code cache's key: a cache made for other bytes must never be used (V8 checks only the length).
writeFileSync('dist/nines.cjs.sha256', createHash('sha256').update(readFileSync('dist/nines.cjs')).digest('hex'));

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
