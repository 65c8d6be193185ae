import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The installed command as a user runs it: bin/nines.js on the bundle (npm test builds it first).
describe('bin/nines.js', () => {
  it('runs a command and sets the exit code', () => {
    const ok = spawnSync(process.execPath, ['bin/nines.js', 'validate', 'models/minimal.yaml'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('valid model minimal');
    const bad = spawnSync(process.execPath, ['bin/nines.js', 'validate', 'fixtures/invalid/empty.yaml'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('the file is empty');
  });

  it('explains a failed union through the bundle (ajv is required on that error path only)', () => {
    const run = spawnSync(
      process.execPath,
      ['bin/nines.js', 'validate', 'fixtures/invalid/failover-missing-standby.yaml'],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("failover-missing-standby.yaml:5:13: error: missing required key 'standby'");
  });

  it('--version alone is answered from package.json without the bundle, as the full CLI answers it', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const fast = spawnSync(process.execPath, ['bin/nines.js', flag], { encoding: 'utf8' });
      expect(fast.status).toBe(0);
      expect(fast.stdout).toBe(`${pkg.version}\n`);
    }
    // With another argument the bundle runs, and commander prints the same version.
    const full = spawnSync(process.execPath, ['bin/nines.js', '--no-color', '--version'], { encoding: 'utf8' });
    expect(full.stdout).toBe(`${pkg.version}\n`);
  });

  it('finishes quietly when the reader closes the pipe early (… | head -c 10)', () => {
    // The schema is ~80 kB, more than a pipe holds, so the writer meets the closed pipe.
    const run = spawnSync('sh', ['-c', `'${process.execPath}' bin/nines.js schema | head -c 10 > /dev/null`], {
      encoding: 'utf8',
    });
    expect(run.stderr).not.toContain('EPIPE');
    expect(run.status).toBe(0);
  });

  it('compiles through a code cache: written by the first run of a command, used by the next, ignored when stale or off', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nines-cc-'));
    try {
      const run = (env: Record<string, string>) =>
        spawnSync(process.execPath, ['bin/nines.js', 'analyze', 'models/minimal.yaml', '--json'], {
          encoding: 'utf8',
          env: { ...process.env, NODE_COMPILE_CACHE: dir, ...env },
        });
      const first = run({});
      expect(first.status).toBe(0);
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(new RegExp(`^[0-9a-f]{32}-${process.version}-${process.arch}-analyze$`));
      const second = run({});
      expect(second.stdout).toBe(first.stdout);
      expect(second.stderr).toBe('');
      // A cache V8 rejects (here: garbage) is replaced, and the command still runs.
      const cache = join(dir, files[0] as string);
      writeFileSync(cache, 'not a code cache');
      expect(run({}).stdout).toBe(first.stdout);
      expect(readFileSync(cache).length).toBeGreaterThan(1000);
      rmSync(cache);
      expect(run({ NODE_DISABLE_COMPILE_CACHE: '1' }).stdout).toBe(first.stdout);
      expect(readdirSync(dir)).toHaveLength(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bin/nines.js start-up', () => {
  it('loads no child_process, crypto, worker_threads or fs/promises for --help, validate or analyze, and opens no stdin (they cost every start-up)', () => {
    // NODE_DEBUG is not needed: process.moduleLoadList names every built-in module loaded.
    const probe = join(mkdtempSync(join(tmpdir(), 'nines-probe-')), 'probe.cjs');
    writeFileSync(
      probe,
      "process.on('exit', () => process.stderr.write('\\nLOADED ' + process.moduleLoadList.join(',') + '\\n'));\n",
    );
    for (const args of [['--help'], ['validate', 'models/minimal.yaml'], ['analyze', 'models/minimal.yaml']]) {
      const run = spawnSync(process.execPath, ['--require', probe, 'bin/nines.js', ...args], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      const loaded = /LOADED (.*)/.exec(run.stderr)?.[1]?.split(',') ?? [];
      expect(loaded).toContain('NativeModule fs');
      // internal/fs/promises comes with node:fs/promises and with opening process.stdin; tty with
      // chalk's own colour detection (the build replaces it: src/cli/color.ts decides).
      for (const heavy of ['child_process', 'crypto', 'worker_threads', 'internal/fs/promises', 'tty'])
        expect(loaded, `${args.join(' ')} loads ${heavy}`).not.toContain(`NativeModule ${heavy}`);
    }
    rmSync(dirname(probe), { recursive: true, force: true });
  });

  it('colours through the bundle exactly when asked (FORCE_COLOR, --color), not otherwise', () => {
    const { NO_COLOR: _n, FORCE_COLOR: _f, ...plain } = process.env;
    const run = (env: Record<string, string>, ...flags: string[]) =>
      spawnSync(process.execPath, ['bin/nines.js', 'validate', 'models/minimal.yaml', ...flags], {
        encoding: 'utf8',
        env: { ...plain, ...env },
      }).stdout;
    expect(run({ FORCE_COLOR: '1' })).toContain('\u001b[32m');
    expect(run({}, '--color')).toContain('\u001b[32m');
    expect(run({})).not.toContain('\u001b[');
  });

  it('keeps the code caches of the three most recent other builds and drops older ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nines-cc-'));
    try {
      const other = (i: number) => `${String(i).repeat(32)}-${process.version}-${process.arch}`;
      for (let i = 1; i <= 5; i++) {
        for (const command of ['analyze', 'check']) {
          const file = join(dir, `${other(i)}-${command}`);
          writeFileSync(file, 'old cache');
          // Build i was last used i days ago.
          utimesSync(file, new Date(Date.now() - i * 86_400_000), new Date(Date.now() - i * 86_400_000));
        }
      }
      writeFileSync(join(dir, 'not-ours.bin'), 'another tool');
      const run = spawnSync(process.execPath, ['bin/nines.js', 'validate', 'models/minimal.yaml'], {
        encoding: 'utf8',
        env: { ...process.env, NODE_COMPILE_CACHE: dir },
      });
      expect(run.status).toBe(0);
      const left = readdirSync(dir).sort();
      expect(left.filter((f) => f.startsWith('1'.repeat(32)))).toHaveLength(2);
      expect(left.filter((f) => f.startsWith('3'.repeat(32)))).toHaveLength(2);
      expect(left.some((f) => f.startsWith('4'.repeat(32)) || f.startsWith('5'.repeat(32)))).toBe(false);
      expect(left).toContain('not-ours.bin');
      expect(left.filter((f) => f.endsWith('-validate'))).toHaveLength(1);
      // A mistyped command runs (exit 2) and writes no cache of its own.
      const typo = spawnSync(process.execPath, ['bin/nines.js', 'anlyze'], {
        encoding: 'utf8',
        env: { ...process.env, NODE_COMPILE_CACHE: dir },
      });
      expect(typo.status).toBe(2);
      expect(readdirSync(dir).some((f) => f.endsWith('-anlyze'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
