import type { Problem, ProblemCode } from './problem.js';

/** Model files larger than this are refused before parsing (a real model is a few kB). */
export const MAX_MODEL_BYTES = 1024 * 1024;

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: Problem };

/**
 * Bytes → text, refusing what is not a model file: too large, binary (a NUL byte), not UTF-8.
 * A leading byte-order mark is dropped.
 */
export function decodeModelBytes(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_MODEL_BYTES) {
    // Readers stop at the limit + 1 bytes, so only "over the limit" is known, not the size.
    return fail(
      'file-too-large',
      1,
      1,
      'the file is over 1 MiB; a model file may be at most 1 MiB (a real model is a few kB)',
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, col } = positionOfByte(bytes, nul);
    return fail('not-text', line, col, 'this is not a text file (it contains a NUL byte); expected YAML or JSON');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const index = lenient.indexOf('\uFFFD');
    const { line, col } = positionOfChar(lenient, Math.max(0, index));
    return fail('not-text', line, col, 'this file is not valid UTF-8 text; expected YAML or JSON');
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  return { ok: true, text };
}

function fail(code: ProblemCode, line: number, col: number, message: string): Decoded {
  return { ok: false, problem: { code, severity: 'error', path: '', line, col, message } };
}

function positionOfByte(bytes: Uint8Array, index: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: index - start + 1 };
}

/** 1-based line and column of a character offset. */
export function positionOfChar(text: string, index: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: index - start + 1 };
}
