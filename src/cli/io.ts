import { readFile } from 'node:fs/promises';
import { MAX_MODEL_BYTES } from '../config/decode.js';
import { ninesError } from '../errors.js';
import type { Proc } from './proc.js';

/** Reads a model file, or standard input for '-'. Larger inputs stop early at the size limit + 1. */
export async function readModelInput(proc: Proc, file: string): Promise<Uint8Array> {
  if (file === '-') {
    if (proc.stdin.isTTY) throw ninesError('stdin-terminal');
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of proc.stdin) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      chunks.push(bytes);
      size += bytes.length;
      if (size > MAX_MODEL_BYTES) break;
    }
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(file);
  } catch (error) {
    throw ninesError('file-unreadable', file, reason(error));
  }
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory; name a model file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

