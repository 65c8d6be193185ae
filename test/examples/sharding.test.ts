/**
 * The sharding examples in examples/ are promises: this runs their commands as separate
 * processes, one per shard as the batch engine would (an Indexed Job's JOB_COMPLETION_INDEX,
 * a matrix value), then their merge step, and checks that the merged report is the one a
 * single `nines simulate` prints. Only the trial count is lowered, through the examples' own
 * TRIALS variable, and `npx nines` is pointed at this checkout's bin.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments, parse } from 'yaml';

const repo = resolve('.');
const bin = join(repo, 'bin', 'nines.js');
const dir = mkdtempSync(join(tmpdir(), 'nines-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A `nines` on PATH, as the examples' images and runners have it.
const shims = join(dir, 'bin');
mkdirSync(shims);
writeFileSync(join(shims, 'nines'), `#!/bin/sh\nexec node '${bin}' "$@"\n`);
chmodSync(join(shims, 'nines'), 0o755);
const PATH = `${shims}:${process.env.PATH ?? ''}`;
const TRIALS = '400000';
/** The workflow's matrix expression, substituted as GitHub Actions would. */
const MATRIX_SHARD = ['${{', 'matrix.shard', '}}'].join(' ');

const sh = (script: string, env: Record<string, string>, shell = 'sh'): string =>
  execFileSync(shell, ['-c', script], {
    cwd: repo,
    env: { PATH, HOME: process.env.HOME ?? dir, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

const single = (model: string, seed: string): string =>
  execFileSync('node', [bin, 'simulate', model, '--seed', seed, '--trials', TRIALS, '--json'], {
    cwd: repo,
    encoding: 'utf8',
  });

type Container = { env: { name: string; value: string }[]; args: string[] };
type JobSpec = {
  completionMode?: string;
  completions?: number;
  template: { spec: { containers: Container[]; initContainers?: Container[] } };
};

const envOf = (c: Container): Record<string, string> => Object.fromEntries(c.env.map((e) => [e.name, e.value]));

describe('examples/kubernetes/sharded-simulation.yaml', () => {
  it('an Indexed Job of shards and a merge Job give the single-machine report', () => {
    const docs = parseAllDocuments(readFileSync('examples/kubernetes/sharded-simulation.yaml', 'utf8')).map(
      (d) => d.toJS() as { kind: string; spec: JobSpec },
    );
    const shards = docs.find((d) => d.spec.completionMode === 'Indexed');
    const merge = docs.find((d) => d !== shards && d.kind === 'Job');
    expect(shards?.kind).toBe('Job');
    const container = shards?.spec.template.spec.containers[0] as Container;
    const env = envOf(container);
    expect(Number(env.SHARDS)).toBe(shards?.spec.completions);
    const parts = join(dir, 'k8s-parts');
    mkdirSync(parts);
    const model = join(repo, 'models/database-dr.yaml');
    for (let index = 0; index < Number(env.SHARDS); index++) {
      sh(container.args[0] ?? '', { ...env, MODEL: model, PARTS: parts, TRIALS, JOB_COMPLETION_INDEX: String(index) });
    }
    const mergeSpec = merge?.spec.template.spec;
    const wait = mergeSpec?.initContainers?.[0] as Container;
    sh(wait.args[0] ?? '', { ...envOf(wait), PARTS: parts });
    const mergeContainer = mergeSpec?.containers[0] as Container;
    const merged = sh(mergeContainer.args[0] ?? '', { ...envOf(mergeContainer), PARTS: parts });
    expect(merged).toBe(single(model, env.SEED ?? ''));
  }, 60_000);
});

describe('examples/github-actions/sharded-simulation.yml', () => {
  it('a matrix of shards and a merge job give the single-machine report', () => {
    type Step = { run?: string };
    const wf = parse(readFileSync('examples/github-actions/sharded-simulation.yml', 'utf8')) as {
      env: Record<string, string>;
      jobs: {
        shard: { strategy: { matrix: { shard: number[] } }; steps: Step[] };
        merge: { needs: string; steps: Step[] };
      };
    };
    const matrix = wf.jobs.shard.strategy.matrix.shard;
    expect(matrix.length).toBe(Number(wf.env.SHARDS));
    expect(wf.jobs.merge.needs).toBe('shard');
    const work = join(dir, 'gha');
    mkdirSync(work);
    const env = { ...wf.env, PARTS: join(work, 'parts'), TRIALS };
    const nines = (run: string): string => run.replaceAll('npx nines', 'nines');
    const runs = (steps: Step[]): string[] => steps.map((s) => s.run ?? '').filter((r) => r.includes('nines'));
    for (const shard of matrix) {
      for (const run of runs(wf.jobs.shard.steps)) sh(nines(run).replaceAll(MATRIX_SHARD, String(shard)), env, 'bash');
    }
    for (const run of runs(wf.jobs.merge.steps)) sh(`cd '${work}' && ${nines(run)}`, env, 'bash');
    expect(readFileSync(join(work, 'simulation.json'), 'utf8')).toBe(single(wf.env.MODEL ?? '', wf.env.SEED ?? ''));
  }, 60_000);
});

describe('README: Sharding a simulation over a batch engine', () => {
  it('its commands, run as written, merge to what nines simulate prints', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### Sharding a simulation over a batch engine'));
    const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const lines = block
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter(Boolean);
    expect(lines.length).toBe(3);
    const work = join(dir, 'readme');
    mkdirSync(work);
    for (const line of lines)
      sh(`cd '${work}' && ${line.replaceAll('npx nines', `nines`).replaceAll('models/', `${repo}/models/`)}`, {});
    const alone = execFileSync('node', [bin, 'simulate', join(repo, 'models/database-dr.yaml'), '--json'], {
      cwd: work,
      encoding: 'utf8',
    });
    expect(readFileSync(join(work, 'simulation.json'), 'utf8')).toBe(alone);
  }, 60_000);
});
