// fs.promises is loaded when first used (importing node:fs/promises loads it, with readline, at start-up).
import { promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { NinesError, ninesError } from '../errors.js';

/**
 * Writes (whole: through a temporary file renamed into place, so a failed run leaves nothing
 * half-written) or appends a result file, relative to cwd (creating missing directories when
 * asked: check's --report does); a
 * failure is a coded error. Returns what it did beyond the obvious, for a note: replacing an
 * existing file, or replacing a symbolic link (the rename replaces the link, not its target).
 */
export async function writeResultFile(
  cwd: string,
  path: string,
  text: string,
  mode: 'write' | 'append' = 'write',
  createDirectories = false,
): Promise<string> {
  const target = resolve(cwd, path);
  const temporary = join(dirname(target), `.${Date.now().toString(36)}-${process.pid}.nines.tmp`);
  try {
    const existing = await fs.lstat(target).catch(() => undefined);
    if (existing?.isDirectory()) throw ninesError('file-unwritable', path, 'it is a directory');
    const link = existing?.isSymbolicLink() === true ? await fs.readlink(target).catch(() => undefined) : undefined;
    if (createDirectories) await makeParents(dirname(target));
    if (mode === 'append') {
      await fs.appendFile(target, text);
      return link === undefined ? '' : `${path} is a symbolic link to ${link}: appended through it`;
    }
    await fs.writeFile(temporary, text);
    await fs.rename(temporary, target);
    if (existing?.isSymbolicLink() === true)
      return `${path} was a symbolic link${link === undefined ? '' : ` to ${link}`}: replaced the link by the file (its target is untouched)`;
    return existing !== undefined ? `replaced the existing ${path}` : '';
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    if (error instanceof NinesError) throw error;
    const code = (error as { code?: string }).code;
    const reason =
      code === 'ENOENT'
        ? 'no such directory'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a directory'
            : code === 'ENOTDIR'
              ? 'a part of the path is a file, not a directory'
              : error instanceof Error
                ? error.message
                : String(error);
    throw ninesError('file-unwritable', path, reason);
  }
}

/** Creates the missing directories above a path, one level at a time, from its nearest existing ancestor. */
async function makeParents(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    const info = await fs.stat(at).catch((error: { code?: string }) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (info !== undefined) {
      if (!info.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
      break;
    }
    missing.push(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const d of missing.reverse()) await fs.mkdir(d);
}
