import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  loadModelText,
  renderDot,
  renderMermaid,
  renderReportHtml,
  renderReportMarkdown,
  topologyOf,
} from '../../../src/index.js';

describe('reports as a library', () => {
  it('builds a view from a model and renders it as HTML, Markdown, Mermaid and DOT', async () => {
    const loaded = loadModelText(readFileSync('models/minimal.yaml', 'utf8'));
    if (!loaded.ok) throw new Error('minimal.yaml does not validate');
    const view = await buildReport(loaded.value, 'minimal.yaml');
    expect(view.documents.analyze.service.unavailability).toBeCloseTo(2.998e-6, 15); // 3q² − 2q³, q = 0.001 (its header)
    expect(renderReportMarkdown(view)).toMatch(/^# minimal — design review\n/);
    expect(await renderReportHtml(view)).toMatch(/^<!doctype html>/);
    expect(renderMermaid(topologyOf(loaded.value))).toContain('t0{{"tier web · 2 of 3"}}');
    expect(renderDot(topologyOf(loaded.value))).toContain('label="tier web · 2 of 3"');
  });
});
