/**
 * The text after a command's options (`addHelpText('after', …)`), fitted to the help's width as
 * commander fits the options: prose paragraphs re-wrapped, definition items (`  TERM  text`)
 * wrapped under their text, and an example whose `# comment` does not fit gets the comment on
 * the line above it. A shell line (`$ nines …`) is never broken: it must stay copyable.
 */
import type { Command } from 'commander';

/** Commander's width when the output is not a terminal (Help.helpWidth ?? 80). */
const DEFAULT_HELP_WIDTH = 80;
/** Narrower than this commander does not wrap (Help.minWidthToWrap), nor does this. */
const MIN_WIDTH_TO_WRAP = 40;

const visible = (x: string): number => [...x].length;
const indentOf = (x: string): string => /^ */.exec(x)?.[0] ?? '';
const EXAMPLE = /^( *)(\$ .*?)\s+(# .*)$/;
const isShell = (x: string): boolean => /^ *[$#] /.test(x);

/**
 * Fills `words` into lines of at most `width` columns: the first starts with `first`, the others
 * with `hang` (a word longer than a line stays whole).
 * @example fill(['a', 'b', 'c'], '', '  ', 3) // ['a b', '  c']
 */
function fill(words: readonly string[], first: string, hang: string, width: number): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    if (!empty && visible(line) + 1 + visible(word) > width) {
      lines.push(line);
      line = hang + word;
    } else line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

const wordsOf = (lines: readonly string[]): string[] =>
  lines.flatMap((l) => l.trim().split(/ +/)).filter((w) => w !== '');

/** An example: kept when it fits; else its comment (wrapped as comments) above the shell line. */
function example(line: string, width: number): string[] {
  const m = EXAMPLE.exec(line);
  if (visible(line) <= width || m === null) return [line];
  const [, indent = '', shell = '', comment = ''] = m;
  return [...commentLines(`${indent}${comment}`, width), `${indent}${shell}`];
}

function commentLines(line: string, width: number): string[] {
  if (visible(line) <= width) return [line];
  const indent = indentOf(line);
  return fill(wordsOf([line.trim().slice(2)]), `${indent}# `, `${indent}# `, width);
}

/**
 * A block of lines (a paragraph, or an item with its deeper-indented continuations) re-wrapped
 * when one of them is too wide. An item `  TERM  text` hangs under its text; prose at its indent.
 */
function block(lines: readonly string[], width: number): string[] {
  if (lines.every((l) => visible(l) <= width)) return [...lines];
  const head = lines[0] ?? '';
  const term = /^( +\S+ {2,})\S/.exec(head)?.[1];
  if (term !== undefined)
    return fill(wordsOf([head.slice(term.length), ...lines.slice(1)]), term, ' '.repeat(term.length), width);
  const indent = indentOf(head);
  return fill(wordsOf(lines), indent, indent === '' ? '' : `${indent}  `, width);
}

/**
 * `text` fitted to `width` columns (see the module comment); unchanged when every line fits.
 * @example fitHelp('  $ nines check m.yaml   # exits 1: a long reason', 30) // '  # exits 1: a long reason\n  $ nines check m.yaml'
 */
export function fitHelp(text: string, width: number): string {
  if (width < MIN_WIDTH_TO_WRAP) return text;
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i] ?? '';
    i += 1;
    if (line.trim() === '') out.push(line);
    else if (line.trimStart().startsWith('$ ')) out.push(...example(line, width));
    else if (line.trimStart().startsWith('# ')) out.push(...commentLines(line, width));
    else {
      // A paragraph runs on while the lines keep its indent (prose) or go deeper (an item's continuation).
      const indent = indentOf(line).length;
      const group = [line];
      while (i < lines.length) {
        const next = lines[i] ?? '';
        const deeper = indent === 0 ? indentOf(next).length === 0 : indentOf(next).length > indent;
        if (next.trim() === '' || isShell(next) || !deeper) break;
        group.push(next);
        i += 1;
      }
      out.push(...block(group, width));
    }
  }
  return out.join('\n');
}

/**
 * The after-text of a command's help, rendered at the help's width: the terminal's columns
 * (commander's getOutHelpWidth), else 80.
 * @example command.addHelpText('after', helpText(`\nExamples:\n  $ nines budget 99.9%`))
 */
export function helpText(text: string): (context: { command: Command }) => string {
  return ({ command }) => fitHelp(text, command.configureOutput().getOutHelpWidth?.() ?? DEFAULT_HELP_WIDTH);
}
