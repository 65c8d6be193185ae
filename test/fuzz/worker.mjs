// One fuzz worker (a child process, so that a fatal V8 error ends only this case): runs `nines …args` in-process (the built bundle dist/nines.cjs) with fake
// streams, and records non-finite numbers that JSON.stringify would have turned into null.
import { createRequire } from 'node:module';

const { main } = createRequire(import.meta.url)('../../dist/nines.cjs');

let nonFinite = [];
const stringify = JSON.stringify;
JSON.stringify = (value, replacer, space) =>
  stringify(
    value,
    (key, x) => {
      if (typeof x === 'number' && !Number.isFinite(x)) nonFinite.push(`${key}=${x}`);
      return typeof replacer === 'function' ? replacer(key, x) : x;
    },
    space,
  );

process.on('message', async ({ id, args, stdin, env }) => {
  nonFinite = [];
  let stdout = '';
  let stderr = '';
  const proc = {
    argv: ['node', 'nines', ...args],
    env: env ?? {},
    stdout: {
      write: (s) => {
        stdout += s;
        return true;
      },
      isTTY: false,
    },
    stderr: {
      write: (s) => {
        stderr += s;
        return true;
      },
      isTTY: false,
    },
    stdin: {
      isTTY: false,
      async *[Symbol.asyncIterator]() {
        yield new TextEncoder().encode(stdin);
      },
    },
    cwd: () => process.cwd(),
  };
  let code;
  try {
    code = await main(proc);
  } catch (error) {
    code = 70;
    stderr += `uncaught: ${error?.stack ?? error}`;
  }
  process.send({ id, code, stdout, stderr, nonFinite });
});
