/**
 * The pseudo-random generator of the simulator: sfc32 (Chris Doty-Humphrey's Small Fast
 * Counting generator, PractRand), 32-bit integer operations only, period ≥ 2^32 per stream.
 *
 * Streams are seeded from (seed, stream, chunk) through the splitmix32 / murmur3 finaliser, so
 * every chunk of work has its own generator whatever worker computes it (DESIGN §3 rule 6).
 * The hot kernels inline the four-line step and keep the four words in locals through their
 * loops (a call per draw, or a split of the loop, would pass them through memory): that is why
 * each is one function, exempt from the 80-line limit (issue 12). {@link Sfc32} is the same
 * generator as an object and {@link Sfc32Words} the same over a state array a kernel shares
 * with its inlined copy; test/simulate/sfc32-copies.test.ts holds every copy to {@link Sfc32}.
 */

/**
 * The layout of the kernels' random streams: which draws a seed's streams feed. Bumped whenever a
 * kernel draws differently for the same seed (2: the grouped timeline clocks), so shard parts
 * written by builds with different layouts are refused by `nines merge` instead of mixed.
 */
export const STREAM_LAYOUT = 2;

/** The generator's name as recorded in results. */
export const GENERATOR = 'sfc32';

/** 2^−32: scales a uint32 to [0, 1). */
export const TWO_POW_M32 = 1 / 4294967296;

/** The murmur3 32-bit finaliser over x + golden ratio (splitmix32): a bijective mix. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * The four sfc32 state words for (seed, stream, chunk), after 15 discarded outputs.
 * seed is an integer in [0, 2^53); stream and chunk are integers in [0, 2^32).
 * @example chunkState(1, 0, 0).length // 4
 */
export function chunkState(seed: number, stream: number, chunk: number): Uint32Array {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  let h = mix32(lo);
  h = mix32(h ^ hi);
  h = mix32(h ^ (stream >>> 0));
  h = mix32(h ^ (chunk >>> 0));
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    h = mix32(h + i);
    s[i] = h;
  }
  s[3] = 1; // sfc32's counter word; any start value is fine, 1 keeps the convention
  const g = new Sfc32(s);
  for (let i = 0; i < 15; i++) g.next();
  return g.state();
}

/** What the samplers take: a generator of uint32 draws and of uniforms in the open interval (0, 1). */
export interface Rng {
  /** The next uint32. */
  next(): number;
  /** (u + 0.5)·2^−32 from one draw: never 0 nor 1, so log(U) is finite. */
  uniform(): number;
  /** A uniform with 53 random bits (two draws), for tails finer than 2^−32. */
  uniform53(): number;
}

/** (hi >>> 5, lo >>> 6) of two draws as a uniform in (0, 1) with 53 bits. */
function uniform53Of(hi: number, lo: number): number {
  return ((hi >>> 5) * 67108864 + (lo >>> 6) + 0.5) / 9007199254740992;
}

/** sfc32 as an object: `next()` is a uint32, `uniform()` is in the open interval (0, 1). */
export class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(state: ArrayLike<number>) {
    this.a = (state[0] ?? 0) | 0;
    this.b = (state[1] ?? 0) | 0;
    this.c = (state[2] ?? 0) | 0;
    this.d = (state[3] ?? 1) | 0;
  }

  /** The next uint32. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform draw in (0, 1): (u + 0.5)·2^−32, never 0 nor 1, so log(U) is finite. */
  uniform(): number {
    return (this.next() + 0.5) * TWO_POW_M32;
  }

  /** A uniform draw in (0, 1) with 53 random bits, for tails finer than 2^−32. */
  uniform53(): number {
    const hi = this.next(); // 27 bits of it
    return uniform53Of(hi, this.next()); // and 26 of this one
  }

  /** The current state words (a, b, c, d). */
  state(): Uint32Array {
    return Uint32Array.of(this.a, this.b, this.c, this.d);
  }
}

/**
 * sfc32 over a state array `words` = [a, b, c, d]: a kernel that keeps the words in locals for
 * its inlined step stores them here before a rare call that needs a generator, and reads them back.
 */
export class Sfc32Words implements Rng {
  readonly words: Int32Array;

  constructor(state: ArrayLike<number>) {
    this.words = Int32Array.from(state);
  }

  next(): number {
    const s = this.words;
    const a = s[0] ?? 0;
    const b = s[1] ?? 0;
    const c = s[2] ?? 0;
    const d = s[3] ?? 0;
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  uniform(): number {
    return (this.next() + 0.5) * TWO_POW_M32;
  }

  uniform53(): number {
    const hi = this.next();
    return uniform53Of(hi, this.next());
  }
}

/** A generator for (seed, stream, chunk). @example rngFor(1, 0, 0).uniform() // in (0, 1) */
export function rngFor(seed: number, stream: number, chunk: number): Sfc32 {
  return new Sfc32(chunkState(seed, stream, chunk));
}
