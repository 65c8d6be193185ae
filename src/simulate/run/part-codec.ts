/**
 * Exact JSON encoding of chunk results for the parts of a sharded run. Numbers that JSON holds
 * exactly (finite, not −0) stay numbers; typed arrays become base64 of their bytes
 * (little-endian, as every platform Node runs on stores them); Infinity, NaN and −0 are
 * spelled out. Decoding gives back the same values bit for bit, so a merge folds exactly the
 * numbers the single-machine run folds. The encoding is generic over the result's fields, so a
 * kernel that adds a field to its chunk result needs no change here.
 */

type Encoded = number | string | boolean | null | { readonly [key: string]: Encoded } | readonly Encoded[];

const TYPED = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

function typedName(value: unknown): TypedName | undefined {
  for (const name of Object.keys(TYPED) as TypedName[]) if (value instanceof TYPED[name]) return name;
  return undefined;
}

/** Encodes a chunk result (numbers, typed arrays, arrays and plain objects of them). */
export function encodeResult(value: unknown): Encoded {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && !Object.is(value, -0)) return value;
    return { $number: Object.is(value, -0) ? '-0' : String(value) };
  }
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  const name = typedName(value);
  if (name !== undefined) {
    const a = value as Typed;
    return { $typed: name, base64: Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64') };
  }
  if (Array.isArray(value)) return value.map(encodeResult);
  if (typeof value === 'object' && value !== undefined) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeResult(v)]));
  }
  throw new Error(`part codec: cannot encode a ${typeof value}`);
}

const SPECIAL: Readonly<Record<string, number>> = { Infinity: Infinity, '-Infinity': -Infinity, NaN: NaN, '-0': -0 };

/** Decodes what {@link encodeResult} wrote; throws on anything else (a damaged part). */
export function decodeResult(value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' || value === null)
    return value;
  if (Array.isArray(value)) return value.map(decodeResult);
  if (typeof value !== 'object' || value === undefined) throw new Error('part codec: not an encoded value');
  const o = value as Record<string, unknown>;
  if (typeof o.$number === 'string') {
    const n = SPECIAL[o.$number];
    if (n === undefined) throw new Error(`part codec: unknown number '${o.$number}'`);
    return n;
  }
  if (typeof o.$typed === 'string' && typeof o.base64 === 'string') {
    const ctor = TYPED[o.$typed as TypedName] as (typeof TYPED)[TypedName] | undefined;
    if (ctor === undefined) throw new Error(`part codec: unknown array type '${o.$typed}'`);
    const bytes = Buffer.from(o.base64, 'base64');
    if (bytes.byteLength % ctor.BYTES_PER_ELEMENT !== 0) throw new Error('part codec: truncated array');
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    return new ctor(copy.buffer);
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, decodeResult(v)]));
}
