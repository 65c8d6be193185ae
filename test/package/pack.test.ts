import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The library as a user gets it: `npm pack`, installed into an empty project, imported by
// name, type-checked with the project's own tsc, and run (issue 10, class 8).
const repo = resolve('.');
const dir = mkdtempSync(join(tmpdir(), 'nines-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (cmd: string, args: string[], cwd: string): string => {
  try {
    return execFileSync(cmd, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
};

describe('npm pack → install → import { analyze } from "nines"', () => {
  it('type-checks and runs from the tarball', () => {
    // The bundle and its declarations come from `npm test`'s build (node scripts/build.mjs
    // --types); packing without scripts leaves dist/ alone while other tests read it.
    expect(existsSync(join(repo, 'dist/types/index.d.ts')), 'run node scripts/build.mjs --types first').toBe(true);
    run('npm', ['pack', '--pack-destination', dir, '--silent', '--ignore-scripts'], repo);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    run('npm', ['install', `./${tarball ?? ''}`, '--prefer-offline', '--ignore-scripts', '--silent'], dir);
    writeFileSync(
      join(dir, 'check.ts'),
      [
        "import { analyze, type AnalyzeResult } from 'nines';",
        "const r: AnalyzeResult = analyze('name: m\\ntiers: [{ name: web, nodes: 3, failure: { availability: 99% }, minHealthy: 2 }]');",
        'const q: number = r.ok ? r.analysis.availability.service.unavailability : NaN;',
        'console.log(q);',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          exactOptionalPropertyTypes: true,
          typeRoots: [join(repo, 'node_modules/@types')],
          types: ['node'],
        },
        files: ['check.ts'],
      }),
    );
    run(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], dir);
    writeFileSync(
      join(dir, 'run.mjs'),
      "import { analyze } from 'nines';\nconst r = analyze('name: m\\ntiers: [{ name: web, nodes: 3, failure: { availability: 99% }, minHealthy: 2 }]');\nconsole.log(JSON.stringify(r.ok ? r.analysis.availability.service.unavailability : r.problems));\n",
    );
    const q = Number(run(process.execPath, ['run.mjs'], dir));
    // 2 of 3 up, each down with p = 0.01: q = 3p²(1 − p) + p³ = 2.97e-4 + 1e-6 = 2.98e-4.
    expect(q).toBeCloseTo(2.98e-4, 15);
    // A bad model gives its problems with positions, no throw.
    writeFileSync(
      join(dir, 'bad.mjs'),
      "import { analyze } from 'nines';\nconst r = analyze('name: m\\ntiers: 3');\nconsole.log(JSON.stringify(r.ok ? null : r.problems[0]));\n",
    );
    expect(JSON.parse(run(process.execPath, ['bad.mjs'], dir))).toMatchObject({ line: 2, col: 8 });

    // The README's "As a library" check snippet, as printed there: type-checked, compiled, run.
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const snippet = /<!-- library-check -->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(snippet, 'README: <!-- library-check --> followed by a ts block').toBeDefined();
    writeFileSync(join(dir, 'readme-check.ts'), snippet ?? '');
    mkdirSync(join(dir, 'models'), { recursive: true });
    copyFileSync(join(repo, 'models/minimal.yaml'), join(dir, 'models/minimal.yaml'));
    writeFileSync(
      join(dir, 'tsconfig.readme.json'),
      JSON.stringify({
        extends: './tsconfig.json',
        compilerOptions: { noEmit: false, outDir: 'out' },
        files: ['readme-check.ts'],
      }),
    );
    run(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.readme.json'], dir);
    // minimal.yaml: 2 of 3 nodes up, each down q₁ = 0.001: q = 3q₁²(1 − q₁) + q₁³ = 2.998e-6 ≤ 1e-5.
    expect(run(process.execPath, ['out/readme-check.js'], dir)).toBe('pass, exit 0\n');
  }, 300_000);
});
