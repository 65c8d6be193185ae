// Loads the CommonJS bundle dist/nines.cjs through vm.Script with a V8 code cache: compiling the
// 2.4 MB bundle was most of a start-up, and Node 20 caches no compiled code of its own (Node 22's
// module.enableCompileCache() does, for the same reason). The cache is the code V8 compiled
// during a run of the same command (so lazily compiled functions are in it too), written once:
// `<dir>/<bundle sha256>-<node version>-<arch>-<command>`, in the directory NODE_COMPILE_CACHE
// names or `<tmpdir>/nines-compile-cache-<uid>` (mode 0700, ours alone: a cache is code).
// NODE_DISABLE_COMPILE_CACHE=1 turns it off, as for Node 22's. Every failure falls back to
// compiling without a cache: the cache can make a start-up faster, never break one.
'use strict';
const {
  chmodSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} = require('node:fs');
const { createRequire } = require('node:module');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

/** The bundle's exports, and `save()` to write the cache after the command ran (a no-op when it was used). */
function loadBundle(file, command) {
  // The build makes the bundle pure ASCII (scripts/build.mjs checks): latin1 skips UTF-8 decoding.
  const source = readFileSync(file, 'latin1');
  const cache = cachePath(file, command);
  const cachedData = cache === undefined ? undefined : readOrUndefined(cache.file);
  const wrapper = `(function (exports, require, module, __filename, __dirname, __nines_import) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: file, ...(cachedData === undefined ? {} : { cachedData }) });
  const module = { exports: {} };
  // The bundle's import() of its vendor chunks (scripts/build.mjs), from this module.
  const importer = (specifier) => import(new URL(specifier, pathToFileURL(file)).href);
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), importer);
  const save = () => {
    if (cache === undefined || (cachedData !== undefined && !script.cachedDataRejected)) return;
    try {
      writeAtomically(cache, script.createCachedData());
    } catch {
      // A read-only or full disk: no cache, the next start-up compiles again.
    }
  };
  return { exports: module.exports, save };
}

/** Where this bundle's cache for `command` lives, or `undefined` (disabled, or no usable directory). */
function cachePath(file, command) {
  if (process.env.NODE_DISABLE_COMPILE_CACHE === '1') return undefined;
  try {
    const id = readFileSync(`${file}.sha256`, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/.test(id)) return undefined;
    const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
    const dir = process.env.NODE_COMPILE_CACHE || join(tmpdir(), `nines-compile-cache-${uid ?? 'user'}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    // Someone else's directory (a shared tmp): their cache would be their code in our process.
    if (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0)) return undefined;
    const name = /^[a-z][a-z-]{0,20}$/.test(command) ? command : 'default';
    const prefix = `${id.slice(0, 32)}-${process.version}-${process.arch}`;
    return { dir, prefix, file: join(dir, `${prefix}-${name}`) };
  } catch {
    return undefined;
  }
}

function readOrUndefined(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Other builds whose caches are kept: checkouts side by side (worktrees, a global install) take turns without evicting each other. */
const OTHER_BUILDS_KEPT = 3;

/** Writes the cache by rename (a concurrent run reads the old file or the new, never half of one), dropping the caches of all but the most recent other builds. */
function writeAtomically(cache, data) {
  const tmp = `${cache.file}.${process.pid}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, cache.file);
  // Only our own files (NODE_COMPILE_CACHE may name a directory Node 22 shares), by build.
  const builds = new Map();
  for (const f of readdirSync(cache.dir)) {
    const m = /^([0-9a-f]{32}-v\d[^-/]*-[a-z0-9]+)-[a-z-]+$/.exec(f);
    if (m === null || m[1] === cache.prefix) continue;
    const build = builds.get(m[1]) ?? { files: [], newest: 0 };
    build.files.push(f);
    build.newest = Math.max(build.newest, statSync(join(cache.dir, f)).mtimeMs);
    builds.set(m[1], build);
  }
  const byAge = [...builds.values()].sort((a, b) => b.newest - a.newest);
  for (const build of byAge.slice(OTHER_BUILDS_KEPT))
    for (const f of build.files) rmSync(join(cache.dir, f), { force: true });
}

module.exports = { loadBundle };
