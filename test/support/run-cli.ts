import { main } from '../../src/cli/main.js';
import type { Proc } from '../../src/cli/proc.js';

export type CliRun = { readonly code: number; readonly stdout: string; readonly stderr: string };

/** Runs `nines …args` in-process with fake streams (no terminal unless asked), like size-limit's tests. */
export async function runCli(
  args: readonly string[],
  options: { stdin?: string | Uint8Array; env?: Record<string, string>; tty?: boolean } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const input = options.stdin;
  const proc: Proc = {
    argv: ['node', 'nines', ...args],
    env: options.env ?? {},
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    stdin: {
      isTTY: input === undefined,
      async *[Symbol.asyncIterator]() {
        if (input !== undefined) yield typeof input === 'string' ? new TextEncoder().encode(input) : input;
      },
    },
    cwd: () => process.cwd(),
  };
  const code = await main(proc);
  return { code, stdout, stderr };
}
