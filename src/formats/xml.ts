// Just enough XML for GraphML and GEXF, without a DOM (the CLI and the worker have none): escaping
// for the writers and a small element-tree reader that reports where the text is not well formed.
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function escapeXml(value: string): string {
  // Control characters other than tab/newline are not allowed in XML 1.0 at all.
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const point = code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
    }
    return Object.hasOwn(ENTITIES, code) ? ENTITIES[code] : whole;
  });
}

/** Local name without a namespace prefix: `viz:position` → `position`. */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

export class XmlError extends Error {}

/** GraphML and GEXF nest a handful of levels (yEd's graphics about ten); deeper is hostile. */
export const MAX_XML_DEPTH = 256;

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  const token = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  let match: RegExpExecArray | null;
  const line = (at: number) => text.slice(0, at).split('\n').length;
  while ((match = token.exec(text))) {
    const [, cdata, closing, name, attrText, selfClosing, chars, stray] = match;
    const top = stack[stack.length - 1];
    if (stray) throw new XmlError(`line ${line(match.index)}: a "<" that starts no tag`);
    // Indentation between child elements is not text: keeping it would build one huge string per container.
    if (chars !== undefined) {
      if (!top.children.length || /\S/.test(chars)) top.text += unescape(chars);
    }
    else if (cdata !== undefined) top.text += cdata;
    else if (name) {
      if (closing) {
        if (local(top.name) !== local(name)) throw new XmlError(`line ${line(match.index)}: </${name}> closes <${top.name}>`);
        stack.pop();
        continue;
      }
      // A plain object: only known attribute names are ever read, none of them Object.prototype's, and
      // an attribute named `__proto__` cannot set a prototype to a string.
      const attrs: Record<string, string> = {};
      if (attrText) for (const a of attrText.matchAll(ATTRIBUTE)) attrs[local(a[1])] = unescape(a[2] ?? a[3]);
      const element: XmlElement = { name: local(name), attrs, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
      if (stack.length > MAX_XML_DEPTH) throw new XmlError(`line ${line(match.index)}: elements nested deeper than ${MAX_XML_DEPTH} levels`);
    }
  }
  if (stack.length > 1) throw new XmlError(`<${stack[stack.length - 1].name}> is never closed`);
  return root;
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return element?.children.filter((c) => c.name === name) ?? [];
}
