import { describe, expect, it } from 'vitest';
import { reportSchemaErrors } from '../support/report-schema.js';
import { runCli } from '../support/run-cli.js';

const ANSI = /\u001b\[[0-9;]*m/g;

describe('analyze: what matters, cut sets, sensitivity', () => {
  it('text: the ranked table replaces the Share columns; --cut-sets N lists N; --sensitivity a tornado; 100 columns', async () => {
    const r = await runCli(['analyze', 'models/inference-3az.yaml', '--cut-sets', '3', '--sensitivity']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/Quorum loss │ Share|Service if lost │ Share/);
    expect(r.stdout).toContain('What matters (importance for the service outage)');
    expect(r.stdout).toMatch(/│ region us-east +│/);
    expect(r.stdout).toContain('3 of 856 minimal cut sets');
    expect(r.stdout).toContain('Sensitivity of the service unavailability');
    for (const line of r.stdout.split('\n')) expect([...line.replace(ANSI, '')].length, line).toBeLessThanOrEqual(100);
  });

  it('--cut-sets with no value, last on the line, lists the default 10 (it was an internal error)', async () => {
    const r = await runCli(['analyze', 'models/inference-3az.yaml', '--cut-sets']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('10 of 856 minimal cut sets');
  });

  it('JSON: importance[], cutSets (10 listed by default, --cut-sets N) and sensitivity validate against the schema and agree', async () => {
    const file = 'models/inference-3az.yaml';
    const r = await runCli(['analyze', file, '--json', '--sensitivity']);
    const doc = JSON.parse(r.stdout) as {
      service: { unavailability: number };
      importance: { subject: string; fussellVesely: number; subjectKind: string; unavailability: number }[];
      cutSets: { count: number; sets: { components: string[]; share: number }[] };
      tiers: { name: string; unavailabilityShare: number }[];
      regions: { name: string; unavailabilityShare: number }[];
      sensitivity: { rows: { path: string; serviceUnavailability: number }[] };
    };
    expect(reportSchemaErrors(doc)).toEqual([]);
    expect(doc.cutSets.count).toBeGreaterThan(10);
    expect(doc.cutSets.sets).toHaveLength(10);
    expect(doc.cutSets.sets[0]?.components).toEqual(['region us-east']);
    // One model, one answer: the old share is the Fussell–Vesely of the same subject …
    const region = doc.importance.find((i) => i.subjectKind === 'region' && i.subject === 'us-east');
    expect(region?.fussellVesely).toBeCloseTo(
      doc.regions.find((x) => x.name === 'us-east')?.unavailabilityShare ?? -1,
      12,
    );
    for (const t of doc.tiers) {
      expect(doc.importance.find((i) => i.subjectKind === 'tier' && i.subject === t.name)?.fussellVesely).toBeCloseTo(
        t.unavailabilityShare,
        12,
      );
    }
    // … and the sensitivity agrees with the importance: for a basic event ∂ln Q/∂ln q = q·I_B/Q = FV,
    // and ∂ln q/∂ln MTTR = 1 − q, so e(MTTR) = FV·(1 − q) (central differences: O(1e-4)).
    const mttr = doc.sensitivity.rows.find((x) => x.path === 'regions.us-east.failure.mttr');
    expect(mttr?.serviceUnavailability).toBeCloseTo(
      (region?.fussellVesely ?? 0) * (1 - (region?.unavailability ?? 0)),
      3,
    );
    const all = JSON.parse((await runCli(['analyze', file, '--json', '--cut-sets', '2000'])).stdout) as {
      cutSets: { count: number; sets: unknown[] };
    };
    expect(all.cutSets.sets).toHaveLength(all.cutSets.count);
  });
});
