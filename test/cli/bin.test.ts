import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
});
