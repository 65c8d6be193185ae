import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkState, Sfc32, Sfc32Words } from '../../src/simulate/random/rng.js';

// The hot kernels inline sfc32's step (six lines, recognised by `b ^ (b >>> 9)`). Every copy in
// src/ is read from its file, compiled as written and run for 10⁴ draws against the reference
// generator Sfc32 (random/rng.ts): a copy changed in any way fails here, and so does a `>>> 9`
// that is not part of a recognisable copy.
const DRAWS = 10_000;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

type Copy = { readonly file: string; readonly line: number; readonly step: (s: Int32Array) => number };

const L1 = /^\s*(?:const |let )?(\w+) = \(\(\((\w+) \+ (\w+)\) \| 0\) \+ (\w+)\) \| 0;$/;
const L4 = /^\s*(\w+) = \((\w+) \+ \(\2 << 3\)\) \| 0;$/;

/** The copy whose `>>> 9` is on line i (0-based): lines i − 2 … i + 3, compiled over state words s. */
function copyAt(file: string, lines: readonly string[], i: number): Copy {
  const block = lines.slice(i - 2, i + 4).map((l) => l.trim());
  const head = L1.exec(block[0] ?? '');
  const mid = L4.exec(block[3] ?? '');
  if (head === null || mid === null) throw new Error(`${file}:${i + 1}: a \`>>> 9\` outside a recognisable sfc32 step`);
  const [, t, a, b, d] = head;
  const c = mid[2];
  const body = block.map((l) => l.replace(/^(const|let) /, '')).join('\n');
  // The copy compiled as written (new Function over its own text, on purpose).
  const step = new Function(
    's',
    `let ${a} = s[0], ${b} = s[1], ${c} = s[2], ${d} = s[3], ${t} = 0;\n${body}\ns[0] = ${a}; s[1] = ${b}; s[2] = ${c}; s[3] = ${d};\nreturn ${t} >>> 0;`,
  ) as (s: Int32Array) => number;
  return { file, line: i + 1, step };
}

const copies: Copy[] = [];
for (const file of sources('src')) {
  if (file.endsWith(join('random', 'rng.ts'))) continue; // the reference and Sfc32Words, called below
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((l, i) => {
    if (l.includes('>>> 9')) copies.push(copyAt(file, lines, i));
  });
}

describe('every inlined sfc32 step is the reference generator', () => {
  it('finds the copies of the hot kernels (snapshot, importance, cut sets, both timeline kernels)', () => {
    const files = new Set(copies.map((c) => c.file.split(/[\\/]/).pop()));
    for (const f of [
      'snapshot-kernel.ts',
      'importance-kernel.ts',
      'cut-set-sampling.ts',
      'timeline-exp-kernel.ts',
      'timeline-kernel.ts',
    ])
      expect(files.has(f), f).toBe(true);
  });

  it.each(copies.map((c) => [`${c.file}:${c.line}`, c] as const))('%s draws what Sfc32 draws', (_, copy) => {
    for (const seed of [1, 2 ** 40 + 7]) {
      const state = chunkState(seed, 3, 5);
      const ref = new Sfc32(state);
      const words = Int32Array.from(state);
      for (let i = 0; i < DRAWS; i++) {
        const want = ref.next();
        const got = copy.step(words);
        if (got !== want) expect(got, `draw ${i}`).toBe(want);
      }
    }
  });

  it('Sfc32Words (the state-array generator the kernels share with their copies) draws what Sfc32 draws', () => {
    const state = chunkState(9, 1, 2);
    const ref = new Sfc32(state);
    const words = new Sfc32Words(state);
    for (let i = 0; i < DRAWS; i++) {
      const k = i % 3;
      const [want, got] =
        k === 0
          ? [ref.next(), words.next()]
          : k === 1
            ? [ref.uniform(), words.uniform()]
            : [ref.uniform53(), words.uniform53()];
      if (got !== want) expect(got, `draw ${i}`).toBe(want);
    }
    expect(Array.from(words.words, (w) => w >>> 0)).toEqual(Array.from(ref.state()));
  });
});
