/**
 * `nines check --format markdown`: a summary for a pull-request comment or
 * `$GITHUB_STEP_SUMMARY` (GitHub-flavoured Markdown).
 */
import { formatThreshold } from '../../gate/index.js';
import type { GateStatus, GateResult } from '../../gate/index.js';
import { actualText, sourceText, verdictLine, type CheckView } from '../text/gate.js';
import { escapeCell, markdownTable } from './escape.js';

const ICON: Record<GateStatus | GateResult['status'], string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  warn: '⚠️ warn',
  inconclusive: '❔ inconclusive',
};

/**
 * Heading with the verdict, a table of targets, and the messages of those that did not pass.
 * @example renderCheckMarkdown(view)
 */
export function renderCheckMarkdown(view: CheckView): string {
  const out = [`### nines check: ${ICON[view.result.status]} — ${escapeCell(view.modelName)}`, ''];
  out.push(`${escapeCell(view.file)} · ${view.method} · ${verdictLine(view)}`, '');
  if (view.result.records.length === 0) {
    out.push('No targets: add a `targets` section to the model or pass `--target`.');
    return `${out.join('\n')}\n`;
  }
  const rows = view.result.records.map((r) => [
    ICON[r.status],
    `\`${r.id}\``,
    actualText(r),
    formatThreshold(r),
    r.level,
    sourceText(r.source),
  ]);
  // The id and source are inside code spans: only pipes need escaping there.
  out.push(markdownTable(['Status', 'Target', 'Actual', 'Threshold', 'Level', 'Source'], rows));
  const notes = view.result.records.filter((r) => r.status !== 'pass');
  if (notes.length > 0) {
    out.push('', ...notes.map((r) => `- ${ICON[r.status]} ${escapeCell(r.message)}`));
  }
  const advice = view.recommendations;
  if (advice !== undefined && advice.missed.length > 0) {
    out.push('', '#### What would fix it (each change verified by re-running nines)', '');
    if (advice.recommendations.length === 0)
      out.push(`No single change of the ${advice.tried} tried meets a missed target on its own.`);
    for (const r of advice.recommendations) {
      const verdict = r.meetsAll
        ? 'all targets met'
        : r.breaks.length > 0
          ? `but misses ${r.breaks.map((id) => `\`${id}\``).join(', ')}`
          : `still missed: ${r.stillMissed.map((id) => `\`${id}\``).join(', ')}`;
      out.push(
        `- \`${r.argument.replace(/`/g, "'")}\`: ${escapeCell(r.change)}; meets ${r.fixes.map((id) => `\`${id}\``).join(', ')}; ${verdict}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
