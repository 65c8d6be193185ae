import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

// Every command in an example model's header comment is a promise: it runs, and exits as the
// header says. A command exits 0 unless its line says "exit(s) N" or it sits under a heading
// that says "each exits N". Simulations are left to their own tests (they take seconds); a
// redirection or pipe after the command is not run.
type Promise = { readonly file: string; readonly args: string[]; readonly code: number };

function promises(file: string): Promise[] {
  const out: Promise[] = [];
  let sectionCode = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('#')) break;
    const heading = /^# \S.*each exits (\d)/.exec(line);
    if (heading) sectionCode = Number(heading[1]);
    else if (/^# \S/.test(line)) sectionCode = 0;
    const cmd = /^#\s+nines\s+(.*)$/.exec(line);
    if (!cmd?.[1]) continue;
    const [line0, comment] = cmd[1].split(/\s+#\s+/);
    // A shell redirection or pipe is the reader's business: run the nines part.
    const command = (line0 ?? '').split(/\s+[>|]\s+/)[0];
    const own = /exits? (\d)/.exec(comment ?? '');
    const args = (command ?? '').match(/'[^']*'|\S+/g)?.map((a) => a.replace(/^'(.*)'$/, '$1')) ?? [];
    if (args[0] === 'simulate') continue;
    out.push({ file, args, code: own ? Number(own[1]) : sectionCode });
  }
  return out;
}

const all = readdirSync('models')
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => promises(`models/${f}`));

describe('model header commands', () => {
  it('finds the promises', () => {
    expect(all.length).toBeGreaterThan(10);
  });
  it.each(all.map((p) => [`${p.args.join(' ')} → exit ${p.code}`, p] as const))('%s', async (_name, p) => {
    const r = await runCli(p.args);
    expect(r.code, r.stderr).toBe(p.code);
  });
});
