import type { Problem } from '../../config/problem.js';
import { printable } from '../../lib/printable.js';
import type { TextStyle } from '../style.js';

/**
 * Problems as compilers print them, one a line: `file:line:col: error: message [code]`,
 * so editors and CI log viewers link to the spot.
 */
export function renderProblems(file: string, problems: readonly Problem[], style: TextStyle): string {
  const { chalk } = style;
  return problems
    .map((p) => {
      const where = chalk.bold(`${printable(file)}:${p.line}:${p.col}:`);
      const severity = p.severity === 'error' ? chalk.red('error:') : chalk.yellow('warning:');
      const path = p.path === '' ? '' : chalk.dim(` (at ${printable(p.path)})`);
      // One problem, one line: values quoted in the message keep their control characters escaped.
      return `${where} ${severity} ${printable(p.message)}${path} ${chalk.dim(`[${p.code}]`)}\n`;
    })
    .join('');
}

/** "2 errors, 1 warning" */
export function countProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : '']
    .filter(Boolean)
    .join(', ');
}
