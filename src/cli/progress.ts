import type { Stream } from './proc.js';

/** What the simulator reports while it runs. */
export type ProgressEvent = { readonly fraction: number; readonly etaSeconds: number; readonly elapsedSeconds: number };

const WIDTH = 30;

/**
 * A progress bar with ETA on stderr, drawn only on a terminal and only once a run has lasted a
 * second (a short run shows nothing); `done()` clears it so the report starts on a clean line.
 */
export function progressBar(
  stream: Stream,
  enabled: boolean,
): { update: (p: ProgressEvent) => void; done: () => void } {
  let drawn = false;
  return {
    update: (p) => {
      if (!enabled || stream.isTTY !== true || p.elapsedSeconds < 1) return;
      const filled = Math.round(Math.min(1, Math.max(0, p.fraction)) * WIDTH);
      const eta = Number.isFinite(p.etaSeconds) ? `ETA ${Math.ceil(p.etaSeconds)} s` : '';
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${(p.fraction * 100).toFixed(0).padStart(3)}% ${eta}   `,
      );
      drawn = true;
    },
    done: () => {
      if (drawn) stream.write(`\r${' '.repeat(WIDTH + 20)}\r`);
    },
  };
}
