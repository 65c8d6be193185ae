import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/** Shell words of a documented command: quotes removed, a trailing comment or redirection dropped. */
function words(line: string): string[] {
  const command = line.replace(/\s+#.*$/, '').replace(/\s+>.*$/, '');
  return (command.match(/'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^'|'$/g, ''));
}

const readme = readFileSync('README.md', 'utf8')
  .split('\n')
  .filter((l) => /^npx nines (sweep|design) /.test(l))
  .map((l) => l.slice('npx nines '.length));
const headers = readdirSync('models').flatMap((f) =>
  readFileSync(`models/${f}`, 'utf8')
    .split('\n')
    .filter((l) => /^#\s+nines (sweep|design) /.test(l))
    .map((l) => l.replace(/^#\s+nines /, '')),
);

describe('documented sweep and design commands run', () => {
  it('there are some', () => {
    expect(readme.length).toBeGreaterThanOrEqual(5);
    expect(headers.length).toBeGreaterThanOrEqual(1);
  });

  it.each([...readme, ...headers])('nines %s', async (command) => {
    const run = await runCli(words(command));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(0);
  });

  it("inference-3az's header: from 98.9% at 8 hosts to 99.993% at 16, 70,790.40 a month per host", async () => {
    const doc = JSON.parse(
      (await runCli(['sweep', 'models/inference-3az.yaml', '--vary', 'tiers.inference.nodes=8..16', '--json'])).stdout,
    ) as {
      sweep: { points: { figures: { availability: number; costPerMonth: number } }[] };
    };
    const points = doc.sweep.points;
    expect(points[0]?.figures.availability).toBeCloseTo(0.989, 3);
    expect(points[8]?.figures.availability).toBeCloseTo(0.99993, 5);
    for (let i = 1; i < points.length; i++) {
      expect(
        Math.round(((points[i]?.figures.costPerMonth ?? 0) - (points[i - 1]?.figures.costPerMonth ?? 0)) * 100) / 100,
      ).toBe(70_790.4);
    }
  });
});
