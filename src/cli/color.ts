import type { Proc } from './proc.js';

/**
 * Whether to colour: `--color` / `--no-color` win; then NO_COLOR (any non-empty value) turns
 * it off and FORCE_COLOR turns it on (FORCE_COLOR=0 off); else colour only on a terminal.
 * (no-color.org; the FORCE_COLOR convention of chalk/supports-color.)
 */
export function useColor(flag: boolean | undefined, proc: Pick<Proc, 'env' | 'stdout'>): boolean {
  if (flag !== undefined) return flag;
  const noColor = proc.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  const force = proc.env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return proc.stdout.isTTY === true;
}
