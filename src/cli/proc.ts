/** The slice of `process` nines uses, so tests can run commands in-process with fakes. */
export type Stream = {
  write(chunk: string): unknown;
  readonly isTTY?: boolean | undefined;
  /** The terminal's width when the stream is one. */
  readonly columns?: number | undefined;
};

export type Proc = {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Stream;
  readonly stderr: Stream;
  readonly stdin: AsyncIterable<Uint8Array | string> & { readonly isTTY?: boolean | undefined };
  cwd(): string;
};
