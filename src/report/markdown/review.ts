/**
 * `nines report --format markdown`: GitHub-flavoured Markdown for a pull-request comment or a
 * wiki: the topology as a Mermaid diagram, every figure in tables, charts as their data tables.
 */
import { renderMermaid } from '../diagram/mermaid.js';
import type { Block, Cell, Inline, ReportView, Table } from '../review-view.js';
import { escapeCell, markdownTableOf } from './escape.js';

/**
 * Escaping for Markdown prose (outside tables): HTML, backslashes and the characters that
 * start emphasis, links, code or a heading.
 * @example escapeText('*bold* <b>') // '\\*bold\\* &lt;b&gt;'
 */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/[`*_[\]#|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n?|\n/g, ' ');
}

/** A code span that holds any text: a fence longer than any run of backticks inside. */
function codeSpan(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

const TONE: Record<string, string> = { good: '', bad: '**', warn: '**', muted: '_' };

/** The Markdown document of a report view. */
export function renderReportMarkdown(view: ReportView): string {
  const out = [`# ${escapeText(view.title)} — design review`, ''];
  if (view.subtitle !== undefined) out.push(`> ${escapeText(view.subtitle)}`, '');
  const { analyze } = view.documents;
  out.push(
    `Model ${codeSpan(analyze.model.file)}, nines ${escapeText(analyze.tool.version)}. Figures from \`nines analyze --json\`${view.documents.simulate === undefined ? '' : ', `nines simulate --json`'} and \`nines check --json\`.`,
    '',
  );
  for (const section of view.sections) {
    out.push(`## ${escapeText(section.title)}`, '');
    for (const block of section.blocks) out.push(renderBlock(block), '');
  }
  out.push(
    '---',
    '',
    '_Conventions: year = 365 d, month = 30 d; TB = 10¹² B, TiB = 2⁴⁰ B; nines = −log10(unavailability)._',
  );
  return `${out.join('\n')}\n`;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return inline(block.text, false);
    case 'facts':
      return markdownTableOf(
        ['Figure', 'Value'],
        block.items.map((i) => [escapeCell(i.label), cell(i.value)]),
      );
    case 'table':
      return table(block.table);
    case 'list':
      return block.items.map((i) => `- ${inline(i, false)}`).join('\n');
    case 'chart':
      return `**${escapeText(block.chart.title)}.** ${escapeText(block.chart.caption)}\n\n${table(block.chart.table)}`;
    case 'diagram':
      return `\`\`\`mermaid\n${renderMermaid(block.topology)}\`\`\``;
    default: {
      const never: never = block;
      throw new Error(`unknown block ${String(never)}`);
    }
  }
}

function table(t: Table): string {
  return markdownTableOf(
    t.head.map(escapeCell),
    t.rows.map((r) => r.map(cell)),
    t.align,
  );
}

function cell(c: Cell): string {
  return typeof c === 'string' || !Array.isArray(c) ? inline([c as Inline], true) : inline(c, true);
}

/** Runs of text and figures; in a table cell, pipes in code spans are escaped too (GFM). */
function inline(runs: readonly Inline[], inTable: boolean): string {
  return runs
    .map((r) => {
      if (typeof r === 'string') return escapeText(r);
      const text = r.code === true ? codeSpan(inTable ? r.text.replace(/\|/g, '\\|') : r.text) : escapeText(r.text);
      const mark = r.tone === undefined ? '' : (TONE[r.tone] ?? '');
      return mark === '' || text.trim() === '' ? text : `${mark}${text}${mark}`;
    })
    .join('');
}
