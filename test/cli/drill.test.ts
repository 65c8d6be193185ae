import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { reportSchemaErrors } from './gate-schema.js';

const DB = 'models/database-dr.yaml';
type Drill = {
  serviceSurvives: boolean;
  unavailability: number;
  tiers: { name: string; nodesLeft: number; survives: boolean }[];
  data: {
    scenario: string | null;
    survives: boolean;
    replicasLeft: number;
    rpoSeconds: number | null;
    dataAtRiskBytes?: number | null;
  } | null;
  switchovers?: { primary: string; standby: string; switchoverSeconds: number }[];
};
const drillOf = async (...fail: string[]): Promise<{ code: number; drill: Drill; doc: unknown }> => {
  const r = await runCli(['analyze', DB, '--json', ...fail.flatMap((f) => ['--fail', f])]);
  const doc = JSON.parse(r.stdout) as { drill: Drill };
  return { code: r.code, drill: doc.drill, doc };
};

// database-dr by hand: region q_r = 24/(20·8760 + 24) = 1.3696e-4; zones q_z = 4/(2·8760 + 4)
// = 2.2826e-4; db nodes (AFR 5%, 4 h) q_n = 4/(8760/0.05 + 4) = 2.2831e-5. With az-a down the
// 2-of-3 primary needs both other nodes and their zones, and the region:
// q_P = 1 − (1 − q_r)·((1 − q_z)(1 − q_n))² = 6.390e-4. The standby db-dr (one node in eu-a,
// eu-west) is down with q_S = 1 − (1 − q_r)(1 − q_z)(1 − q_n). Each primary failure costs
// E[min(τ, R)] = D·(1 − e^(−τ/D)) with τ = 75 min while the standby is up, R ~ Exp(D): the
// region (D = 24 h), zones az-b and az-c (4 h), their nodes (4 h), each at the rate
// λ·a·P(the rest of the primary is up) (Birnbaum): q = q_P·q_S + a_S·Σ ν_i·E[min(τ, R_i)].
const qr = 24 / (20 * 8760 + 24);
const qz = 4 / (2 * 8760 + 4);
const qn = 4 / (8760 / 0.05 + 4);
const up = (q: number): number => 1 - q;
const primaryGivenZoneLoss = 1 - up(qr) * (up(qz) * up(qn)) ** 2;
const standby = 1 - up(qr) * up(qz) * up(qn);
const window = (D: number): number => D * -Math.expm1(-1.25 / D);
const rate = { region: 1 / (20 * 8760 + 24), zone: 1 / (2 * 8760 + 4), node: 1 / (8760 / 0.05 + 4) };
const switchover =
  rate.region * (up(qz) * up(qn)) ** 2 * window(24) +
  2 * rate.zone * up(qr) * up(qn) * up(qz) * up(qn) * window(4) +
  2 * rate.node * up(qr) * up(qz) * up(qz) * up(qn) * window(4);
const givenZoneLoss = primaryGivenZoneLoss * standby + up(standby) * switchover;

describe('--fail drills', () => {
  it('zone az-a (the primary): survives, availability given the loss by hand, the zone scenario applies', async () => {
    const { code, drill, doc } = await drillOf('az-a');
    expect(code).toBe(0);
    expect(reportSchemaErrors(doc)).toBe('');
    expect(drill.serviceSurvives).toBe(true);
    // The node causes' mean outage is matched to q_P, which differs from 4 h at second order.
    expect(Math.abs(drill.unavailability / givenZoneLoss - 1)).toBeLessThan(1e-4);
    expect(drill.tiers[0]).toMatchObject({ name: 'db', nodesLeft: 2, survives: true });
    expect(drill.data).toMatchObject({ scenario: 'zone', survives: true, replicasLeft: 2, rpoSeconds: 0 });
  });

  it('another zone: the data stays on the primary and its replica', async () => {
    const { drill } = await drillOf('az-b');
    expect(drill.data).toMatchObject({ scenario: null, survives: true, replicasLeft: 2 });
  });

  it('the home region: the service runs on the standby after the 75 min switchover; the region scenario (DR copy, RPO = lag 30 s) applies', async () => {
    const { drill } = await drillOf('us-east');
    expect(drill.serviceSurvives).toBe(true);
    // Nothing is left to fail over from: the service is the standby alone.
    expect(Math.abs(drill.unavailability / standby - 1)).toBeLessThan(1e-12);
    expect(drill.switchovers).toEqual([{ primary: 'db', standby: 'db-dr', switchoverSeconds: 4500 }]);
    // At risk: 30 s of writes at 2.4 TB × 5% / day (the size a year on, 20% growth).
    expect(drill.data).toMatchObject({
      scenario: 'region',
      survives: true,
      replicasLeft: 0,
      rpoSeconds: 30,
      rtoSeconds: 4500,
    });
    expect(drill.data?.dataAtRiskBytes).toBeCloseTo((30 * 2.4e12 * 0.05) / 86_400, 0);
    const text = await runCli(['analyze', DB, '--fail', 'us-east']);
    expect(text.stdout).toMatch(/runs on the standby db-dr after the switchover from db \(1\.25 h/);
  });

  it('two nodes of a 2-of-3 tier: the primary is down, the standby carries the service; the text report says so', async () => {
    const { drill } = await drillOf('db[0]', 'db[1]');
    expect(drill.serviceSurvives).toBe(true);
    expect(drill.tiers[0]).toMatchObject({ nodesLeft: 1, survives: false });
    const text = await runCli(['analyze', DB, '--fail', 'db[0]', '--fail', 'db[1]']);
    expect(text.stdout).toMatch(/Drill: node db\[0\], node db\[1\] down/);
    expect(text.stdout).toMatch(/the service survives/);
    expect(text.stdout).toMatch(/1 of 3 \(needs 2\)/);
  });

  it('both sides down: the service is DOWN', async () => {
    const { drill } = await drillOf('us-east', 'eu-west');
    expect(drill.serviceSurvives).toBe(false);
    expect(drill.unavailability).toBe(1);
  });

  it('an unknown name is a usage error with a suggestion', async () => {
    const r = await runCli(['analyze', DB, '--fail', 'az-d']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--fail 'az-d': no zone, region, tier or node 'az-d' \(did you mean 'az-a'\?\)/);
  });

  it('check --fail gates the figures given the failure: on the standby (99.961%) the targets still hold', async () => {
    const r = await runCli(['check', DB, '--fail', 'us-east', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { records: { id: string; status: string }[]; drill: Drill; overrides: unknown };
    expect(doc.records.find((x) => x.id === 'availability')?.status).toBe('pass');
    expect(doc.drill.serviceSurvives).toBe(true);
    const both = await runCli(['check', DB, '--fail', 'us-east', '--fail', 'eu-west', '--json']);
    expect(both.code).toBe(1);
    expect(
      (JSON.parse(both.stdout) as { records: { id: string; status: string }[] }).records.find(
        (x) => x.id === 'availability',
      )?.status,
    ).toBe('fail');
    expect(doc.overrides).toEqual({ set: [], fail: ['us-east'] });
    expect(reportSchemaErrors(doc)).toBe('');
  });
});
