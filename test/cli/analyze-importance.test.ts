import { describe, expect, it } from 'vitest';
import { reportSchemaErrors } from '../support/report-schema.js';
import { runCli } from '../support/run-cli.js';

const DB = 'models/database-dr.yaml';
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

  it('JSON: importance[], cutSets (10 listed by default, --cut-sets N) and sensitivity validate against the schema', async () => {
    const r = await runCli(['analyze', DB, '--json', '--sensitivity']);
    const doc = JSON.parse(r.stdout) as {
      importance: { subject: string; fussellVesely: number; subjectKind: string }[];
      cutSets: { count: number; sets: { components: string[]; share: number }[] };
      tiers: { name: string; unavailabilityShare: number }[];
      regions: { name: string; unavailabilityShare: number }[];
      sensitivity: { rows: { path: string; serviceUnavailability: number }[] };
    };
    expect(reportSchemaErrors(doc)).toEqual([]);
    expect(doc.cutSets.count).toBe(13);
    expect(doc.cutSets.sets).toHaveLength(10);
    expect(doc.cutSets.sets[0]?.components).toEqual(['region us-east']);
    // One model, one answer: the old share is the Fussell–Vesely of the same subject.
    const region = doc.importance.find((i) => i.subjectKind === 'region' && i.subject === 'us-east');
    expect(region?.fussellVesely).toBeCloseTo(doc.regions.find((x) => x.name === 'us-east')?.unavailabilityShare ?? -1, 12);
    const tier = doc.importance.find((i) => i.subjectKind === 'tier' && i.subject === 'db');
    expect(tier?.fussellVesely).toBeCloseTo(doc.tiers[0]?.unavailabilityShare ?? -1, 12);
    // The region's MTTR: q_r ≈ MTTR/MTBF carries 99.86% of Q, so its elasticity is ≈ 0.9986.
    const mttr = doc.sensitivity.rows.find((x) => x.path === 'regions.us-east.failure.mttr');
    expect(mttr?.serviceUnavailability).toBeCloseTo(0.9986, 3);
    const all = JSON.parse((await runCli(['analyze', DB, '--json', '--cut-sets', '20'])).stdout) as { cutSets: { sets: unknown[] } };
    expect(all.cutSets.sets).toHaveLength(13);
  });
});
