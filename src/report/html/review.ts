/**
 * `nines report --format html`: one self-contained file. Styles inline, charts as inline SVG,
 * no script and no request (a Content-Security-Policy forbids both), and the documents the
 * report was built from embedded as JSON, each figure pointing into them by `data-path` with
 * its exact `data-value`.
 */
import { chartSvg } from '../charts/svg.js';
import type { Block, Cell, Chart, Inline, ReportView, Table } from '../review-view.js';
import { REPORT_CSS } from './css.js';
import { escapeHtml, scriptJson } from './escape.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * The HTML document of a report view.
 * @example await renderReportHtml(buildReportView(documents, topology))
 */
export async function renderReportHtml(view: ReportView): Promise<string> {
  const sections: string[] = [];
  for (const section of view.sections) {
    const blocks: string[] = [];
    for (const block of section.blocks) blocks.push(await renderBlock(block));
    sections.push(
      `<section id="${escapeHtml(section.id)}">\n<h2>${escapeHtml(section.title)}</h2>\n${blocks.join('\n')}\n</section>`,
    );
  }
  const { analyze } = view.documents;
  const sources = ['analyze', 'check', ...(view.documents.simulate === undefined ? [] : ['simulate'])]
    .map((c) => `<code>nines ${c} --json</code>`)
    .join(', ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="nines ${escapeHtml(analyze.tool.version)}">
<title>${escapeHtml(`${view.title} — nines design review`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(view.title)}</h1>
${view.subtitle === undefined ? '' : `<p class="subtitle">${escapeHtml(view.subtitle)}</p>\n`}<p class="meta">Design review of <code>${escapeHtml(analyze.model.file)}</code> by nines ${escapeHtml(analyze.tool.version)}. Every figure comes from ${sources}, embedded at the end of this file.</p>
</header>
<nav aria-label="Sections"><ol>${view.sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`).join('')}</ol></nav>
<main>
${sections.join('\n')}
</main>
<footer>Conventions: year = 365 d, month = 30 d; TB = 10<sup>12</sup> B, TiB = 2<sup>40</sup> B; nines = −log10(unavailability). Availability is computed in unavailability, exactly (zone and region failures as common causes); the simulation, when shown, is seeded and reproducible.</footer>
<script type="application/json" id="nines-documents">${scriptJson(view.documents)}</script>
</body>
</html>
`;
}

async function renderBlock(block: Block): Promise<string> {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${inline(block.text)}</p>`;
    case 'facts':
      return `<dl class="facts">${block.items.map((i) => `<div><dt>${escapeHtml(i.label)}</dt><dd>${cell(i.value)}</dd></div>`).join('')}</dl>`;
    case 'table':
      return table(block.table);
    case 'list':
      return `<ul>${block.items.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`;
    case 'chart':
    case 'diagram':
      return chart(block.chart);
    default: {
      const never: never = block;
      throw new Error(`unknown block ${String(never)}`);
    }
  }
}

async function chart(c: Chart): Promise<string> {
  const svg = await chartSvg(c);
  return `<figure class="chart" id="chart-${escapeHtml(c.id)}" data-chart="${escapeHtml(c.id)}" data-marks="${escapeHtml(JSON.stringify(c.marks))}">
${svg}
<figcaption><strong>${escapeHtml(c.title)}.</strong> ${escapeHtml(c.caption)}</figcaption>
<details><summary>The data</summary>${table(c.table)}</details>
</figure>`;
}

function table(t: Table): string {
  const cls = (i: number): string => (t.align?.[i] === 'r' ? ' class="r"' : '');
  const head = t.head.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join('');
  const rows = t.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${cell(c)}</td>`).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table></div>`;
}

function cell(c: Cell): string {
  return typeof c === 'string' || !Array.isArray(c) ? inline([c as Inline]) : inline(c);
}

function inline(runs: readonly Inline[]): string {
  return runs
    .map((r) => {
      if (typeof r === 'string') return escapeHtml(r);
      const text = r.code === true ? `<code>${escapeHtml(r.text)}</code>` : escapeHtml(r.text);
      const attrs = [
        r.tone === undefined ? '' : ` class="tone-${r.tone}"`,
        r.path === undefined
          ? ''
          : ` data-path="${escapeHtml(r.path)}" data-value="${escapeHtml(JSON.stringify(r.value))}"`,
      ].join('');
      return attrs === '' ? text : `<span${attrs}>${text}</span>`;
    })
    .join('');
}
