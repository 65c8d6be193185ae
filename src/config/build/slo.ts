import type { Slo } from '../../model/types.js';
import { DEFAULT_SLO_WINDOW, parseSloWindow } from '../../units/slo-window.js';
import { isRaw, str, type Reader } from './reader.js';

/** `slo`: objective (exact complement kept), window (default 30 d), request rate, SLI queries, labels. */
export function readSlo(reader: Reader, raw: unknown): Slo | undefined {
  if (!isRaw(raw)) return undefined;
  const objective = raw['objective'] === undefined ? undefined : reader.fraction(raw['objective'], ['slo', 'objective'], true);
  if (objective !== undefined && !(objective.complement > 0)) {
    reader.report('out-of-range', ['slo', 'objective'], 'an objective of 100% leaves no error budget: nothing can be allocated or alerted on (try 99.99%)');
  }
  let window = DEFAULT_SLO_WINDOW;
  if (raw['window'] !== undefined) {
    const parsed = parseSloWindow(raw['window']);
    if (parsed.ok) window = parsed.value;
    else reader.report('invalid-value', ['slo', 'window'], parsed.message);
  }
  const rps = raw['requestsPerSecond'];
  const sli = isRaw(raw['sli']) ? raw['sli'] : undefined;
  const errorQuery = str(sli?.['errorQuery']);
  const totalQuery = str(sli?.['totalQuery']);
  const labels = isRaw(raw['labels'])
    ? Object.fromEntries(Object.entries(raw['labels']).filter((e): e is [string, string] => typeof e[1] === 'string'))
    : {};
  const at = (key: string): { line: number; col: number } => {
    const { line, col } = reader.locate(['slo', key], 'value');
    return { line, col };
  };
  return {
    objective: objective === undefined ? undefined : { value: objective.value, complement: objective.complement, position: at('objective') },
    window,
    windowPosition: raw['window'] === undefined ? undefined : at('window'),
    requestsPerSecond: typeof rps === 'number' && rps > 0 ? rps : undefined,
    sli: errorQuery !== undefined && totalQuery !== undefined ? { errorQuery, totalQuery } : undefined,
    labels,
  };
}
