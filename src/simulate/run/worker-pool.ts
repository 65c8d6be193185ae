/**
 * A small pool of worker threads running chunks (DESIGN §2: the worker plumbing lives in
 * simulate). A batch is a shared queue: each worker takes a run of chunks at a time (guided
 * self-scheduling: ⌈remaining / (4 · threads)⌉, at least one), and the calling thread, when it
 * is given a local runner, computes one chunk at a time from the same queue and yields to the
 * event loop between them. So a worker that is still starting (≈ 70–100 ms) delays nothing:
 * the calling thread keeps computing, and the worker joins when it is ready. The results come
 * back in chunk order whoever computed them.
 */
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import type { ChunkResult, Phase, RunSetup } from './chunks.js';

type Pending = { resolve: (r: ChunkResult[]) => void; reject: (e: unknown) => void };

/** node:worker_threads, required by the first pool: a command that starts no worker does not load it. */
const threads = (): typeof import('node:worker_threads') => createRequire(import.meta.url)('node:worker_threads');

/** Lets queued worker messages through between two chunks of the calling thread. */
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Worker threads sharing one run setup. */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(url: URL, size: number, setup: RunSetup) {
    const { Worker } = threads();
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(url);
      w.on('message', (msg: { id: number; results: ChunkResult[] }) => {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        p?.resolve(msg.results);
      });
      w.on('error', (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      w.postMessage({ type: 'setup', setup });
      return w;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Runs chunks of a phase across the workers, and on the calling thread too when `local` is
   * given; results in the order of `chunks`.
   */
  async run(phase: Phase, chunks: readonly number[], local?: (chunk: number) => ChunkResult): Promise<ChunkResult[]> {
    const results = new Array<ChunkResult>(chunks.length);
    const threads = this.workers.length + (local === undefined ? 0 : 1);
    let next = 0;
    let failed = false;
    const take = (): number[] => {
      const count = Math.max(1, Math.ceil((chunks.length - next) / (4 * threads)));
      const from = next;
      next = Math.min(chunks.length, next + count);
      return Array.from({ length: next - from }, (_, i) => from + i);
    };
    const onWorker = async (w: Worker): Promise<void> => {
      while (next < chunks.length && !failed) {
        const slots = take();
        const out = await this.request(
          w,
          phase,
          slots.map((i) => chunks[i] as number),
        );
        for (const [k, i] of slots.entries()) results[i] = out[k] as ChunkResult;
      }
    };
    const onMain = async (run: (chunk: number) => ChunkResult): Promise<void> => {
      while (next < chunks.length && !failed) {
        const i = next++;
        results[i] = run(chunks[i] as number);
        await yieldToLoop();
      }
    };
    try {
      await Promise.all([...this.workers.map(onWorker), ...(local === undefined ? [] : [onMain(local)])]);
    } catch (e) {
      failed = true;
      throw e;
    }
    return results;
  }

  private request(w: Worker, phase: Phase, chunks: readonly number[]): Promise<ChunkResult[]> {
    const id = this.nextId++;
    return new Promise<ChunkResult[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ type: 'run', id, phase, chunks });
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
