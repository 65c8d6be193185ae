import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

// The rules `nines slo --format prometheus` writes, checked by the real tool: promtool, from
// Debian's `prometheus` package (.ci/run installs it when missing). Without promtool these
// tests fail rather than skip: the acceptance of issue 17 rests on them.

const API = 'models/api-slo.yaml';

function promtool(args: readonly string[]): { code: number; out: string } {
  const r = spawnSync('promtool', args, { encoding: 'utf8' });
  if (r.error !== undefined)
    throw new Error(
      `promtool did not run (${r.error.message}); install Debian's prometheus package (apt-get install prometheus), as .ci/run does`,
    );
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

async function rulesFor(
  file: string,
  extra: readonly string[] = [],
): Promise<{ dir: string; path: string; text: string }> {
  const r = await runCli(['slo', file, '--format', 'prometheus', ...extra]);
  expect(r.code).toBe(0);
  const dir = mkdtempSync(join(tmpdir(), 'nines-slo-'));
  const path = join(dir, 'rules.yaml');
  writeFileSync(path, r.stdout);
  return { dir, path, text: r.stdout };
}

type Rule = {
  alert?: string;
  record?: string;
  expr: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
};
const rulesOf = (text: string): Rule[] =>
  (parse(text) as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules);

describe('nines slo --format prometheus, checked by promtool', { timeout: 60_000 }, () => {
  it('passes promtool check rules (SLI queries from the model)', async () => {
    const { path } = await rulesFor(API);
    const r = promtool(['check', 'rules', path]);
    expect(r.out).toContain('SUCCESS');
    expect(r.code).toBe(0);
  });

  it('placeholders, clearly marked, also pass promtool check rules', async () => {
    const { path, text } = await rulesFor('models/minimal.yaml', ['--objective', '99.5%', '--window', '28d']);
    expect(text).toContain('# PLACEHOLDER: the model has no slo.sli');
    expect(text).toContain('nines_placeholder_errors_total');
    // 28 d at 99.5%: b = 13.44, threshold 13.44 × 0.005 = 0.0672 exactly (hand arithmetic).
    expect(text).toContain('slo:sli_error:ratio_rate1h{nines_slo="minimal"} > 0.0672');
    expect(promtool(['check', 'rules', path]).code).toBe(0);
  });

  it('promtool test rules: the fast-burn page fires within 51.84 s of 100% errors, and never at 0.1%', async () => {
    const { dir, text } = await rulesFor(API);
    const page = rulesOf(text).find((r) => r.alert === 'ApiSloErrorBudgetBurnPage');
    expect(page).toBeDefined();
    // Expected detection time at 100% errors (SRE workbook, "time taken for an alert to fire"):
    // (1 − SLO) / error ratio × window × burn rate = 0.001 / 1 × 3600 s × 14.4 = 51.84 s.
    // 10 requests/s, scraped every 10 s; 6 h without errors, then every request fails. The
    // 1 h error ratio after t seconds of errors is t/3600: 50 s → 0.01389 < 0.0144 (silent),
    // 60 s → 0.01667 > 0.0144 (fires). The 6 h/30 min pair needs 129.6 s, so it is not the one firing.
    // The alerts and the recording rules they read are two groups (as Sloth lays them out), and
    // groups are evaluated independently — in promtool in no fixed order — so the alert may see
    // the recordings of one evaluation (10 s) before: it must fire by 60 s + 10 s, not at 50 s.
    const tests = {
      rule_files: ['rules.yaml'],
      evaluation_interval: '10s',
      tests: [
        {
          interval: '10s',
          input_series: [
            { series: 'http_requests_total{job="api",code="500"}', values: '0x2160 100+100x59' },
            { series: 'http_requests_total{job="api",code="204"}', values: '0+100x2160 216000x59' },
          ],
          alert_rule_test: [
            { eval_time: '6h', alertname: 'ApiSloErrorBudgetBurnPage', exp_alerts: [] },
            { eval_time: '6h50s', alertname: 'ApiSloErrorBudgetBurnPage', exp_alerts: [] },
            {
              eval_time: '6h1m10s',
              alertname: 'ApiSloErrorBudgetBurnPage',
              exp_alerts: [{ exp_labels: page?.labels, exp_annotations: page?.annotations }],
            },
            {
              eval_time: '6h10m',
              alertname: 'ApiSloErrorBudgetBurnPage',
              exp_alerts: [{ exp_labels: page?.labels, exp_annotations: page?.annotations }],
            },
          ],
        },
      ],
    };
    const path = join(dir, 'tests.yaml');
    writeFileSync(path, JSON.stringify(tests, null, 2));
    const r = promtool(['test', 'rules', path]);
    expect(r.out).toContain('SUCCESS');
    expect(r.code).toBe(0);
    // 0.1% errors (burn rate 1: the budget lasts exactly the window): no page, ever. Scraped
    // and evaluated every minute (the 10 s grid above is only needed to time the firing).
    const slow = {
      rule_files: ['rules.yaml'],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: [
            { series: 'http_requests_total{job="api",code="500"}', values: '0+0.6x480' },
            { series: 'http_requests_total{job="api",code="200"}', values: '0+599.4x480' },
          ],
          alert_rule_test: ['1h', '3h', '6h', '8h'].map((t) => ({
            eval_time: t,
            alertname: 'ApiSloErrorBudgetBurnPage',
            exp_alerts: [],
          })),
        },
      ],
    };
    const slowPath = join(dir, 'slow-burn.yaml');
    writeFileSync(slowPath, JSON.stringify(slow, null, 2));
    const s = promtool(['test', 'rules', slowPath]);
    expect(s.out).toContain('SUCCESS');
    expect(s.code).toBe(0);
  }, 60_000);

  it('the same test fails when the page is expected 10 s too early (the test can fail)', async () => {
    const { dir, text } = await rulesFor(API);
    const page = rulesOf(text).find((r) => r.alert === 'ApiSloErrorBudgetBurnPage');
    const tests = {
      rule_files: ['rules.yaml'],
      evaluation_interval: '10s',
      tests: [
        {
          interval: '10s',
          input_series: [
            { series: 'http_requests_total{job="api",code="500"}', values: '0x2160 100+100x59' },
            { series: 'http_requests_total{job="api",code="204"}', values: '0+100x2160 216000x59' },
          ],
          alert_rule_test: [
            {
              eval_time: '6h50s',
              alertname: 'ApiSloErrorBudgetBurnPage',
              exp_alerts: [{ exp_labels: page?.labels, exp_annotations: page?.annotations }],
            },
          ],
        },
      ],
    };
    const path = join(dir, 'tests.yaml');
    writeFileSync(path, JSON.stringify(tests, null, 2));
    const r = promtool(['test', 'rules', path]);
    expect(r.out).toMatch(/FAILED/);
    expect(r.out).toContain('ApiSloErrorBudgetBurnPage');
    expect(r.code).not.toBe(0);
  }, 60_000);

  it('promtool is the real one', () => {
    expect(execFileSync('promtool', ['--version'], { encoding: 'utf8' })).toMatch(/promtool, version \d+\.\d+/);
  });
});
