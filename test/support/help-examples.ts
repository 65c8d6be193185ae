/**
 * A --help text with each example's comment back on its shell line: the help puts a comment
 * that does not fit on the line(s) above the example (`  # exits 1: …` then `  $ nines …`), and
 * the tests that run examples read `$ nines … # comment` either way.
 * @example unfoldExamples('  # exits 1\n  $ nines check m.yaml') // '  $ nines check m.yaml   # exits 1'
 */
export function unfoldExamples(help: string): string {
  const out: string[] = [];
  let comment: string[] = [];
  for (const line of help.split('\n')) {
    const c = /^\s*# (.*)$/.exec(line);
    if (c?.[1] !== undefined) {
      comment.push(c[1]);
      continue;
    }
    if (comment.length > 0 && /^\s*\$ /.test(line)) out.push(`${line}   # ${comment.join(' ')}`);
    else out.push(...comment.map((text) => `  # ${text}`), line);
    comment = [];
  }
  out.push(...comment.map((text) => `  # ${text}`));
  return out.join('\n');
}
