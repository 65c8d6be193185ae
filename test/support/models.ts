import { readdirSync, readFileSync } from 'node:fs';
import { loadModelText } from '../../src/config/load.js';
import type { Model } from '../../src/model/types.js';

/** Every example model in models/, by file. */
export const EXAMPLE_MODELS: readonly string[] = readdirSync('models')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `models/${f}`);

/** A bundled example model, validated. */
export function exampleModel(file: string): Model {
  const loaded = loadModelText(readFileSync(file, 'utf8'));
  if (!loaded.ok) throw new Error(`${file} does not validate`);
  return loaded.value;
}

/** Names no valid model can have (the schema allows letters, digits, - and _), for escaping tests. */
export const HOSTILE = {
  tier: '<script>alert(1)</script>',
  zone: 'zone "a"\nend',
  region: 'end\'); subgraph x["',
  copy: '`|pipe|` **bold** [link](http://x) #1 & <b>',
  backup: '"]; digraph { a -> b } //',
  description: '</script><img src=x onerror=alert(2)> & \u2028 --> <!--',
} as const;

/**
 * database-dr with every name replaced by a hostile one (as if validation had let them through:
 * the renderers must not rely on it).
 */
export function hostileModel(): Model {
  const rename: Record<string, string> = {
    db: HOSTILE.tier,
    'az-a': HOSTILE.zone,
    'us-east': HOSTILE.region,
    'dr-replica': HOSTILE.copy,
    nightly: HOSTILE.backup,
  };
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return rename[value] ?? value;
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return { ...(walk(exampleModel('models/database-dr.yaml')) as Model), description: HOSTILE.description };
}
