// Seeded mutations of a model: deleted and duplicated keys, type swaps, extreme numbers, odd
// units, references to nothing, huge node counts, and hostile --set / --fail arguments.
import { stringify } from 'yaml';

/** mulberry32: uniform in [0, 1), reproducible from the seed. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

const NUMBERS = [
  0,
  -1,
  1,
  2,
  3,
  0.5,
  1e-320,
  5e-324,
  1e-15,
  1e308,
  1e5,
  1e6,
  1e9,
  2 ** 53,
  20000,
  6000,
  1.5,
  -0,
  100,
  1000,
];
const QUANTITIES = [
  '1e-320 s',
  '1e308 year',
  '1 ms',
  '0 s',
  '-1 h',
  '1e6 year',
  '1 minute',
  '1e9 year',
  '5e0%',
  '5e-1%',
  '150%',
  '100%',
  '0%',
  '1e3 PB/s',
  '1 B/s',
  '5 Gb',
  '1e-9 s',
  '2 TB',
  '0 B',
  '1e30 EB',
  '10 nines',
  '300 nines',
  '0 nines',
  '99.999999999999999%',
  '1e-300',
  '0.0',
  '1',
  'NaN',
  'Infinity',
  '1 d',
  '1 week',
  '1e-3 ms',
  '4.5 nines',
  '1 year',
  '1 mins',
  '.5 h',
  '1e+2 d',
];
const STRINGS = [
  'nowhere',
  '',
  'all',
  'majority',
  'offsite',
  'x'.repeat(70),
  'a\n::error file=x::pwned',
  '\u001b[31mred',
  'db',
  'az-a',
  'us-east',
];
const VALUES = () => [null, true, [], {}, 'text', 0, -5, 1e308, [1, 2], { x: 1 }];

/** Paths of every node of a plain data tree: [path, value, parent, key]. */
function nodes(tree) {
  const out = [];
  const walk = (v, path, parent, key) => {
    out.push({ path, value: v, parent, key });
    if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, [...path, i], v, i);
    else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) walk(v[k], [...path, k], v, k);
  };
  walk(tree, [], undefined, undefined);
  return out;
}

function mutateTree(r, tree) {
  const all = nodes(tree).filter((n) => n.parent !== undefined);
  if (all.length === 0) return 'none';
  const n = pick(r, all);
  const kind = pick(r, ['delete', 'swap', 'number', 'quantity', 'string', 'reference', 'nodes', 'clone', 'grow']);
  switch (kind) {
    case 'delete':
      if (Array.isArray(n.parent)) n.parent.splice(n.key, 1);
      else delete n.parent[n.key];
      break;
    case 'swap':
      n.parent[n.key] = pick(r, VALUES());
      break;
    case 'number':
      n.parent[n.key] = pick(r, NUMBERS);
      break;
    case 'quantity':
      n.parent[n.key] = pick(r, QUANTITIES);
      break;
    case 'string':
    case 'reference': {
      const strings = nodes(tree).filter((x) => typeof x.value === 'string' && x.parent !== undefined);
      const s = strings.length > 0 ? pick(r, strings) : n;
      s.parent[s.key] = pick(r, STRINGS);
      break;
    }
    case 'nodes': {
      const tiers = Array.isArray(tree.tiers) ? tree.tiers.filter((t) => t && typeof t === 'object') : [];
      if (tiers.length === 0) break;
      const t = pick(r, tiers);
      t.nodes = pick(r, [1e5, 1e9, 1e308, 20000, 6000, 0, 1, 1000, 2.5]);
      if (r() < 0.5) t.minHealthy = pick(r, [1, 'all', 'majority', 26, 0, 19999]);
      break;
    }
    case 'clone': {
      // Many zones at a given probability (the zone-state walk), or a copy of a list item.
      if (Array.isArray(n.parent) && n.value !== null && typeof n.value === 'object') {
        n.parent.push(structuredClone(n.value));
      } else if (Array.isArray(tree.zones)) {
        const count = pick(r, [30, 200, 6000]);
        tree.zones = Array.from({ length: count }, (_, i) => ({
          name: `z${i}`,
          failure: { probability: pick(r, [0.01, 0.4, 1e-9]) },
        }));
      }
      break;
    }
    case 'grow': {
      const f = {
        mtbf: pick(r, ['1 ms', '1e-320 s', '1 s', '10 year']),
        mttr: pick(r, ['1 ms', '1 s', '1e6 year', '1 h']),
      };
      const shapes = [
        undefined,
        { lifetime: { type: 'weibull', shape: pick(r, [1e-3, 0.01, 0.05, 50]) } },
        { repair: { type: 'lognormal', sigma: pick(r, [10, 100, 1e-9]) } },
      ];
      const d = pick(r, shapes);
      const target = nodes(tree).filter((x) => x.key === 'failure' && x.value && typeof x.value === 'object');
      if (target.length > 0) {
        const t = pick(r, target);
        t.parent.failure = d === undefined ? f : { ...f, distribution: d };
      }
      if (tree.horizon !== undefined || r() < 0.3) tree.horizon = pick(r, ['1 year', '1e6 year', '1 d', '1000 year']);
      break;
    }
    default:
      throw new Error(kind);
  }
  return `${kind}@${n.path.join('.')}`;
}

/** A text-level mutation: duplicate a key's line, or cut the text. */
function mutateText(r, text) {
  const lines = text.split('\n');
  const keyed = lines.map((l, i) => [l, i]).filter(([l]) => /^\s*[A-Za-z][\w-]*:/.test(l));
  if (keyed.length > 0 && r() < 0.7) {
    const [line, i] = pick(r, keyed);
    lines.splice(i + 1, 0, line);
    return { text: lines.join('\n'), what: `duplicate-line@${i + 1}` };
  }
  const cut = Math.floor(r() * text.length);
  return { text: text.slice(0, cut), what: `truncate@${cut}` };
}

function hostileFlags(r, tree) {
  const flags = [];
  const paths = nodes(tree)
    .filter((n) => n.path.length > 0)
    .map((n) => n.path.join('.'));
  if (r() < 0.25 && paths.length > 0)
    flags.push(
      '--set',
      `${pick(r, paths)}=${pick(r, ['null', '1e308', '[]', '{}', '"a\\n::error::x"', '5e0%', 'nowhere', '-1', '{mtbf: 1 ms, mttr: 1 ms}'])}`,
    );
  if (r() < 0.1)
    flags.push(
      '--set',
      pick(r, [
        'tiers..nodes=1',
        '=1',
        'tiers[99].nodes=1',
        '__proto__.x=1',
        'tiers.nowhere.nodes=2',
        `${'a'.repeat(300)}=1`,
      ]),
    );
  if (r() < 0.1)
    flags.push(
      '--fail',
      pick(r, ['nowhere', 'db[99]', 'db[-1]', 'zone:', 'a\n::error::x', 'us-east', 'az-a', 'db[0]']),
    );
  return flags;
}

const COMMANDS = [
  ['validate'],
  ['analyze'],
  ['analyze'],
  ['check'],
  ['check', '--method', 'simulate', '--trials', '20000'],
  ['simulate', '--trials', '20000', '--timeline-trials', '200', '--workers', '1'],
  ['simulate', '--mode', 'timeline', '--trials', '200', '--workers', '1'],
];

/**
 * The i-th case of a seeded campaign: a command, its arguments, the model text on stdin, and
 * whether hostile flags were added (a flag error then needs no position in the model).
 */
export function fuzzCase(seed, i, sources, parse) {
  const r = rng(seed * 1_000_003 + i);
  const source = pick(r, sources);
  const tree = structuredClone(source.tree);
  const what = [source.name];
  const count = 1 + Math.floor(r() * 3);
  for (let k = 0; k < count; k++) what.push(mutateTree(r, tree));
  let text = stringify(tree, { lineWidth: 0 });
  if (r() < 0.15) {
    const t = mutateText(r, text);
    text = t.text;
    what.push(t.what);
  }
  const command = pick(r, COMMANDS);
  const flags = command[0] === 'validate' ? [] : hostileFlags(r, parse(text) ?? tree);
  return { args: [...command, '-', '--json', ...flags], stdin: text, what: what.join(' '), hostile: flags.length > 0 };
}
