// Bundles a TypeScript entry (a bench entry, or a module of src/ a script needs) with esbuild and imports it,
// so a bench measures the code as the CLI ships it and a script runs src/ without a build step of its own.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

/**
 * The peers of ../shared/peers (numpy and importance-sampling scripts the benches run beside
 * nines): NINES_PEERS, else beside the repository or beside its worktrees' folder.
 */
export function peersDir() {
  return (
    [process.env.NINES_PEERS, '../shared/peers', '../../shared/peers']
      .filter((p) => p !== undefined)
      .map((p) => resolve(p))
      .find((p) => existsSync(join(p, 'README.md'))) ?? resolve('../shared/peers')
  );
}
