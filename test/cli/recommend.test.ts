import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../../src/report/recommend-view.js';
import { reportSchemaErrors } from '../support/report-schema.js';
import { unfoldExamples } from '../support/help-examples.js';
import { runCli } from '../support/run-cli.js';

const DB = 'models/database-dr.yaml';

type CheckDoc = { records: { id: string; status: string }[]; recommendations?: Recommendation[] };

async function check(args: string[]): Promise<{ code: number; doc: CheckDoc }> {
  const r = await runCli(['check', DB, ...args, '--json']);
  const doc = JSON.parse(r.stdout) as CheckDoc;
  expect(reportSchemaErrors(doc)).toEqual([]);
  return { code: r.code, doc };
}

/** Each recommendation applied on top of the what-if: it does what it says, checked by nines itself. */
async function applyEach(what: string[]): Promise<Recommendation[]> {
  const before = await check(what);
  expect(before.code).toBe(1);
  const recs = before.doc.recommendations ?? [];
  for (const rec of recs) {
    expect(rec.set).toBe(rec.sets[0]);
    const after = await check([...what, ...rec.sets.flatMap((set) => ['--set', set])]);
    const failing = after.doc.records.filter((r) => r.status !== 'pass').map((r) => r.id);
    expect(after.code, rec.set).toBe(rec.meetsAll ? 0 : 1);
    for (const id of rec.fixes) expect(failing, rec.set).not.toContain(id);
    expect(failing.sort(), rec.set).toEqual([...rec.breaks, ...rec.stillMissed].sort());
  }
  return recs;
}

describe('recommendations', () => {
  it('after a failed check: each recommended change, applied, meets what it says (lag 5 minutes)', async () => {
    const recs = await applyEach(['--set', 'data.copies.dr-replica.lag=5 minute']);
    expect(recs.map((r) => r.set)).toContain('data.copies.dr-replica.lag=1 minute');
    expect(recs[0]?.meetsAll).toBe(true);
  });

  it('no DR copy: a copy in the other region (eu-west) fixes the RPO and the data at risk', async () => {
    const recs = await applyEach(['--set', 'data.copies=[]']);
    expect(recs[0]?.set).toBe('data.copies=[{"name":"dr-copy","region":"eu-west","mode":"async","lag":"30 s"}]');
    expect(recs[0]?.fixes).toEqual(['rpo[region]', 'dataAtRisk[region]']);
  });

  it('one node instead of three, against a tighter availability target: three nodes again meet it', async () => {
    // 1 node: the primary db is down q ≈ q_region + q_zone + q_node ≈ 1.37e-4 + 2.28e-4 +
    // 2.28e-5 ≈ 3.9e-4, ≈ 0.6 outages a year; the warm standby db-dr (eu-west) takes over after
    // the 75 min switchover, so each outage costs E[min(R, 75 min)] ≈ 4 h·(1 − e^(−75/240)) ≈
    // 64 min: ≈ 0.6 × 64 min ≈ 39 min a year, Q ≈ 7.4e-5 → 99.9926% < 99.999%; 3 nodes (2 of 3)
    // lose the primary only with its region (model header: ≈ 99.9993%) and meet it.
    const what = ['--set', 'tiers.db.nodes=1', '--target', 'availability>=99.999%'];
    const recs = await applyEach(what);
    expect(recs.map((r) => r.set)).toContain('tiers.db.nodes=3');
  });

  it('check --set tiers.db.nodes=1: every recommendation it prints passes when applied', async () => {
    // One node: a node loss takes the primary down, so the service waits for the 75 min switchover
    // to db-dr (rto[node] 1.25 h > the 1 minute target, models/database-dr.yaml); 2 nodes of a
    // majority quorum (2 of 2) still stop on one loss, 3 nodes (2 of 3) carry on (rto[node] 0).
    const recs = await applyEach(['--set', 'tiers.db.nodes=1']);
    expect(recs.length).toBeGreaterThan(0);
    for (const rec of recs) expect(rec.meetsAll, rec.set).toBe(true);
    expect(recs.map((r) => r.set)).toContain('tiers.db.nodes=3');
    expect(recs.map((r) => r.set)).not.toContain('tiers.db.nodes=2');
    const text = await runCli(['check', DB, '--set', 'tiers.db.nodes=1']);
    expect(text.stdout.indexOf('Recommendations')).toBeGreaterThan(text.stdout.indexOf('rto[node]'));
    expect(text.stdout).toContain('--set tiers.db.nodes=3');
  });

  it('a region loss dominates: a standby in the other region, verified by the failover engine', async () => {
    // database-dr without its standby: db alone in us-east, whose loss (q = 24 h / (20 y + 24 h)
    // ≈ 1.37e-4) is ≈ 99.9% of Q ≈ 1.37e-4 (99.986%, the header's "without the standby").
    // A copy of db in eu-west behind a failover meets 99.999%: ≈ 0.05 losses a year × ≈ 73 min
    // of switchover ≈ 3.7 min a year ≈ 7e-6 (the header's ≈ 99.9993%).
    const what = ['--set', 'service=db', '--target', 'availability>=99.999%'];
    const recs = await applyEach(what);
    const standby = recs.find((r) => r.change.startsWith('a standby of tier db in region eu-west'));
    expect(standby?.sets).toHaveLength(2);
    expect(standby?.sets[1]).toBe('service={"failover":{"primary":"db","standby":"db-standby"}}');
    expect(standby?.meetsAll).toBe(true);
    expect(standby?.serviceUnavailabilityBefore).toBeCloseTo(24 / (20 * 8760 + 24), 5);
    expect(standby?.serviceUnavailabilityAfter).toBeLessThan(1e-5);
    expect(standby?.serviceUnavailabilityAfter).toBeGreaterThan(5e-6);
  });

  it('prints them in text after the failed records, with the argument to paste', async () => {
    const r = await runCli(['check', DB, '--set', 'data.copies.dr-replica.lag=5 minute']);
    expect(r.code).toBe(1);
    const table = r.stdout.indexOf('rpo[region]');
    const recs = r.stdout.indexOf('Recommendations');
    expect(table).toBeGreaterThan(0);
    expect(recs).toBeGreaterThan(table);
    expect(r.stdout).toContain("--set 'data.copies.dr-replica.lag=1 minute'");
    expect(
      (await runCli(['check', DB, '--set', 'data.copies.dr-replica.lag=5 minute', '--no-recommendations'])).stdout,
    ).not.toContain('Recommendations');
    const md = await runCli(['check', DB, '--set', 'data.copies.dr-replica.lag=5 minute', '--format', 'markdown']);
    expect(md.stdout).toContain('#### What would fix it');
    expect(md.stdout).toContain("- `--set 'data.copies.dr-replica.lag=1 minute'`: shorter lag for copy dr-replica");
  });

  it('nines recommend on a model that meets its targets: changes that raise availability and break nothing', async () => {
    const r = await runCli(['recommend', 'models/minimal.yaml', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { recommendations: Recommendation[]; missed: string[] };
    expect(reportSchemaErrors(doc)).toEqual([]);
    expect(doc.missed).toEqual([]);
    expect(doc.recommendations.length).toBeGreaterThan(0);
    for (const rec of doc.recommendations) {
      expect(rec.breaks).toEqual([]);
      expect(rec.serviceUnavailabilityAfter).toBeLessThan(rec.serviceUnavailabilityBefore);
    }
  });

  it('runs the examples of its --help', async () => {
    const help = await runCli(['recommend', '--help']);
    const examples = [...help.stdout.matchAll(/^\s+\$ nines (.+?)(?:\s+#.*)?$/gm)].map((m) => m[1] ?? '');
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const example of examples) {
      const args = [...(example.split(' | ')[0] ?? '').trim().matchAll(/'([^']*)'|(\S+)/g)].map(
        (m) => m[1] ?? m[2] ?? '',
      );
      expect((await runCli(args)).code, example).toBe(0);
    }
  });
});

describe('help examples of check', () => {
  it('run, and exit as their comments say', async () => {
    const help = unfoldExamples((await runCli(['check', '--help'])).stdout);
    const examples = [...help.matchAll(/^\s+\$ nines (.+?)(?:\s+#\s*(.*))?$/gm)].filter(
      (m) => !(m[1] ?? '').includes('>>') && !(m[1] ?? '').includes('--report') && !(m[1] ?? '').includes('simulate'),
    );
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const m of examples) {
      const args = [...(m[1] ?? '').trim().matchAll(/'([^']*)'|(\S+)/g)].map((x) => x[1] ?? x[2] ?? '');
      const r = await runCli(args);
      const exit = /exits (\d)/.exec(m[2] ?? '')?.[1];
      expect(r.code, m[1]).toBe(exit === undefined ? 0 : Number(exit));
      if ((m[2] ?? '').includes('what would fix it')) expect(r.stdout).toContain('Recommendations');
    }
  });
});
