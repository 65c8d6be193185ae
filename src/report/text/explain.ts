import type { ExplainInput, ExplainStep, Explanation, Source } from '../explain-view.js';
import type { TextStyle } from '../style.js';
import { wrap } from '../wrap.js';

/** Where an input came from, for people: `file:line:col`, `--set …`, `default: …`. */
export function sourceText(source: Source): string {
  switch (source.kind) {
    case 'file':
      return `${source.file}:${source.line}:${source.col}`;
    case 'override':
      return `--set ${source.set}`;
    case 'default':
      return `default: ${source.rule}`;
    case 'drill':
      return `--fail ${source.fail.join(', ')}`;
    default: {
      const never: never = source;
      throw new Error(`unknown source ${JSON.stringify(never)}`);
    }
  }
}

function inputLine(i: ExplainInput, indent: string, style: TextStyle, width: number): string {
  const written = i.written === null ? String(i.value) : String(i.written);
  return wrap(`${i.name} = ${written}  ${style.chalk.dim(`(${sourceText(i.source)})`)}`, indent, width);
}

function stepLines(s: ExplainStep, n: string, indent: string, style: TextStyle, width: number): string[] {
  const { chalk } = style;
  const out = [wrap(`${n}${chalk.bold(s.label)}: ${s.display}`, indent, width)];
  const inner = `${indent}${n === '' ? '  ' : ' '.repeat(Math.min(n.length, 4))}`;
  if (s.formula !== '') out.push(wrap(s.formula, inner, width));
  for (const i of s.inputs) out.push(inputLine(i, inner, style, width));
  for (const child of s.steps) out.push(...stepLines(child, '', inner, style, width));
  return out;
}

/** What `nines explain` shows: the explanations of the figures asked for, in order. */
export type ExplainView = { readonly explanations: readonly Explanation[] };

/**
 * Explanations as text within `width` columns (100 at most): the figure and its exact value (as
 * in `nines analyze --json`), the formula, numbered steps with their inputs and sources.
 * @example renderExplanations(result.explanations, textStyle(false), 80)
 */
export function renderExplanations(explanations: readonly Explanation[], style: TextStyle, width = 100): string {
  const w = Math.min(100, width);
  const { chalk } = style;
  const blocks = explanations.map((e) => {
    const lines = [
      `${chalk.bold(`${e.figure}`)} = ${e.display}`,
      wrap(
        `${e.label}; exactly ${e.value === null ? 'null' : String(e.value)} (nines analyze --json: ${e.jsonPath})`,
        '  ',
        w,
      ),
      wrap(e.formula, '  ', w),
    ];
    for (const i of e.inputs) lines.push(inputLine(i, '  ', style, w));
    e.steps.forEach((s, k) => {
      lines.push(...stepLines(s, `${k + 1}. `, '  ', style, w));
    });
    lines.push(wrap(chalk.dim(`conventions: ${e.conventions.join('; ')}`), '  ', w));
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}
