import { DEFAULT_WIDTH } from '../report/style.js';
import type { Proc, Stream } from './proc.js';

/** Narrower than this, reports are drawn at this width anyway (and overflow). */
const MIN_WIDTH = 40;
/** The help's width on a pipe or a file, commander's. */
const HELP_WIDTH = 80;

/**
 * The width text reports fit: COLUMNS when it is a positive number, else the terminal's width
 * when stdout is one, else 100 (a pipe or a file).
 * @example reportWidth({ ...proc, env: { COLUMNS: '80' } }) // 80
 */
export function reportWidth(proc: Proc): number {
  const columns = Number(proc.env['COLUMNS']);
  if (Number.isFinite(columns) && columns > 0) return Math.max(MIN_WIDTH, Math.floor(columns));
  const tty = proc.stdout.isTTY === true ? proc.stdout.columns : undefined;
  if (tty !== undefined && tty > 0) return Math.max(MIN_WIDTH, tty);
  return DEFAULT_WIDTH;
}

/**
 * Whether tables are drawn in ASCII: TERM=dumb, or the locale (LC_ALL, else LC_CTYPE, else
 * LANG, the POSIX precedence) is set and is not UTF-8 (`C`, `POSIX`, `en_US.ISO-8859-1`).
 * With no locale variable at all the terminal is taken to be UTF-8, as Node writes it.
 * @example asciiTables({ ...proc, env: { LANG: 'C' } }) // true
 */
export function asciiTables(proc: Proc): boolean {
  if (proc.env['TERM'] === 'dumb') return true;
  const env = proc.env;
  const locale = [env['LC_ALL'], env['LC_CTYPE'], env['LANG']].find((v) => v !== undefined && v !== '');
  return locale !== undefined && !/utf-?8/i.test(locale);
}

/**
 * The width `--help` is drawn at: COLUMNS when it is a positive number, else the stream's
 * terminal width, else 80 (commander's default for a pipe or a file).
 * @example helpWidth({ ...proc, env: { COLUMNS: '100' } }, proc.stdout) // 100
 */
export function helpWidth(proc: Proc, stream: Stream): number {
  const columns = Number(proc.env['COLUMNS']);
  if (Number.isFinite(columns) && columns > 0) return Math.floor(columns);
  const tty = stream.isTTY === true ? stream.columns : undefined;
  return tty !== undefined && tty > 0 ? tty : HELP_WIDTH;
}
