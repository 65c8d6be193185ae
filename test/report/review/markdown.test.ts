/// <reference lib="dom" />
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/app/report.js';
import { renderReportMarkdown } from '../../../src/report/markdown/review.js';
import { parseMermaidFlowchart } from '../../support/mermaid.js';
import { EXAMPLE_MODELS, exampleModel, HOSTILE, hostileModel } from '../../support/models.js';

// GitHub-flavoured: tables and raw HTML on, as GitHub renders a comment (before its sanitiser).
const md = new MarkdownIt({ html: true });

/** Unescaped pipes of a table line: the column separators. */
const pipes = (line: string): number => line.replace(/\\./g, '').split('|').length - 1;

async function checkStructure(text: string, sectionTitles: readonly string[]): Promise<void> {
  const tokens = md.parse(text, {});
  const headings = tokens.flatMap((t, i) => (t.type === 'heading_open' ? [[t.tag, tokens[i + 1]?.content ?? '']] : []));
  expect(headings.filter(([tag]) => tag === 'h1')).toHaveLength(1);
  expect(headings.filter(([tag]) => tag === 'h2').map(([, title]) => title)).toEqual(sectionTitles);
  // Each table: markdown-it sees every source line as a row, and each row has the header's cell count.
  const lines = text.split('\n');
  let tables = 0;
  tokens.forEach((t, i) => {
    if (t.type !== 'table_open' || t.map === null) return;
    tables++;
    const [from, to] = t.map;
    const source = lines.slice(from, to);
    const width = pipes(source[0] ?? '');
    for (const line of source) expect(pipes(line), line).toBe(width);
    const rows = tokens.slice(i).findIndex((x) => x.type === 'table_close');
    const trs = tokens.slice(i, i + rows).filter((x) => x.type === 'tr_open').length;
    expect(trs).toBe(source.length - 1); // every line but the rule is a row
  });
  expect(tables).toBeGreaterThan(2);
  const fences = tokens.filter((t) => t.type === 'fence' && t.info === 'mermaid');
  expect(fences).toHaveLength(1);
  await parseMermaidFlowchart(fences[0]?.content ?? '');
}

describe('markdown report', () => {
  it.each(EXAMPLE_MODELS)('%s: headings, well-formed tables and a Mermaid diagram Mermaid can parse', async (file) => {
    const view = await buildReport(exampleModel(file), file);
    await checkStructure(
      renderReportMarkdown(view),
      view.sections.map((s) => s.title),
    );
  });

  it('escapes hostile names and descriptions: no HTML gets through, the text reads back as written', async () => {
    const view = await buildReport(hostileModel(), 'hostile.yaml');
    const text = renderReportMarkdown(view);
    await checkStructure(
      text,
      view.sections.map((s) => s.title),
    );
    const html = md.render(text);
    const dom = new JSDOM(html);
    const doc = dom.window.document;
    expect(doc.querySelectorAll('script, img, b').length).toBe(0);
    expect(doc.querySelectorAll('a').length).toBe(0); // [link](…) in a name is text, not a link
    const body = doc.body.textContent ?? '';
    expect(body).toContain(HOSTILE.tier);
    expect(body).toContain(HOSTILE.copy);
    expect(body).toContain(HOSTILE.description.replace('\u2028', ' ').replace(/\s+/g, ' ').slice(0, 20));
  });
});
