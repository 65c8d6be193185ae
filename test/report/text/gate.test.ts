import { describe, expect, it } from 'vitest';
import type { GateRecord } from '../../../src/gate/index.js';
import { githubAnnotations } from '../../../src/report/text/gate.js';

const record = (over: Partial<GateRecord>): GateRecord => ({
  id: 'rpo[region]',
  metric: 'rpo',
  operator: '<=',
  threshold: 60,
  actual: 120,
  level: 'error',
  status: 'fail',
  method: 'analytic',
  source: { file: 'models/a,b:c.yaml', line: 3, col: 5 },
  message: 'rpo 2 min ≤ 1 min: missed',
  ...over,
});

describe('githubAnnotations', () => {
  it('escapes workflow-command properties (%, :, ,) and data (%, CR, LF)', () => {
    const text = githubAnnotations([record({ message: '100% sure\nsecond line' })]);
    expect(text).toBe(
      '::error file=models/a%2Cb%3Ac.yaml,line=3,col=5,title=nines check%3A rpo[region]::100%25 sure%0Asecond line\n',
    );
  });

  it('warnings as ::warning, flags without a file, passes omitted', () => {
    const text = githubAnnotations([
      record({ status: 'pass' }),
      record({ status: 'warn', level: 'warn', source: { flag: 'rto<=1h@warn' }, id: 'rto' }),
      record({ status: 'inconclusive' }),
    ]);
    expect(
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(0, 30)),
    ).toEqual(['::warning title=nines check%3A', '::error file=models/a%2Cb%3Ac.']);
  });
});
