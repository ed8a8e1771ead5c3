// Graphics data that yEd (`y:ShapeNode`, `y:NodeLabel`, `y:Geometry`) and yFiles for HTML (`y:Label`
// with `y:Label.Text`, `y:RectD`) put in GraphML `<data>` as elements rather than text. We read the
// label and the position from it; the rest (fills, shapes, fonts) is drawing, not data, and is left.
import type { XmlElement } from './xml.ts';

function* descendants(element: XmlElement): Generator<XmlElement> {
  // Iterative: the XML reader bounds depth, but a walk need not rely on it.
  const stack = [...element.children].reverse();
  while (stack.length) {
    const next = stack.pop()!;
    yield next;
    for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]);
  }
}

/** The first non-empty label text in graphics data, or undefined. */
export function graphicsLabel(data: XmlElement): string | undefined {
  for (const e of descendants(data)) {
    if (e.name === 'NodeLabel' || e.name === 'EdgeLabel' || e.name === 'Label.Text') {
      const text = e.text.trim();
      if (text) return text;
    }
    if (e.name === 'Label' && e.attrs.Text?.trim()) return e.attrs.Text.trim();
  }
  return undefined;
}

/** The centre of the node's box (yEd `y:Geometry x y width height`, yFiles for HTML `y:RectD X Y Width Height`). */
export function graphicsCentre(data: XmlElement): { x: number; y: number } | undefined {
  for (const e of descendants(data)) {
    const box = e.name === 'Geometry' ? [e.attrs.x, e.attrs.y, e.attrs.width, e.attrs.height] : e.name === 'RectD' ? [e.attrs.X, e.attrs.Y, e.attrs.Width, e.attrs.Height] : null;
    if (!box) continue;
    const [x, y, w, h] = box.map((v) => (v === undefined ? 0 : Number(v)));
    if ([x, y, w, h].every(Number.isFinite) && box[0] !== undefined && box[1] !== undefined) return { x: x + w / 2, y: y + h / 2 };
  }
  return undefined;
}

/** Data holding elements rather than text is graphics (or another tool's structure), never a plain value. */
export const isStructured = (data: XmlElement): boolean => data.children.length > 0;
