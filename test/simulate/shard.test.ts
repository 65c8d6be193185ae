import { describe, expect, it } from 'vitest';
import { checkParts, type SimulationPart } from '../../src/simulate/run/merge-parts.js';
import { decodeResult, encodeResult } from '../../src/simulate/run/part-codec.js';
import { chunksOfShard } from '../../src/simulate/run/shard.js';

const part = (
  label: string,
  index: number,
  count: number,
  runKey = 'run',
  runFields: Record<string, string> = { seed: '1' },
): SimulationPart => ({
  label,
  shard: { index, count },
  runKey,
  runFields,
  phases: [],
});

describe('chunk assignment', () => {
  it('gives chunk c to shard (c mod N) + 1: every chunk exactly once, shards balanced within one', () => {
    for (const n of [1, 2, 3, 7, 8]) {
      for (const chunks of [0, 1, 5, 46, 15_259]) {
        const seen = new Array<number>(chunks).fill(0);
        const sizes: number[] = [];
        for (let i = 1; i <= n; i++) {
          const mine = chunksOfShard(chunks, { index: i, count: n });
          sizes.push(mine.length);
          for (const c of mine) {
            expect(c % n).toBe(i - 1);
            seen[c] = (seen[c] ?? 0) + 1;
          }
        }
        expect(seen.every((k) => k === 1)).toBe(true);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
    expect(chunksOfShard(7, { index: 2, count: 3 })).toEqual([1, 4]);
  });
});

describe('part codec', () => {
  it('round-trips typed arrays, Infinity, NaN and −0 bit for bit through JSON', () => {
    const downtime = Float64Array.from([0, 1e-300, 5e-324, 1 / 3, Number.MAX_VALUE, -0]);
    const firstOutage = Float64Array.from([Infinity, 0, 12.5]);
    const value = {
      trials: 3,
      downtime,
      outages: Uint32Array.from([0, 4_294_967_295, 7]),
      firstOutage,
      tierDown: [1, 2],
      sumW: 0.1 + 0.2,
      odd: [Infinity, -Infinity, NaN, -0],
    };
    const back = decodeResult(JSON.parse(JSON.stringify(encodeResult(value)))) as typeof value;
    expect(back.downtime).toBeInstanceOf(Float64Array);
    expect(Buffer.from(back.downtime.buffer).equals(Buffer.from(downtime.buffer))).toBe(true);
    expect(Array.from(back.outages)).toEqual([0, 4_294_967_295, 7]);
    expect(back.firstOutage[0]).toBe(Infinity);
    expect(back.sumW).toBe(0.30000000000000004);
    expect(Object.is(back.odd[3], -0)).toBe(true);
    expect(Number.isNaN(back.odd[2])).toBe(true);
    expect(back.odd.slice(0, 2)).toEqual([Infinity, -Infinity]);
    expect(back.tierDown).toEqual([1, 2]);
  });

  it('refuses what it did not write', () => {
    expect(() => decodeResult({ $typed: 'BigInt64Array', base64: '' })).toThrow(/unknown array type/);
    expect(() => decodeResult({ $typed: 'Float64Array', base64: 'AAAA' })).toThrow(/truncated/);
    expect(() => decodeResult({ $number: 'lots' })).toThrow(/unknown number/);
  });
});

describe('checkParts', () => {
  it('accepts every shard once, in any order', () => {
    expect(checkParts([part('c', 3, 3), part('a', 1, 3), part('b', 2, 3)])).toEqual({ ok: true, count: 3 });
  });

  it('names a missing shard, a duplicated one and a foreign part', () => {
    expect(checkParts([part('a', 1, 3), part('c', 3, 3)])).toEqual({ ok: false, problems: ['shard 2/3 is missing'] });
    expect(checkParts([part('a', 1, 2), part('a2', 1, 2), part('b', 2, 2)])).toEqual({
      ok: false,
      problems: ['shard 1/2 is given more than once: a, a2'],
    });
    const foreign = checkParts([part('a', 1, 2), part('x', 2, 2, 'other', { seed: '7' })]);
    expect(foreign).toEqual({ ok: false, problems: ['x belongs to another run than a: seed differs (7 against 1)'] });
    const count = checkParts([part('a', 1, 2), part('b', 2, 3)]);
    expect(count.ok).toBe(false);
    expect(!count.ok && count.problems[0]).toMatch(/shard count differs \(3 against 2\)/);
    expect(checkParts([])).toEqual({ ok: false, problems: ['no parts given'] });
  });
});
