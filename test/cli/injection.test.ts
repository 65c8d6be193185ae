import { describe, expect, it } from 'vitest';
import { printable } from '../../src/lib/printable.js';
import { runCli } from '../support/run-cli.js';

const HOSTILE = 'x\n::error file=pwned.yaml,line=1::owned\u001b[2J';
/** No line of the output starts a GitHub workflow command or carries a raw ESC, unless nines wrote it. */
const clean = (text: string): void => {
  for (const line of text.split('\n')) expect(line.startsWith('::error file=pwned'), line).toBe(false);
  expect(text).not.toContain('\u001b[2J');
};

// Issue 10, class 6: every echoed value has its control characters escaped.
describe('output injection', () => {
  it('escapes control characters', () => {
    expect(printable('a\n::error::x\r\t\u001b')).toBe('a\\n::error::x\\r\\t\\u001b');
  });

  it('a hostile model name in the file, through --set, --target and --fail', async () => {
    const model = `name: ${JSON.stringify(HOSTILE)}\ntiers: [{ name: web, nodes: 2, failure: { availability: 99% } }]\n`;
    const runs = [
      await runCli(['validate', '-'], { stdin: model }),
      await runCli(['analyze', 'models/minimal.yaml', '--set', `name=${JSON.stringify(HOSTILE)}`]),
      await runCli(['check', 'models/minimal.yaml', '--target', `availability>=${HOSTILE}`]),
      await runCli(['check', 'models/minimal.yaml', '--target', `availability[${HOSTILE}]>=99%`]),
      await runCli(['analyze', 'models/minimal.yaml', '--fail', HOSTILE]),
      await runCli(['simulate', 'models/minimal.yaml', '--mode', HOSTILE]),
      await runCli(['check', 'models/minimal.yaml', '--ci', 'github', '--target', 'availability>=99.9999%'], {
        env: { GITHUB_ACTIONS: 'true' },
      }),
    ];
    for (const run of runs) {
      expect(run.code).toBeGreaterThan(0);
      clean(run.stdout);
      clean(run.stderr);
    }
    expect(runs[0]?.stderr).toContain('x\\n::error file=pwned.yaml');
    // The annotations nines writes itself stay.
    expect(runs[6]?.stderr).toMatch(/^::error /m);
  });
});

describe('GitHub annotations (issue 10)', () => {
  it('annotate the problems of an invalid model at their line, and never name file=<stdin>', async () => {
    const bad = await runCli(['check', 'fixtures/invalid/unknown-unit.yaml'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^::error file=fixtures\/invalid\/unknown-unit\.yaml,line=\d+,col=\d+,title=nines%3A invalid-unit::/m,
    );
    const stdin = await runCli(['check', '-', '--target', 'availability>=99.99%'], {
      stdin: 'name: s\ntiers: [{ name: a, nodes: 1, failure: { availability: 99% } }]\n',
      env: { GITHUB_ACTIONS: 'true' },
    });
    expect(stdin.stderr).toMatch(/^::error title=/m);
    expect(stdin.stderr).not.toContain('file=<stdin>');
  });

  it("a mistyped command gets commander's suggestion on its own line; a hostile one stays on one line", async () => {
    const typo = await runCli(['anlyze', 'models/minimal.yaml']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      "nines: error: unknown command 'anlyze'\n(Did you mean analyze?)\n(add --help for usage)\n",
    );
    const hostile = await runCli([HOSTILE]);
    expect(hostile.code).toBe(2);
    clean(hostile.stderr);
    expect(hostile.stderr.split('\n')[0]).toContain('unknown command');
  });
});
