/**
 * A small pool of worker threads running chunks (DESIGN §2: the worker plumbing lives in
 * simulate). A batch is split into contiguous slices, one per worker; the results come back in
 * chunk order.
 */
import { Worker } from 'node:worker_threads';
import type { ChunkResult, Phase, RunSetup } from './chunks.js';

type Pending = { resolve: (r: ChunkResult[]) => void; reject: (e: unknown) => void };

/** Worker threads sharing one run setup. */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(url: URL, size: number, setup: RunSetup) {
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

  /** Runs chunks of a phase across the workers; results in the order of `chunks`. */
  async run(phase: Phase, chunks: readonly number[]): Promise<ChunkResult[]> {
    const n = this.workers.length;
    const per = Math.ceil(chunks.length / n);
    const parts = await Promise.all(
      this.workers.map((w, i) => {
        const slice = chunks.slice(i * per, (i + 1) * per);
        if (slice.length === 0) return Promise.resolve([] as ChunkResult[]);
        const id = this.nextId++;
        return new Promise<ChunkResult[]>((resolve, reject) => {
          this.pending.set(id, { resolve, reject });
          w.postMessage({ type: 'run', id, phase, chunks: slice });
        });
      }),
    );
    return parts.flat();
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
