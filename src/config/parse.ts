/**
 * YAML/JSON text → plain data plus a locator from document paths to file positions.
 * Refuses what could hurt or mislead: duplicate keys, alias bombs, deep nesting, prototype
 * keys, non-finite numbers, more than one document.
 */
import {
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { positionOfChar } from './decode.js';
import { formatPath, type Path, type Problem, type ProblemCode } from './problem.js';

/** Deepest nesting accepted: service expressions are the deepest part of a model, and rarely pass 10. */
export const MAX_DEPTH = 64;
/** Aliases a document may expand; a few anchors are legitimate, thousands are an attack. */
export const MAX_ALIASES = 100;

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type Position = { readonly line: number; readonly col: number };

/** Where a path is in the file: its key, or its value; falls back to the nearest ancestor. */
export type Locator = (path: Path, at?: 'key' | 'value') => Position;

export type Parsed =
  | { readonly ok: true; readonly data: unknown; readonly locate: Locator }
  | { readonly ok: false; readonly problems: readonly Problem[] };

type Spot = { key: Position | undefined; value: Position };

/** Parses model text; every YAML problem is reported with its line and column. */
export function parseModelText(text: string): Parsed {
  if (text.trim() === '' || text.split('\n').every((l) => /^\s*(#.*)?$/.test(l))) {
    return failure('empty', '', 1, 1, 'the file is empty; a model needs at least `name` and `tiers`');
  }
  const deep = flowTooDeep(text);
  if (deep) return deep;
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    // Duplicate keys are found by walk() with a set per mapping: the library's own check
    // (uniqueKeys) compares each key with every earlier one, quadratic in a mapping's size.
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
  } catch (error) {
    if (error instanceof RangeError)
      return failure('too-deep', '', 1, 1, `nesting deeper than ${MAX_DEPTH} levels; a model is never this deep`);
    throw error;
  }
  const position = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const { line, col } = position(e.pos[0]);
        return {
          code: yamlCode(e.code, e.message),
          severity: 'error',
          path: '',
          line,
          col,
          message: yamlMessage(e.code, e.message),
        };
      }),
    };
  }
  const spots = new Map<string, Spot>();
  const problems: Problem[] = [];
  walk(doc.contents, [], 0, spots, problems, position);
  if (problems.length > 0) return { ok: false, problems };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (error instanceof ReferenceError || error instanceof RangeError) {
      return failure(
        'alias-limit',
        '',
        1,
        1,
        `the document expands too many aliases (more than ${MAX_ALIASES}); remove the anchors and aliases or write the values out`,
      );
    }
    throw error;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const at = doc.contents?.range ? position(doc.contents.range[0]) : { line: 1, col: 1 };
    return failure(
      'not-a-mapping',
      '',
      at.line,
      at.col,
      'a model file must be a mapping with at least `name` and `tiers`',
    );
  }
  const locate: Locator = (path, at = 'value') => {
    for (let n = path.length; n >= 0; n--) {
      const spot = spots.get(formatPath(path.slice(0, n)));
      if (spot) return (at === 'key' && n === path.length ? spot.key : undefined) ?? spot.value;
    }
    return { line: 1, col: 1 };
  };
  return { ok: true, data, locate };
}

/** Records every node's position by path, and refuses reserved keys, deep nesting and NaN/∞. */
function walk(
  node: YamlNode | null,
  path: (string | number)[],
  depth: number,
  spots: Map<string, Spot>,
  problems: Problem[],
  position: (offset: number) => Position,
): void {
  if (node === null) return;
  const here = node.range ? position(node.range[0]) : { line: 1, col: 1 };
  const spot = spots.get(formatPath(path));
  spots.set(formatPath(path), { key: spot?.key, value: here });
  if (depth > MAX_DEPTH) {
    problems.push(
      problem('too-deep', path, here, `nesting deeper than ${MAX_DEPTH} levels; a model is never this deep`),
    );
    return;
  }
  if (isAlias(node)) return;
  if (isScalar(node)) {
    if (typeof node.value === 'number' && !Number.isFinite(node.value)) {
      problems.push(
        problem('number-out-of-range', path, here, `${String(node.source ?? node.value)} is not a finite number`),
      );
    }
    return;
  }
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
      const keyAt = keyNode?.range ? position(keyNode.range[0]) : here;
      if (key === undefined) {
        problems.push(problem('invalid-key', path, keyAt, 'keys must be plain names, not lists or mappings'));
        continue;
      }
      if (seen.has(key)) {
        problems.push(
          problem('duplicate-key', [...path, key], keyAt, 'this key appears twice in the same mapping; keep one'),
        );
        continue;
      }
      seen.add(key);
      if (RESERVED_KEYS.has(key)) {
        problems.push(problem('reserved-key', [...path, key], keyAt, `'${key}' is not allowed as a key`));
        continue;
      }
      const childPath = [...path, key];
      spots.set(formatPath(childPath), { key: keyAt, value: keyAt });
      walk(pair.value as YamlNode | null, childPath, depth + 1, spots, problems, position);
    }
    return;
  }
  if (isSeq(node)) {
    for (const [index, item] of node.items.entries())
      walk(item as YamlNode | null, [...path, index], depth + 1, spots, problems, position);
  }
}

function problem(code: ProblemCode, path: Path, at: Position, message: string): Problem {
  return { code, severity: 'error', path: formatPath(path), line: at.line, col: at.col, message };
}

function failure(code: ProblemCode, path: string, line: number, col: number, message: string): Parsed {
  return { ok: false, problems: [{ code, severity: 'error', path, line, col, message }] };
}

/**
 * Flow collections ([…], {…}) nested deeper than MAX_DEPTH, found before parsing: the parser
 * recurses per level and would exhaust the stack on a hostile file. Skips quoted text and
 * comments.
 */
function flowTooDeep(text: string): Parsed | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth > MAX_DEPTH) {
        const { line, col } = positionOfChar(text, i);
        return failure(
          'too-deep',
          '',
          line,
          col,
          `nesting deeper than ${MAX_DEPTH} levels; a model is never this deep`,
        );
      }
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

function yamlCode(code: string, message: string): ProblemCode {
  if (/call stack/i.test(message)) return 'too-deep';
  return code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
}

function yamlMessage(code: string, message: string): string {
  if (/call stack/i.test(message)) return `nesting deeper than ${MAX_DEPTH} levels; a model is never this deep`;
  if (code === 'DUPLICATE_KEY') return 'this key appears twice in the same mapping; keep one';
  if (code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document; a model is one document';
  return `YAML syntax: ${message.replace(/ at line \d+, column \d+.*$/s, '')}`;
}
