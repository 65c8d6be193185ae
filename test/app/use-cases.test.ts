import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  diagramDocument,
  FORMATS,
  loadSource,
  renderMermaid,
  renderReportMarkdown,
  reportDocument,
  runBudget,
  runDiagram,
  runExplain,
  runPlan,
  runRecommend,
  runReport,
  textStyle,
} from '../../src/index.js';
import { runCli } from '../support/run-cli.js';

// Issue 12: every command is a use case a library user calls (src/index.ts); each gives the very
// document and text the command prints (one model, one answer).
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function source(file: string, set?: readonly string[]) {
  const loaded = loadSource(readFileSync(file, 'utf8'), { file, ...(set === undefined ? {} : { set }) });
  if (!loaded.ok) throw new Error(`${file} does not validate`);
  return loaded;
}

describe('runBudget', () => {
  it('99.99% allows q × period: 8.64 s a day, 259.2 s a month (30 d), 3153.6 s a year (365 d)', async () => {
    const outcome = runBudget('99.99%');
    const byPeriod = Object.fromEntries(outcome.view.budget.map((b) => [b.period, b.downtimeSeconds]));
    // q = 1e-4: 1e-4 × 86 400 s, 1e-4 × 2 592 000 s, 1e-4 × 31 536 000 s.
    expect(byPeriod['day']).toBeCloseTo(8.64, 12);
    expect(byPeriod['month']).toBeCloseTo(259.2, 10);
    expect(byPeriod['year']).toBeCloseTo(3153.6, 9);
    const cli = await runCli(['budget', '99.99%', '--json']);
    expect(json(outcome.document)).toEqual(JSON.parse(cli.stdout));
    expect(FORMATS.budget.text(outcome.view, textStyle(false))).toBe((await runCli(['budget', '99.99%'])).stdout);
  });

  it('throws a coded error on a target that does not parse', () => {
    expect(() => runBudget('lots')).toThrow(expect.objectContaining({ code: 'bad-argument' }));
  });
});

describe('runExplain', () => {
  it('cites a --set value as its source: 2 of 4 up at q₁ = 0.001, q = 4q₁³(1 − q₁) + q₁⁴ = 3.997e-9', async () => {
    const set = ['tiers.web.nodes=4'];
    const outcome = runExplain(source('models/minimal.yaml', set), { set });
    const [first] = outcome.view.explanations;
    expect(first?.figure).toBe('service.availability');
    expect(Number(first?.value)).toBeCloseTo(1 - (4 * 0.001 ** 3 * 0.999 + 0.001 ** 4), 15);
    const inputs = (s: NonNullable<typeof first>): (typeof s.inputs)[number][] => [
      ...s.inputs,
      ...s.steps.flatMap((c) => inputs(c as NonNullable<typeof first>)),
    ];
    const nodes = first === undefined ? undefined : inputs(first).find((i) => i.path === 'tiers[0].nodes');
    expect(nodes?.source).toEqual({ kind: 'override', set: 'tiers.web.nodes=4' });
    const cli = await runCli(['explain', 'models/minimal.yaml', '--set', set[0] ?? '', '--json']);
    expect(json(outcome.document)).toEqual(JSON.parse(cli.stdout));
  });

  it('throws a coded error naming an unknown figure', () => {
    expect(() => runExplain(source('models/minimal.yaml'), { figures: ['nosuch'] })).toThrow(
      expect.objectContaining({ code: 'bad-figure' }),
    );
  });
});

describe('runRecommend, runPlan, runDiagram, runReport', () => {
  it('runRecommend gives the document of nines recommend', async () => {
    const file = 'models/database-dr.yaml';
    const outcome = runRecommend(source(file), { targets: ['availability>=99.99%'] });
    const cli = await runCli(['recommend', file, '--target', 'availability>=99.99%', '--json']);
    expect(json(outcome.document)).toEqual(JSON.parse(cli.stdout));
    expect(() => runRecommend(source(file), { targets: ['availability>=lots'] })).toThrow(
      expect.objectContaining({ code: 'bad-target' }),
    );
  });

  it('runPlan gives the document and, through the registry, the text of nines plan', async () => {
    const file = 'models/inference-3az.yaml';
    const outcome = runPlan(source(file), { years: 3 });
    expect(json(outcome.document)).toEqual(JSON.parse((await runCli(['plan', file, '--json'])).stdout));
    const text = FORMATS.plan.text(outcome.view, textStyle(false, { width: 100 }), 100);
    expect(text).toBe((await runCli(['plan', file], { env: { COLUMNS: '100' } })).stdout);
  });

  it('runDiagram and runReport give what nines diagram and nines report print', async () => {
    const file = 'models/database-dr.yaml';
    const topology = runDiagram(source(file)).view;
    const mermaid = await runCli(['diagram', file]);
    expect(renderMermaid(topology)).toBe(mermaid.stdout);
    const rendered = { format: 'mermaid', output: undefined, text: renderMermaid(topology) };
    expect(json(diagramDocument(source(file), rendered))).toEqual(
      JSON.parse((await runCli(['diagram', file, '--json'])).stdout),
    );
    const { view } = await runReport(source(file));
    const markdown = renderReportMarkdown(view);
    expect(markdown).toBe((await runCli(['report', file, '--format', 'markdown'])).stdout);
    const doc = reportDocument(source(file), view, { format: 'markdown', output: undefined, text: markdown });
    expect(json(doc)).toEqual(JSON.parse((await runCli(['report', file, '--format', 'markdown', '--json'])).stdout));
  });
});
