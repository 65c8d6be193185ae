/**
 * Every problem code a model file can produce, with one entry each: what the code means, what
 * is expected instead, and how to fix it. A problem's own message says the specifics (the
 * value, the name, the suggestion); this table is the reference behind its `[code]`, and the
 * only place a code is declared, so a misspelt code is a type error.
 */
type Entry = {
  /** What the code means, in a few words. */
  readonly summary: string;
  /** What a valid model has there instead. */
  readonly expected: string;
  /** What to change. */
  readonly fix: string;
};

export const PROBLEM_CODES = {
  // The bytes and the text (config/decode, config/parse).
  'file-too-large': {
    summary: 'the file is over the 1 MiB limit',
    expected: 'a model file of at most 1 MiB (a real model is a few kB)',
    fix: 'check that the right file was named; split generated content out of the model',
  },
  'not-text': {
    summary: 'the file is binary or not UTF-8',
    expected: 'YAML or JSON text in UTF-8',
    fix: 'name the model file, or convert it to UTF-8',
  },
  empty: {
    summary: 'the file holds no document',
    expected: 'a mapping with at least `name` and `tiers`',
    fix: 'write a model (see models/ for examples)',
  },
  'yaml-syntax': {
    summary: 'the text is not valid YAML (or holds more than one document)',
    expected: 'one YAML or JSON document',
    fix: 'correct the syntax at the position given (indent with spaces, not tabs)',
  },
  'duplicate-key': {
    summary: 'a key appears twice in one mapping',
    expected: 'each key once per mapping',
    fix: 'keep one of the two keys',
  },
  'too-deep': {
    summary: 'the document nests deeper than 64 levels',
    expected: 'nesting of at most 64 levels',
    fix: 'flatten the structure (a model is never this deep)',
  },
  'alias-limit': {
    summary: 'the document expands more than 100 YAML aliases',
    expected: 'at most 100 alias expansions',
    fix: 'remove the anchors and aliases or write the values out',
  },
  'not-a-mapping': {
    summary: 'the document is not a mapping',
    expected: 'a mapping with at least `name` and `tiers`',
    fix: 'write the model as keys and values, not a list or a scalar',
  },
  'invalid-key': {
    summary: 'a key is a list or a mapping',
    expected: 'keys that are plain names',
    fix: 'write the key as a plain name',
  },
  'reserved-key': {
    summary: 'a key is `__proto__`, `constructor` or `prototype`',
    expected: 'keys that are not reserved by JavaScript objects',
    fix: 'rename or remove the key',
  },
  'number-out-of-range': {
    summary: 'a number is not finite (.inf, .nan)',
    expected: 'a finite number',
    fix: 'write a finite number',
  },
  // The shape (config/schema).
  'unknown-key': {
    summary: 'a key the model format does not know',
    expected: 'one of the keys listed in the message',
    fix: 'correct the spelling (the message suggests the closest key) or remove the key',
  },
  'missing-key': {
    summary: 'a required key is missing',
    expected: 'the key named in the message',
    fix: 'add the key',
  },
  'wrong-type': {
    summary: 'a value has the wrong type',
    expected: 'the type named in the message (a number, a string, a list, a mapping)',
    fix: 'write a value of that type',
  },
  'invalid-value': {
    summary: 'a value is not one of those allowed here',
    expected: 'one of the values or forms listed in the message',
    fix: 'write one of the allowed values',
  },
  'out-of-range': {
    summary: 'a number or quantity is outside its allowed range',
    expected: 'a value within the range stated in the message',
    fix: 'write a value within the range',
  },
  'invalid-name': {
    summary: 'a name or label is not in the allowed form',
    expected: 'the form stated in the message (e.g. up to 63 letters, digits, - or _)',
    fix: 'rename it',
  },
  // Units (config/normalise).
  'invalid-unit': {
    summary: 'a quantity has a unit that is unknown or of the wrong kind',
    expected: "a number with a unit of the right kind, e.g. '4 h', '2 TiB', '200 MB/s', '99.95%'",
    fix: 'write the quantity with a unit the message lists',
  },
  // Semantic rules (config/rules).
  'unknown-reference': {
    summary: 'a name refers to nothing the model declares',
    expected: 'the name of a declared region, zone, tier or location',
    fix: 'correct the spelling (the message suggests the closest name) or declare it',
  },
  'duplicate-reference': {
    summary: 'a tier appears twice in the service expression',
    expected: 'each tier named once in the service expression',
    fix: 'remove the second mention',
  },
  'duplicate-name': {
    summary: 'a name is declared twice',
    expected: 'unique names across regions, zones and tiers, and within copies and backups',
    fix: 'rename one of the two',
  },
  'quorum-exceeds-nodes': {
    summary: 'more healthy members are required than exist',
    expected: 'minHealthy (or atLeast) at most the number of nodes (or alternatives)',
    fix: 'lower the requirement or add nodes',
  },
  'placement-conflict': {
    summary: 'a tier is placed twice: by `zones` or `region`, and by a `nodes` map or list',
    expected: '`zones` or `region` with `nodes` as a count, or `nodes` naming its zones alone',
    fix: 'drop `zones` / `region`, or give `nodes` as a count',
  },
  'capacity-short': {
    summary: 'a tier has too few nodes to carry its demand, so it is never up',
    expected: 'nodes × perNode ≥ demand',
    fix: 'add nodes, raise perNode or lower the demand',
  },
  'suspicious-value': {
    summary: 'a value is legal but probably not what was meant',
    expected: 'see the message (e.g. MTTR shorter than MTBF, no lag for sync replication)',
    fix: 'check the value; the message says how it is read',
  },
  'unused-tier': {
    summary: 'a tier is not part of the service expression',
    expected: 'every tier named in the service expression',
    fix: 'add the tier to the service expression, or remove it if it does not matter',
  },
  'standby-without-data': {
    summary: 'a standby runs where no copy of the data lives',
    expected: 'a data copy in the standby’s zones or regions',
    fix: 'add a copy near the standby, or accept that its RPO is that of the backups',
  },
  'missing-data': {
    summary: 'a target on data figures without a `data` section',
    expected: 'a `data` section when rpo, rto, dataAtRisk, dataLossPerYear, durability or backupStorage is a target',
    fix: 'add the `data` section or remove the target',
  },
  'invalid-model': {
    summary: 'the model could not be read, without a more specific problem',
    expected: 'a model that normalises completely',
    fix: 'report it: a more specific problem should have been given',
  },
} as const satisfies Record<string, Entry>;

/** A problem code: a key of {@link PROBLEM_CODES}. */
export type ProblemCode = keyof typeof PROBLEM_CODES;

/**
 * Codes the table keeps that no input is known to raise: `invalid-model` is the fallback for a
 * model that fails to normalise without a located problem, which every such path reports first.
 */
export const RESERVED_PROBLEM_CODES: readonly ProblemCode[] = ['invalid-model'];
