/** Exit codes of every nines command (README "Exit codes"). */
export const EXIT = {
  ok: 0,
  targetMissed: 1,
  input: 2,
  inconclusive: 3,
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Every user-facing error that is not a model problem, by code: one table, one wording. */
const MESSAGES = {
  /** A bad command line (unknown option, missing argument, no command): commander's wording. */
  usage: (message: string) => message,
  'file-unreadable': (file: string, reason: string) => `cannot read '${file}': ${reason}`,
  'stdin-terminal': () =>
    "reading the model from standard input ('-'), but standard input is a terminal; pipe a file in or name one",
  'bad-argument': (what: string, expected: string) => `${what}: ${expected}`,
  'bad-target': (flag: string, reason: string) => `--target '${flag}': ${reason}`,
  'bad-override': (reason: string) => reason,
  'bad-fail': (name: string, reason: string) => `--fail '${name}': ${reason}`,
  'bad-vary': (reason: string) => reason,
  'bad-figure': (reason: string) => reason,
  'file-unwritable': (file: string, reason: string) => `cannot write '${file}': ${reason}`,
  'bad-parts': (problems: readonly string[]) => `cannot merge: ${problems.join('; ')}`,
  /** The simulator refuses work it cannot do in bounded time or memory, saying what to change. */
  'simulation-refused': (what: string, reason: string) => `${what}: ${reason}`,
} as const;

export type ErrorCode = keyof typeof MESSAGES;

/** An expected, user-caused failure: printed as one line on stderr, never with a stack trace. */
export class NinesError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'NinesError';
  }
}

/** Builds the coded error with the table's wording. */
export function ninesError<C extends ErrorCode>(code: C, ...args: Parameters<(typeof MESSAGES)[C]>): NinesError {
  const format = MESSAGES[code] as (...a: unknown[]) => string;
  return new NinesError(code, EXIT.input, format(...args));
}
