/**
 * Writes chosen values back into a model file's text, keeping its comments and layout. A value
 * that exists in the file is replaced where it stands (the yaml library's Document API gives
 * each node's source range), so only that value changes; a field that is new, or removed, falls
 * back to the Document API's setIn / deleteIn and a re-printed document (comments kept).
 */
import { Document, isCollection, isNode, parseDocument } from 'yaml';
import type { Path } from './problem.js';

export type Edit = { readonly path: Path; readonly value: unknown };

/**
 * The text with each edit applied (`null` deletes the field or list item).
 * @example patchModelText('tiers:\n  - name: db  # the database\n    nodes: 3\n', [{ path: ['tiers', 0, 'nodes'], value: 5 }])
 * // 'tiers:\n  - name: db  # the database\n    nodes: 5\n'
 */
export function patchModelText(text: string, edits: readonly Edit[]): string {
  const doc = parseDocument(text);
  const splices: { start: number; end: number; text: string }[] = [];
  for (const edit of edits) {
    const node: unknown = doc.getIn(edit.path, true);
    if (edit.value === null || !isNode(node) || node.range === undefined || node.range === null)
      return rewrite(doc, edits);
    splices.push({ start: node.range[0], end: node.range[1], text: flow(edit.value) });
  }
  const ordered = splices.sort((a, b) => b.start - a.start);
  if (ordered.some((s, i) => i > 0 && s.end > (ordered[i - 1]?.start ?? Infinity))) return rewrite(doc, edits);
  return ordered.reduce((out, s) => out.slice(0, s.start) + s.text + out.slice(s.end), text);
}

function rewrite(doc: Document, edits: readonly Edit[]): string {
  for (const edit of edits) {
    if (edit.value === null) doc.deleteIn(edit.path);
    else doc.setIn(edit.path, doc.createNode(edit.value, { flow: true }));
  }
  return doc.toString({ lineWidth: 0 });
}

/** A value as one line of YAML: scalars quoted only when needed, collections in flow style. */
function flow(value: unknown): string {
  const doc = new Document(value);
  if (isCollection(doc.contents)) doc.contents.flow = true;
  return doc.toString({ lineWidth: 0 }).trimEnd();
}
