import { appendFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { NinesError, ninesError } from '../errors.js';

/**
 * Writes (whole: through a temporary file renamed into place, so a failed run leaves nothing
 * half-written) or appends a result file, relative to cwd; a failure is a coded error.
 */
export async function writeResultFile(cwd: string, path: string, text: string, mode: 'write' | 'append' = 'write'): Promise<void> {
  const target = resolve(cwd, path);
  const temporary = join(dirname(target), `.${Date.now().toString(36)}-${process.pid}.nines.tmp`);
  try {
    if (mode === 'append') {
      await appendFile(target, text);
      return;
    }
    await writeFile(temporary, text);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    if (error instanceof NinesError) throw error;
    const code = (error as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : error instanceof Error ? error.message : String(error);
    throw ninesError('file-unwritable', path, reason);
  }
}
