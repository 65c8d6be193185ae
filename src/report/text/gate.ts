/**
 * Text of `nines check`: a verdict line and a pass/fail table, one row per target; and the
 * GitHub Actions annotations for missed targets.
 */
import type { GateExit, GateRecord, GateResult, GateStatus, TargetSource } from '../../gate/index.js';
import { formatMetric, formatThreshold } from '../../gate/index.js';
import type { RecommendResult } from '../recommend-view.js';
import { printable } from '../../lib/printable.js';
import type { TextStyle } from '../style.js';
import { table } from '../table.js';
import { wrap } from '../wrap.js';
import { renderRecommendations } from './recommend.js';

/** What the renderers of a check show: the model, the gate result and how it exits. */
export type CheckView = {
  readonly modelName: string;
  readonly file: string;
  readonly method: 'analytic' | 'simulate';
  readonly result: GateResult;
  readonly exit: GateExit;
  /** Changes that would meet the missed targets (check's recommendations), when looked for. */
  readonly recommendations?: RecommendResult | undefined;
};

/** "✔ pass", "✖ fail", "! warn", "? inconclusive" with a colour. */
export function statusLabel(status: GateStatus | GateResult['status'], style?: TextStyle): string {
  const c = style?.chalk;
  switch (status) {
    case 'pass':
      return c ? c.green('✔ pass') : '✔ pass';
    case 'fail':
      return c ? c.red.bold('✖ fail') : '✖ fail';
    case 'warn':
      return c ? c.yellow('! warn') : '! warn';
    case 'inconclusive':
      return c ? c.magenta('? inconclusive') : '? inconclusive';
    default: {
      const never: never = status;
      throw new Error(`unknown status ${String(never)}`);
    }
  }
}

/** The actual figure of a record in its unit, or "no figure". */
export function actualText(record: GateRecord): string {
  if (record.actual === null) return 'no figure';
  const text = formatMetric(record.metric, record.actual, record.actualComplement ?? undefined);
  return record.worstScenario === undefined ? text : `${text} (${record.worstScenario})`;
}

/** `models/x.yaml:12:3` or `--target 'rto<=1h'`. */
export function sourceText(source: TargetSource): string {
  return 'flag' in source
    ? `--target '${printable(source.flag)}'`
    : `${printable(source.file)}:${source.line}:${source.col}`;
}

/** One sentence on the outcome: "3 targets: 2 met, 1 missed; exit 1". */
export function verdictLine(view: CheckView): string {
  const s = view.result.summary;
  const parts = [`${s.passed} met`];
  if (s.failed > 0) parts.push(`${s.failed} missed`);
  if (s.warnings > 0) parts.push(`${s.warnings} warning${s.warnings === 1 ? '' : 's'}`);
  if (s.inconclusive > 0) parts.push(`${s.inconclusive} inconclusive`);
  const why: Record<GateExit['reason'], string> = {
    pass: '',
    failed: '',
    inconclusive: view.result.records.some((r) => r.status === 'inconclusive' && r.analyticBound?.straddles === true)
      ? ' (an analytic bound straddles a target)'
      : ' (more trials would settle it)',
    'too-many-warnings': ' (more warnings than --max-warnings)',
    'exit-zero': ' (--exit-zero)',
  };
  return `${s.total} target${s.total === 1 ? '' : 's'}: ${parts.join(', ')}; exit ${view.exit.code}${why[view.exit.reason]}`;
}

/**
 * The check report: title, one table row per target (status, target, actual, threshold,
 * source), the messages of the records that did not pass, and the verdict line.
 * @example renderCheck(view, textStyle(false))
 */
export function renderCheck(view: CheckView, style: TextStyle): string {
  const { chalk } = style;
  const title = `${chalk.bold(view.modelName)} — check (${view.method}): ${statusLabel(view.result.status, style)}`;
  if (view.result.records.length === 0) {
    return `${title}\nno targets: add a 'targets' section to the model or pass --target\n`;
  }
  const t = table(['Status', 'Target', 'Actual', 'Threshold', 'Level', 'Source'], style);
  for (const r of view.result.records) {
    t.push([statusLabel(r.status, style), r.id, actualText(r), formatThreshold(r), r.level, sourceText(r.source)]);
  }
  const notes = view.result.records
    .filter((r) => r.status !== 'pass')
    .map((r) => wrap(`${statusLabel(r.status, style)} ${printable(r.message)}`, '  ', style.width));
  return `${[title, t.toString(), ...(notes.length > 0 ? ['', ...notes] : []), '', verdictLine(view)].join('\n')}\n`;
}

/** GitHub workflow-command escaping of a message (data): %, CR, LF. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub workflow-command escaping of a property value: also ':' and ','. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `::error file=…,line=…,col=…,title=…::message` for each failed or inconclusive target and
 * `::warning …` for each warning (GitHub Actions workflow commands; flags have no file).
 * @example githubAnnotations(result.records)
 */
export function githubAnnotations(records: readonly GateRecord[]): string {
  return records
    .filter((r) => r.status !== 'pass')
    .map((r) => {
      const command = r.status === 'warn' ? 'warning' : 'error';
      // A flag, or a model read from standard input, has no file to annotate.
      const where =
        'flag' in r.source || r.source.file === '<stdin>'
          ? []
          : [`file=${escapeProperty(r.source.file)}`, `line=${r.source.line}`, `col=${r.source.col}`];
      const props = [...where, `title=${escapeProperty(`nines check: ${r.id}`)}`].join(',');
      return `::${command} ${props}::${escapeData(r.message)}\n`;
    })
    .join('');
}

/** `::error file=…,line=…,col=…::message` for each problem of an invalid model (none for `<stdin>`). */
export function githubProblemAnnotations(
  file: string,
  problems: readonly {
    readonly severity: string;
    readonly line: number;
    readonly col: number;
    readonly message: string;
    readonly code: string;
  }[],
): string {
  return problems
    .map((p) => {
      const where = file === '<stdin>' ? [] : [`file=${escapeProperty(file)}`, `line=${p.line}`, `col=${p.col}`];
      const props = [...where, `title=${escapeProperty(`nines: ${p.code}`)}`].join(',');
      return `::${p.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(p.message)}\n`;
    })
    .join('');
}

/** The check's text with the changes that would meet the missed targets, when it looked for them. */
export function renderCheckWithAdvice(view: CheckView, style: TextStyle): string {
  const advice = view.recommendations;
  return renderCheck(view, style) + (advice === undefined ? '' : `\n${renderRecommendations(advice, style)}`);
}
