import type { Slo } from '../../model/types.js';
import { DEFAULT_SLO_WINDOW, parseSloWindow } from '../../units/slo-window.js';
import { isRaw, str, type Reader } from './reader.js';

/** Prometheus label names: [a-zA-Z_][a-zA-Z0-9_]* (the Prometheus data model). */
const PROMETHEUS_LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** `slo`: objective (exact complement kept), window (default 30 d), request rate, SLI queries, labels. */
export function readSlo(reader: Reader, raw: unknown): Slo | undefined {
  if (!isRaw(raw)) return undefined;
  const objective =
    raw['objective'] === undefined ? undefined : reader.fraction(raw['objective'], ['slo', 'objective'], true);
  if (objective !== undefined && !(objective.complement > 0)) {
    reader.report(
      'out-of-range',
      ['slo', 'objective'],
      'an objective of 100% leaves no error budget: nothing can be allocated or alerted on (try 99.99%)',
    );
  }
  let window = DEFAULT_SLO_WINDOW;
  if (raw['window'] !== undefined) {
    const parsed = parseSloWindow(raw['window']);
    if (parsed.ok) window = parsed.value;
    else reader.report('invalid-value', ['slo', 'window'], parsed.message);
  }
  const rps = raw['requestsPerSecond'];
  const sli = isRaw(raw['sli']) ? raw['sli'] : undefined;
  const query = (key: 'errorQuery' | 'totalQuery'): string | undefined => {
    const text = str(sli?.[key]);
    if (text === undefined || text.includes('{{.window}}')) return text;
    reader.report(
      'invalid-value',
      ['slo', 'sli', key],
      `expected PromQL with {{.window}} where the rate window goes, e.g. 'sum(rate(http_requests_total[{{.window}}]))', got '${text}'`,
    );
    return undefined;
  };
  const errorQuery = query('errorQuery');
  const totalQuery = query('totalQuery');
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(isRaw(raw['labels']) ? raw['labels'] : {})) {
    if (!PROMETHEUS_LABEL.test(key))
      reader.report(
        'invalid-name',
        ['slo', 'labels', key],
        `'${key}' is not a Prometheus label name: letters, digits and '_', not starting with a digit (e.g. 'team' or 'cost_centre')`,
        'key',
      );
    else if (typeof value === 'string') labels[key] = value;
  }
  const at = (key: string): { line: number; col: number } => {
    const { line, col } = reader.locate(['slo', key], 'value');
    return { line, col };
  };
  return {
    objective:
      objective === undefined
        ? undefined
        : { value: objective.value, complement: objective.complement, position: at('objective') },
    window,
    windowPosition: raw['window'] === undefined ? undefined : at('window'),
    requestsPerSecond: typeof rps === 'number' && rps > 0 ? rps : undefined,
    sli: errorQuery !== undefined && totalQuery !== undefined ? { errorQuery, totalQuery } : undefined,
    labels,
  };
}
