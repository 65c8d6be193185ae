/**
 * House limits (issue 12): no file of src/ over 300 lines, no function over 80 lines, except the
 * hot kernels, whose TSDoc says "hot kernel" and why they are one function (a chunk loop that
 * keeps its state in locals). The TypeScript parser finds every function-like node with a body.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 80;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : files(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Lines of a file, not counting a final newline. */
const lineCount = (text: string): number => text.replace(/\n$/, '').split('\n').length;

/** Whether a function (or the declaration holding it) documents itself as a hot kernel. */
function isHotKernel(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n && !ts.isSourceFile(n); n = n.parent) {
    const docs = ts.getJSDocCommentsAndTags(n);
    if (docs.some((d) => /hot kernel/i.test(d.getText()))) return true;
    if (ts.isVariableStatement(n) || ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) break;
  }
  return false;
}

/** Functions of a source text longer than the limit: `file:line name (n lines)`. */
export function longFunctions(file: string, text: string, limit = MAX_FUNCTION_LINES): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > limit && !isHotKernel(node)) {
        const name = node.name?.getText(source) ?? '(anonymous)';
        found.push(`${file}:${first + 1} ${name} (${lines} lines)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('house limits of src/', () => {
  const sources = files('src').map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  it(`has no file over ${MAX_FILE_LINES} lines`, () => {
    const long = sources
      .filter((s) => lineCount(s.text) > MAX_FILE_LINES)
      .map((s) => `${s.file} (${lineCount(s.text)})`);
    expect(long).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines outside the documented hot kernels`, () => {
    expect(sources.flatMap((s) => longFunctions(s.file, s.text))).toEqual([]);
  });

  it('finds a long function and honours only a "hot kernel" TSDoc (the check can fail)', () => {
    const body = Array.from({ length: 85 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const plain = `export function long(): void {\n${body}\n}\n`;
    const hot = `/** The chunk loop. Hot kernel: one function on purpose. */\nexport function long(): void {\n${body}\n}\n`;
    const arrow = `export const long = (): void => {\n${body}\n};\n`;
    expect(longFunctions('a.ts', plain)).toEqual(['a.ts:1 long (87 lines)']);
    expect(longFunctions('a.ts', hot)).toEqual([]);
    expect(longFunctions('a.ts', arrow)).toEqual(['a.ts:1 (anonymous) (87 lines)']);
  });
});
