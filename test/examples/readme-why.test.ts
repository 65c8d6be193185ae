import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

// The README's explain / recommend / --cut-sets / --sensitivity examples are promises: each runs.
const lines = readFileSync('README.md', 'utf8')
  .split('\n')
  .filter((l) => /^npx nines (explain|recommend)|--cut-sets|--sensitivity/.test(l) && l.startsWith('npx nines'));

describe('README examples of explain and recommend', () => {
  it('are there', () => expect(lines.length).toBeGreaterThanOrEqual(2));
  it.each(lines)('%s', async (line) => {
    const command = line.replace(/^npx nines /, '').replace(/\s+#.*$/, '');
    const args = [...command.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
    const r = await runCli(args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
  });
});
