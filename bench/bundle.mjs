// Bundles a bench entry (TypeScript, with its imports from src/) with esbuild and imports it,
// so a bench measures the code as the CLI ships it, without a build step of its own.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** `entry` (e.g. 'bench/plan-entry.ts') bundled for Node 20 as the text of one ES module. */
export async function bundleText(entry) {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  return out.outputFiles[0].text;
}

/** The module of `entry` (e.g. 'bench/plan-entry.ts'), bundled for Node 20. */
export async function importBundled(entry) {
  const text = await bundleText(entry);
  const dir = mkdtempSync(join(tmpdir(), 'nines-bench-'));
  const file = join(dir, 'entry.mjs');
  writeFileSync(file, text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
