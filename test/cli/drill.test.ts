import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { reportSchemaErrors } from './gate-schema.js';

const DB = 'models/database-dr.yaml';
type Drill = {
  serviceSurvives: boolean;
  unavailability: number;
  tiers: { name: string; nodesLeft: number; survives: boolean }[];
  data: { scenario: string | null; survives: boolean; replicasLeft: number; rpoSeconds: number | null } | null;
};
const drillOf = async (...fail: string[]): Promise<{ code: number; drill: Drill; doc: unknown }> => {
  const r = await runCli(['analyze', DB, '--json', ...fail.flatMap((f) => ['--fail', f])]);
  const doc = JSON.parse(r.stdout) as { drill: Drill };
  return { code: r.code, drill: doc.drill, doc };
};

// database-dr by hand: region us-east q_r = 24/(20·8760 + 24) = 1.3696e-4; zones q_z = 4/(2·8760 + 4)
// = 2.2826e-4; db nodes (AFR 5%, 4 h) q_n = 4/(8760/0.05 + 4) = 2.2831e-5. With az-a down the
// 2-of-3 tier needs both other nodes and their zones, and the region:
// q = 1 − (1 − q_r)·((1 − q_z)(1 − q_n))² = 6.390e-4.
const qr = 24 / (20 * 8760 + 24);
const qz = 4 / (2 * 8760 + 4);
const qn = 4 / (8760 / 0.05 + 4);
const givenZoneLoss = 1 - (1 - qr) * ((1 - qz) * (1 - qn)) ** 2;

describe('--fail drills', () => {
  it('zone az-a (the primary): survives, availability given the loss by hand, the zone scenario applies', async () => {
    const { code, drill, doc } = await drillOf('az-a');
    expect(code).toBe(0);
    expect(reportSchemaErrors(doc)).toBe('');
    expect(drill.serviceSurvives).toBe(true);
    expect(Math.abs(drill.unavailability / givenZoneLoss - 1)).toBeLessThan(1e-9);
    expect(drill.tiers[0]).toMatchObject({ name: 'db', nodesLeft: 2, survives: true });
    expect(drill.data).toMatchObject({ scenario: 'zone', survives: true, replicasLeft: 2, rpoSeconds: 0 });
  });

  it('another zone: the data stays on the primary and its replica', async () => {
    const { drill } = await drillOf('az-b');
    expect(drill.data).toMatchObject({ scenario: null, survives: true, replicasLeft: 2 });
  });

  it('the home region: the service is down; the region scenario (DR copy, RPO = lag 30 s) applies', async () => {
    const { drill } = await drillOf('us-east');
    expect(drill.serviceSurvives).toBe(false);
    expect(drill.unavailability).toBe(1);
    expect(drill.data).toMatchObject({ scenario: 'region', survives: true, replicasLeft: 0, rpoSeconds: 30 });
  });

  it('two nodes of a 2-of-3 tier: down structurally; the text report says so', async () => {
    const { drill } = await drillOf('db[0]', 'db[1]');
    expect(drill.serviceSurvives).toBe(false);
    expect(drill.tiers[0]).toMatchObject({ nodesLeft: 1, survives: false });
    const text = await runCli(['analyze', DB, '--fail', 'db[0]', '--fail', 'db[1]']);
    expect(text.stdout).toMatch(/Drill: node db\[0\], node db\[1\] down/);
    expect(text.stdout).toMatch(/the service is DOWN/);
    expect(text.stdout).toMatch(/1 of 3 \(needs 2\)/);
  });

  it('an unknown name is a usage error with a suggestion', async () => {
    const r = await runCli(['analyze', DB, '--fail', 'az-d']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--fail 'az-d': no zone, region, tier or node 'az-d' \(did you mean 'az-a'\?\)/);
  });

  it('check --fail gates the figures given the failure', async () => {
    const r = await runCli(['check', DB, '--fail', 'us-east', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { records: { id: string; status: string }[]; drill: Drill; overrides: unknown };
    expect(doc.records.find((x) => x.id === 'availability')?.status).toBe('fail');
    expect(doc.drill.serviceSurvives).toBe(false);
    expect(doc.overrides).toEqual({ set: [], fail: ['us-east'] });
    expect(reportSchemaErrors(doc)).toBe('');
  });
});
