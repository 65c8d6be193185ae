/**
 * A minimal XML well-formedness checker and tree reader for the JUnit tests (no dependency):
 * elements, attributes, text, entities, the XML declaration; it throws on anything malformed.
 */
export type XmlElement = {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
};

const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&([^;]*);/g, (whole, name: string) => {
    const value = ENTITY[name];
    if (value === undefined) throw new Error(`unknown entity ${whole}`);
    return value;
  });
}

/** Parses a whole document into its root element; throws on malformed XML. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const rest = (): string => xml.slice(i);
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new Error('unterminated declaration');
    i = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = lt < 0 ? xml.slice(i) : xml.slice(i, lt);
    if (/[<>]/.test(text.replace(/&gt;/g, ''))) throw new Error(`stray bracket in text at ${i}`);
    if (text.includes('&')) decode(text);
    const top = stack[stack.length - 1];
    if (top !== undefined) top.text += decode(text);
    else if (text.trim() !== '') throw new Error(`text outside the root at ${i}`);
    if (lt < 0) break;
    i = lt;
    if (rest().startsWith('</')) {
      const m = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(rest());
      const open = stack.pop();
      if (!m || open === undefined || open.name !== m[1]) throw new Error(`mismatched close tag at ${i}`);
      i += m[0].length;
      continue;
    }
    i += 1;
    const name = NAME.exec(rest())?.[0];
    if (name === undefined) throw new Error(`bad tag name at ${i}`);
    i += name.length;
    const attrs: Record<string, string> = {};
    for (;;) {
      const m = /^\s+([A-Za-z_][\w.:-]*)="([^"<]*)"/.exec(rest());
      if (!m) break;
      if (m[1] === undefined || m[1] in attrs) throw new Error(`duplicate or bad attribute at ${i}`);
      attrs[m[1]] = decode(m[2] ?? '');
      i += m[0].length;
    }
    const close = /^\s*(\/?)>/.exec(rest());
    if (!close) throw new Error(`bad tag at ${i}: ${rest().slice(0, 30)}`);
    i += close[0].length;
    const element: XmlElement = { name, attrs, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent !== undefined) parent.children.push(element);
    else if (root === undefined) root = element;
    else throw new Error('two root elements');
    if (close[1] !== '/') stack.push(element);
  }
  if (stack.length > 0 || root === undefined) throw new Error('unclosed elements or no root');
  return root;
}
