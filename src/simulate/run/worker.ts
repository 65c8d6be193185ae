/**
 * Worker-thread entry (bundled to dist/simulate-worker.js): receives the run setup once, then
 * batches of chunks, and posts their results back in the order asked.
 */
import { parentPort } from 'node:worker_threads';
import { ChunkRunner, type Phase, type RunSetup } from './chunks.js';

export type WorkerRequest =
  | { readonly type: 'setup'; readonly setup: RunSetup }
  | { readonly type: 'run'; readonly id: number; readonly phase: Phase; readonly chunks: readonly number[] };

let runner: ChunkRunner | undefined;
parentPort?.on('message', (msg: WorkerRequest) => {
  if (msg.type === 'setup') {
    runner = new ChunkRunner(msg.setup);
    return;
  }
  if (runner === undefined) throw new Error('simulate worker: run before setup');
  const r = runner;
  const results = msg.chunks.map((c) => r.run(msg.phase, c));
  parentPort?.postMessage({ id: msg.id, results });
});
