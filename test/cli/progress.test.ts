import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress.js';

function stream(isTTY: boolean): { write: (s: string) => void; isTTY: boolean; text: () => string } {
  let text = '';
  return { write: (s: string) => void (text += s), isTTY, text: () => text };
}

describe('progressBar', () => {
  it('draws on a terminal once a run has lasted a second, with ETA, and clears itself', () => {
    const tty = stream(true);
    const bar = progressBar(tty, true);
    bar.update({ fraction: 0.2, etaSeconds: 4, elapsedSeconds: 0.5 });
    expect(tty.text()).toBe('');
    bar.update({ fraction: 0.5, etaSeconds: 2.2, elapsedSeconds: 2 });
    expect(tty.text()).toContain('[###############...............]  50% ETA 3 s');
    bar.done();
    expect(tty.text().endsWith('\r')).toBe(true);
  });

  it('stays silent when stderr is not a terminal, or with --quiet', () => {
    const pipe = stream(false);
    const quiet = stream(true);
    for (const [s, enabled] of [
      [pipe, true],
      [quiet, false],
    ] as const) {
      const bar = progressBar(s, enabled);
      bar.update({ fraction: 0.5, etaSeconds: 1, elapsedSeconds: 5 });
      bar.done();
      expect(s.text()).toBe('');
    }
  });
});
