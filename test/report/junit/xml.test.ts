import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../../src/report/junit/xml.js';
import { parseXml } from '../../cli/gate-xml.js';

describe('escapeXml', () => {
  it('escapes the five XML specials and drops control characters XML 1.0 forbids', () => {
    expect(escapeXml(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
    expect(escapeXml('x\u0000y\u001bz\tw\nv')).toBe('xyz\tw\nv');
  });

  it('round-trips through a well-formed document', () => {
    const text = `rpo[region] <= 1 min & "quoted" 'single'`;
    const root = parseXml(`<?xml version="1.0"?><a name="${escapeXml(text)}">${escapeXml(text)}</a>`);
    expect(root.attrs['name']).toBe(text);
    expect(root.text).toBe(text);
  });

  it('the test parser itself rejects malformed XML', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a name="x"')).toThrow();
    expect(() => parseXml('<a>&bogus;</a>')).toThrow();
    expect(() => parseXml('<a/><b/>')).toThrow();
  });
});
