/** `nines compare --format markdown`: the comparison as a PR-comment table. */
import { changeLabel, compareDelta, compareValue, compareVerdict, type CompareView } from '../text/compare.js';
import { escapeCell, markdownTable } from './escape.js';

const ICON = { better: '🟢 better', worse: '🟡 worse', same: '=', unknown: '-' } as const;

/**
 * Heading, a table (figure, base, candidate, Δ, change) and the verdict.
 * @example renderCompareMarkdown(view)
 */
export function renderCompareMarkdown(view: CompareView): string {
  const heading = `### nines compare: ${escapeCell(view.baseName)} → ${escapeCell(view.candidateName)}`;
  const rows = view.result.metrics.map((m) => [
    `\`${m.id}\``,
    compareValue(m, m.base),
    compareValue(m, m.candidate),
    compareDelta(m),
    m.regression ? `🔴 ${changeLabel(m).toLowerCase()}` : ICON[m.change],
  ]);
  const table = markdownTable(['Figure', 'Base', 'Candidate', 'Δ', 'Change'], rows);
  return `${heading}\n\n${escapeCell(view.baseFile)} → ${escapeCell(view.candidateFile)}\n\n${table}\n\n${escapeCell(compareVerdict(view))}\n`;
}
