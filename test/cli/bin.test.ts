import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The installed command as a user runs it: bin/nines.js on the bundle (npm test builds it first).
describe('bin/nines.js', () => {
  it('runs a command and sets the exit code', () => {
    const ok = spawnSync(process.execPath, ['bin/nines.js', 'validate', 'models/minimal.yaml'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('valid model minimal');
    const bad = spawnSync(process.execPath, ['bin/nines.js', 'validate', 'fixtures/invalid/empty.yaml'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('the file is empty');
  });

  it('finishes quietly when the reader closes the pipe early (… | head -1)', async () => {
    const child = spawn(process.execPath, ['bin/nines.js', 'analyze', 'models/database-dr.yaml'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
