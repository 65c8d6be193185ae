import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LARGE_MODELS } from '../support/large-models.js';
import { reportSchemaErrors } from '../support/report-schema.js';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'nines-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// LARGE_MODELS (a 16,416-node tier) take the simulator minutes: see test/support/large-models.ts.
const models = readdirSync('models')
  .filter((f) => f.endsWith('.yaml') && !LARGE_MODELS.has(f))
  .map((f) => `models/${f}`);
// Small runs keep the suite fast; every phase (snapshot, importance sampling where the model is
// rare, timeline, durability, recovery) still runs, with chunks split over the shards.
const RUN = ['--seed', '11', '--trials', '400000', '--timeline-trials', '3000'];

async function shards(model: string, n: number, tag: string, extra: readonly string[] = []): Promise<string[]> {
  const files: string[] = [];
  for (let i = 1; i <= n; i++) {
    const out = join(dir, `${tag}-${i}-of-${n}.json`);
    const run = await runCli(['simulate', model, ...RUN, ...extra, '--shard', `${i}/${n}`, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    files.push(out);
  }
  return files;
}

describe('nines merge: the merged report is the single-machine report, to the byte', () => {
  it.each(models)(
    '%s for N in 1, 2, 3, 7',
    async (model) => {
      const single = await runCli(['simulate', model, ...RUN, '--json']);
      expect(single.code, single.stderr).toBe(0);
      const tag = model.replace(/\W/g, '_');
      for (const n of [1, 2, 3, 7]) {
        const files = await shards(model, n, tag);
        const merged = await runCli(['merge', ...files.reverse(), '--json']);
        expect(merged.code, merged.stderr).toBe(0);
        expect(merged.stdout).toBe(single.stdout);
      }
      const text = await runCli(['simulate', model, ...RUN]);
      const mergedText = await runCli(['merge', ...(await shards(model, 2, `${tag}-text`))]);
      expect(mergedText.stdout).toBe(text.stdout);
    },
    60_000,
  );

  it('carries --set overrides into the merge', async () => {
    const set = ['--set', 'tiers.db.nodes=5'];
    const single = await runCli(['simulate', 'models/database-dr.yaml', ...RUN, ...set, '--json']);
    const merged = await runCli(['merge', ...(await shards('models/database-dr.yaml', 3, 'set', set)), '--json']);
    expect(merged.stdout).toBe(single.stdout);
    expect(JSON.parse(merged.stdout).overrides.set).toEqual(['tiers.db.nodes=5']);
  });
});

describe('nines merge --format and --report (the simulate formats of the registry)', () => {
  it('prints the text or the document of nines simulate, and writes either to a file', async () => {
    const parts = await shards('models/minimal.yaml', 2, 'formats');
    const single = await runCli(['simulate', 'models/minimal.yaml', ...RUN, '--json']);
    const singleText = await runCli(['simulate', 'models/minimal.yaml', ...RUN, '-q']);
    const json = await runCli(['merge', ...parts, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout).toBe(single.stdout);
    const text = join(dir, 'merged.txt');
    const document = join(dir, 'merged.json');
    const both = await runCli(['merge', ...parts, '-q', '--report', `text=${text}`, '--report', `json=${document}`]);
    expect(both.code, both.stderr).toBe(0);
    expect(both.stdout).toBe(singleText.stdout);
    expect(readFileSync(text, 'utf8')).toBe(singleText.stdout);
    expect(JSON.parse(readFileSync(document, 'utf8'))).toEqual(JSON.parse(single.stdout));
  });

  it('refuses a format it does not have, exit 2, naming text and json', async () => {
    const parts = await shards('models/minimal.yaml', 2, 'bad-format');
    const format = await runCli(['merge', ...parts, '--format', 'junit']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Allowed choices are text, json.');
    const report = await runCli(['merge', ...parts, '--report', 'markdown=m.md', '--json']);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain('FORMAT one of text, json');
    expect(JSON.parse(report.stdout)).toMatchObject({ command: 'merge', error: { code: 'usage' } });
  });
});

describe('parts that do not belong together are refused, exit 2, with the reason', () => {
  it('a missing, a duplicated and a foreign part', async () => {
    const [a, b, c] = await shards('models/inference-3az.yaml', 3, 'refuse');
    const missing = await runCli(['merge', a ?? '', c ?? '']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/shard 2\/3 is missing/);
    const twice = await runCli(['merge', a ?? '', a ?? '', b ?? '', c ?? '', '--json']);
    expect(twice.code).toBe(2);
    const doc = JSON.parse(twice.stdout);
    expect(doc.command).toBe('merge');
    expect(doc.error.message).toMatch(/shard 1\/3 is given more than once/);
    expect(reportSchemaErrors(doc)).toEqual([]);
    const [other] = await shards('models/inference-3az.yaml', 3, 'other-seed', ['--seed', '12']);
    const foreign = await runCli(['merge', a ?? '', other ?? '', c ?? '']);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/belongs to another run .*options differs/);
    const [model] = await shards('models/minimal.yaml', 3, 'other-model');
    const otherModel = await runCli(['merge', a ?? '', model ?? '', c ?? '']);
    expect(otherModel.stderr).toMatch(/model \(SHA-256\) differs/);
  });

  it('a part written by a build whose kernels draw differently (an older random-stream layout)', async () => {
    const [a, b] = await shards('models/minimal.yaml', 2, 'layout');
    const doc = JSON.parse(readFileSync(b ?? '', 'utf8'));
    expect(doc.part.run.streams).toBe(2);
    delete doc.part.run.streams; // as parts written before layout 2 are
    const old = join(dir, 'old-layout.json');
    writeFileSync(old, JSON.stringify(doc));
    const run = await runCli(['merge', a ?? '', old]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/random streams differs \(layout 1 against layout 2\)/);
  });

  it('a damaged part, a file that is not a part, and a missing file', async () => {
    const [a, b] = await shards('models/minimal.yaml', 2, 'damaged');
    const doc = JSON.parse(readFileSync(b ?? '', 'utf8'));
    doc.part.model.sourceBase64 = Buffer.from('name: edited\n').toString('base64');
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, JSON.stringify(doc));
    const run = await runCli(['merge', a ?? '', edited]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/does not match its SHA-256/);
    const notPart = await runCli(['merge', 'package.json']);
    expect(notPart.code).toBe(2);
    expect(notPart.stderr).toMatch(/package\.json: not a nines simulation part/);
    const absent = await runCli(['merge', join(dir, 'nope.json')]);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toMatch(/no such file/);
    expect(absent.stderr).not.toMatch(/at .*\.ts/);
  });

  it('a part with a chunk taken out', async () => {
    const [a, b] = await shards('models/minimal.yaml', 2, 'chunk');
    const doc = JSON.parse(readFileSync(b ?? '', 'utf8'));
    doc.part.phases[0].chunks.pop();
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, JSON.stringify(doc));
    const run = await runCli(['merge', a ?? '', cut]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/snapshot chunks missing from every part: \d+/);
  });
});

describe('nines simulate --shard', () => {
  it('refuses options that cannot be sharded reproducibly, and --shard without --out', async () => {
    for (const extra of [
      ['--rel-error', '0.05'],
      ['--max-time', '3'],
    ]) {
      const run = await runCli([
        'simulate',
        'models/minimal.yaml',
        '--shard',
        '1/2',
        '--out',
        join(dir, 'x.json'),
        ...extra,
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/reproducible.*drop --rel-error and --max-time/);
    }
    expect((await runCli(['simulate', 'models/minimal.yaml', '--shard', '1/2'])).stderr).toMatch(/--out PART\.json/);
    expect((await runCli(['simulate', 'models/minimal.yaml', '--out', 'x.json'])).stderr).toMatch(
      /give --shard I\/N too/,
    );
    for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0']) {
      const run = await runCli(['simulate', 'models/minimal.yaml', '--shard', bad, '--out', 'x.json']);
      expect(run.code, bad).toBe(2);
      expect(run.stderr).toMatch(/expected I\/N with 1 ≤ I ≤ N/);
    }
  });

  it('writes a part and a summary that match the report schema', async () => {
    const out = join(dir, 'schema-part.json');
    const run = await runCli(['simulate', 'models/database-dr.yaml', ...RUN, '--shard', '2/3', '--out', out, '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(reportSchemaErrors(summary)).toEqual([]);
    expect(summary.shard).toMatchObject({ index: 2, count: 3, out });
    // 400,000 snapshot trials = 7 chunks of 65,536: shard 2 of 3 has chunks 1 and 4.
    expect(summary.shard.phases[0]).toEqual({ kind: 'snapshot', total: 400_000, chunkSize: 65_536, chunks: 2 });
    const part = JSON.parse(readFileSync(out, 'utf8'));
    expect(reportSchemaErrors(part)).toEqual([]);
    expect(part.part.phases[0].chunks.map((c: { index: number }) => c.index)).toEqual([1, 4]);
    expect(part.part.run.modelSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
