import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { MAX_MODEL_BYTES } from '../config/decode.js';
import { NinesError, ninesError } from '../errors.js';
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
  // Stat first: a FIFO would block the read and /dev/zero would never end it. Only regular
  // files are read, and of them at most the size limit + 1 bytes (decode reports the excess).
  // Synchronously: one small file, and node:fs/promises (with readline) costs a start-up ~2 ms.
  try {
    const info = statSync(file);
    if (info.isDirectory()) throw ninesError('file-unreadable', file, 'it is a directory; name a model file');
    if (!info.isFile()) {
      const kind = info.isFIFO()
        ? 'a named pipe'
        : info.isCharacterDevice()
          ? 'a character device'
          : info.isSocket()
            ? 'a socket'
            : 'not a regular file';
      throw ninesError(
        'file-unreadable',
        file,
        `it is ${kind}, not a model file; to read a stream, pass '-' and redirect it to standard input`,
      );
    }
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(info.size, MAX_MODEL_BYTES) + 1);
      let size = 0;
      for (;;) {
        const bytesRead = readSync(fd, buffer, size, buffer.length - size, size);
        if (bytesRead === 0) break;
        size += bytesRead;
        if (size >= buffer.length) break;
      }
      return buffer.subarray(0, size);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if (error instanceof NinesError) throw error;
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
