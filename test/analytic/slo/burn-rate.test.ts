import { describe, expect, it } from 'vitest';
import {
  burnAlerts,
  burnRateTable,
  budgetFraction,
  exactBudget,
  maxBurnRate,
} from '../../../src/analytic/slo/burn-rate.js';
import { formatRational, fromNumber, mul, toDecimal } from '../../../src/analytic/slo/rational.js';

const DAY = 86_400;
const q999 = budgetFraction(0.001);

describe('exact decimals', () => {
  it('14.4 × 0.001 is 0.0144 and 1 − 0.999 is 0.001, not the binary-float neighbours', () => {
    // Binary floating point: 14.4 * 0.001 = 0.014400000000000001 and 1 - 0.999 = 0.0010000000000000009.
    expect(14.4 * 0.001).not.toBe(0.0144);
    expect(toDecimal(mul(fromNumber(14.4), fromNumber(0.001)))).toBe('0.0144');
    expect(formatRational(fromNumber(0.001))).toBe('0.001');
  });
});

describe('the budget as written', () => {
  it('an objective written as the number 0.999 gives the budget 0.001, not 0.0010000000000000009', () => {
    expect(1 - 0.999).toBe(0.0010000000000000009);
    expect(exactBudget(0.999, 1 - 0.999)).toBe(0.001);
    expect(burnAlerts(budgetFraction(exactBudget(0.999, 1 - 0.999)), 30 * DAY)[0]?.errorRatioThresholdText).toBe(
      '0.0144',
    );
    // An exact complement from the text wins when it is the shorter: "11 nines" → 1e-11.
    expect(exactBudget(1 - 1e-11, 1e-11)).toBe(1e-11);
    expect(exactBudget(0.9995, 0.0005)).toBe(0.0005);
  });
});

describe('The Site Reliability Workbook, ch. 5 "Alerting on SLOs" (sre.google/workbook/alerting-on-slos)', () => {
  // Table 5-8. Recommended parameters for a 99.9% SLO alerting configuration (30-day window):
  // | Severity | Long window | Short window | Burn rate | Error budget consumed |
  // | Page     | 1 hour      | 5 minutes    | 14.4      | 2%                    |
  // | Page     | 6 hours     | 30 minutes   | 6         | 5%                    |
  // | Ticket   | 3 days      | 6 hours      | 1         | 10%                   |
  it('table 5-8 (and 5-6) for 30 d, to the last printed digit', () => {
    const alerts = burnAlerts(q999, 30 * DAY);
    expect(
      alerts.map((a) => [a.severity, a.longWindowSeconds, a.shortWindowSeconds, a.burnRateText, a.budgetConsumed]),
    ).toEqual([
      ['page', 3600, 300, '14.4', 0.02],
      ['page', 6 * 3600, 1800, '6', 0.05],
      ['ticket', 3 * DAY, 6 * 3600, '1', 0.1],
    ]);
    // The workbook's rule text: "> (14.4*0.001)", "> (6*0.001)", "> 0.001".
    expect(alerts.map((a) => a.errorRatioThresholdText)).toEqual(['0.0144', '0.006', '0.001']);
    expect(alerts.every((a) => a.feasible)).toBe(true);
  });

  it('28 d by hand: b = share × 672 h / long window', () => {
    // 0.02 × 672 h / 1 h = 13.44; 0.05 × 672 / 6 = 5.6; 0.1 × 28 d / 3 d = 14/15 = 0.9333…
    const alerts = burnAlerts(q999, 28 * DAY);
    expect(alerts.map((a) => a.burnRateText)).toEqual(['13.44', '5.6', '0.93333333333333333333']);
    expect(alerts.map((a) => a.errorRatioThresholdText)).toEqual(['0.01344', '0.0056', '0.00093333333333333333']);
    // W / b = long window / share: 50 h, 120 h and 30 d whatever the window.
    expect(alerts.map((a) => a.timeToExhaustionSeconds)).toEqual([50 * 3600, 120 * 3600, 30 * DAY]);
  });

  // Table 5-4. Burn rates and time to complete budget exhaustion (99.9%, 30 days):
  // | 1 | 0.1% | 30 days | · | 2 | 0.2% | 15 days | · | 10 | 1% | 3 days | · | 1,000 | 100% | 43 minutes |
  it('table 5-4: error ratios and times to exhaustion', () => {
    const rows = burnRateTable(q999, 30 * DAY);
    expect(rows.map((r) => r.errorRatio)).toEqual([0.001, 0.002, 0.01, 1]);
    expect(rows.map((r) => r.timeToExhaustionSeconds)).toEqual([30 * DAY, 15 * DAY, 3 * DAY, 2592]);
    expect(Math.floor(2592 / 60)).toBe(43); // 43.2 minutes, printed "43 minutes"
  });

  it('the 36× single-window example: 5% of a 30-day budget in one hour', () => {
    const [alert] = burnAlerts(q999, 30 * DAY, [{ severity: 'page', longSeconds: 3600, budgetConsumed: '0.05' }]);
    expect(alert?.burnRateText).toBe('36');
  });

  it('"Extreme availability goals": at 90% the 2%-in-1-h page can never fire (a 100% outage spends 1.4%)', () => {
    const [page] = burnAlerts(budgetFraction(0.1), 30 * DAY);
    expect(page?.feasible).toBe(false);
    expect(page?.reason).toContain('1.39% of the budget in 1 h');
    expect(toDecimal(maxBurnRate(budgetFraction(0.1)))).toBe('10');
    // The figure: a 14.4× burn needs an objective of at least 1 − 1/14.4 = 93.06%.
    expect(burnAlerts(budgetFraction(1 / 14.4 - 1e-12), 30 * DAY)[0]?.feasible).toBe(true);
    expect(((1 - 1 / 14.4) * 100).toFixed(2)).toBe('93.06');
  });
});
