// A seeded fuzz campaign over the example models and fixtures: each case runs in a worker
// process (the built bundle), is stopped after `timeoutMs`, and is classified by its invariants.
import { readdirSync, readFileSync } from 'node:fs';
import { fork } from 'node:child_process';
import { parse } from 'yaml';
import { classify } from './invariants.mjs';
import { knownOpen } from './known.mjs';
import { fuzzCase } from './mutate.mjs';

const root = new URL('../../', import.meta.url);

/** The seed models: every example model and valid fixture model. */
export function sources() {
  const dirs = ['models/', 'fixtures/models/'];
  return dirs.flatMap((d) =>
    readdirSync(new URL(d, root))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => ({ name: `${d}${f}`, tree: parse(readFileSync(new URL(`${d}${f}`, root), 'utf8')) })),
  );
}

const safeParse = (text) => {
  try {
    return parse(text);
  } catch {
    return undefined;
  }
};

/** Sends one case to a worker; resolves with its run, `{ hang }` after the timeout, or `{ crashed }`. */
function once(worker, c, i, timeoutMs) {
  return new Promise((resolve) => {
    let fatal = '';
    const timer = setTimeout(() => resolve({ hang: true }), timeoutMs);
    const done = (r) => {
      clearTimeout(timer);
      worker.removeAllListeners('message');
      worker.removeAllListeners('exit');
      worker.stderr.removeAllListeners('data');
      resolve(r);
    };
    worker.stderr.on('data', (d) => (fatal += d));
    worker.on('message', (m) => done(m));
    worker.on('exit', (code, signal) =>
      done({ crashed: `worker exited (${signal ?? code}): ${fatal.slice(0, 1500)}` }),
    );
    worker.send({ id: i, args: c.args, stdin: c.stdin });
  });
}

/**
 * Runs cases [from, from + runs) of the campaign `seed` on `workers` threads.
 * Returns counts by class (ok, hang, internal, json, schema, non-finite, no-position,
 * invariant, unknown-exit) and the failing cases with their reproducers.
 */
export async function campaign({ seed = 1, runs = 100, from = 0, workers = 2, timeoutMs = 10_000, onCase } = {}) {
  const models = sources();
  const counts = {};
  const failures = [];
  const durations = [];
  let next = from;
  const end = from + runs;
  const spawn = () =>
    fork(new URL('./worker.mjs', import.meta.url), [], {
      execArgv: ['--max-old-space-size=768'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
  const lane = async () => {
    let worker = spawn();
    try {
      while (next < end) {
        const i = next++;
        const c = fuzzCase(seed, i, models, safeParse);
        const started = performance.now();
        let run = await once(worker, c, i, timeoutMs);
        if (run.hang || run.crashed) {
          // Start afresh, and run a timed-out case once more alone in the new worker: a worker
          // busy with a neighbour's leftovers, or a machine loaded by others, is not this case's hang.
          worker.kill('SIGKILL');
          worker = spawn();
          // (A case another open issue owns is not confirmed: it would only cost another timeout.)
          if (run.hang && knownOpen({ kind: 'hang', detail: '', stdin: c.stdin }) === undefined) {
            run = await once(worker, c, i, timeoutMs);
            if (run.hang || run.crashed) {
              worker.kill('SIGKILL');
              worker = spawn();
            }
          }
        }
        const seconds = (performance.now() - started) / 1000;
        durations.push(seconds);
        const raw = run.hang
          ? { kind: 'hang', detail: `over ${timeoutMs / 1000} s, twice` }
          : run.crashed
            ? { kind: 'internal', detail: run.crashed }
            : classify(run, c.hostile);
        const owner = raw.kind === 'ok' ? undefined : knownOpen({ ...raw, stdin: c.stdin });
        const verdict =
          owner === undefined ? raw : { ...raw, kind: 'known', owner, detail: `${raw.kind}: ${raw.detail}` };
        counts[verdict.kind] = (counts[verdict.kind] ?? 0) + 1;
        if (verdict.kind !== 'ok')
          failures.push({ case: i, seconds, ...verdict, what: c.what, args: c.args, stdin: c.stdin });
        onCase?.(i, verdict, seconds);
      }
    } finally {
      worker.kill('SIGKILL');
    }
  };
  await Promise.all(Array.from({ length: workers }, lane));
  durations.sort((a, b) => a - b);
  const slow = durations.filter((d) => d > 2).length;
  return { seed, runs, counts, failures, slowest: durations.at(-1) ?? 0, over2s: slow };
}
