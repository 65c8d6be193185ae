import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModel, loadModelText } from '../../src/config/load.js';
import { PROBLEM_CODES, RESERVED_PROBLEM_CODES, type ProblemCode } from '../../src/config/problem-codes.js';

type FixtureCase = { readonly file: string; readonly code: ProblemCode };
const { cases: fixtures } = JSON.parse(readFileSync('fixtures/invalid/cases.json', 'utf8')) as {
  cases: FixtureCase[];
};

const TIER = '  - name: web\n    nodes: 3\n    failure: { availability: 99% }\n';

/** Models raising a code no fixture in fixtures/invalid raises (the fixtures are run by invalid-fixtures.test). */
const CASES: readonly { readonly code: ProblemCode; readonly why: string; readonly yaml: string }[] = [
  { code: 'invalid-key', why: 'a mapping as a key', yaml: `name: x\n? [a, b]\n: 1\ntiers:\n${TIER}` },
  { code: 'wrong-type', why: 'a number for a description', yaml: `name: x\ndescription: 5\ntiers:\n${TIER}` },
  {
    code: 'capacity-short',
    why: 'demand needs 4 nodes of 10, the tier has 3',
    yaml: `name: x\ntiers:\n${TIER}    capacity: { perNode: 10, demand: 40 }\n`,
  },
  {
    code: 'suspicious-value',
    why: 'MTTR longer than MTBF',
    yaml: 'name: x\ntiers:\n  - name: web\n    nodes: 3\n    failure: { mtbf: 1 h, mttr: 2 h }\n',
  },
  {
    code: 'unused-tier',
    why: 'a tier outside the service expression',
    yaml: `name: x\ntiers:\n${TIER}  - name: db\n    nodes: 3\n    failure: { availability: 99% }\nservice: web\n`,
  },
  {
    code: 'missing-data',
    why: 'an rpo target without data',
    yaml: `name: x\ntiers:\n${TIER}targets:\n  rpo: 1 h\n`,
  },
  {
    code: 'standby-without-data',
    why: 'the standby region holds no copy',
    yaml: [
      'name: x',
      'regions: [{ name: east }, { name: west }]',
      'zones: [{ name: e1, region: east }, { name: w1, region: west }]',
      'tiers:',
      '  - { name: db, nodes: { e1: 2 }, failure: { availability: 99% } }',
      '  - { name: dr, nodes: { w1: 2 }, failure: { availability: 99% } }',
      'service: { failover: { primary: db, standby: dr } }',
      'data: { tier: db, size: 1 TB }',
      '',
    ].join('\n'),
  },
];

describe('problem codes', () => {
  it('every code in the table is raised by a fixture or a case here, or is listed as reserved', () => {
    const raised = new Set<string>([...fixtures.map((c) => c.code), ...CASES.map((c) => c.code), 'file-too-large']);
    const unraised = Object.keys(PROBLEM_CODES).filter(
      (code) => !raised.has(code) && !RESERVED_PROBLEM_CODES.includes(code as ProblemCode),
    );
    expect(unraised).toEqual([]);
    // Nothing raised is missing from the table (the union type holds the code; this holds the fixtures).
    expect([...raised].filter((code) => !(code in PROBLEM_CODES))).toEqual([]);
  });

  it("the README's table of problem codes is the table, row for row", () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### Problem codes'), readme.indexOf('### Conventions'));
    const rows = section
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => {
        const [code = '', ...rest] = line.slice(2, -2).split(' | ');
        return [code.replaceAll('`', ''), ...rest];
      });
    const expected = Object.entries(PROBLEM_CODES).map(([code, e]) => [code, e.summary, e.expected, e.fix]);
    expect(rows).toEqual(expected);
  });

  it('every entry says what it means, what is expected and how to fix it', () => {
    for (const entry of Object.values(PROBLEM_CODES)) {
      expect(entry.summary.length).toBeGreaterThan(10);
      expect(entry.expected.length).toBeGreaterThan(5);
      expect(entry.fix.length).toBeGreaterThan(5);
    }
  });

  it.each(CASES)('$code: $why', ({ code, yaml }) => {
    const result = loadModelText(yaml);
    const problems = result.ok ? result.warnings : result.problems;
    expect(problems.map((p) => p.code)).toContain(code);
  });

  it('file-too-large: over 1 MiB is refused before decoding', () => {
    const result = loadModel(new Uint8Array(1024 * 1024 + 1).fill(0x20));
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['file-too-large']);
  });
});
