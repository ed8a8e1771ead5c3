// GEXF's viz module (colour, size, thickness, shape), read and written in one place. Gephi shows only
// what is in the viz namespace, so the exporter writes a `viz:*` field as a viz element whenever the
// element reads back as the same value, and as a plain attribute otherwise (nothing is lost either way).
import { escapeXml } from './xml.ts';

/** The field a viz colour is kept in: `#rrggbb`, or `rgba(r, g, b, a)` when not opaque. */
export function colorText(r: number, g: number, b: number, a: number): string {
  return a < 1 ? `rgba(${r}, ${g}, ${b}, ${a})` : `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

const channel = (c: string) => Math.max(0, Math.min(255, Math.round(Number(c))));

/** r, g, b (0–255) and a (0–1) of a `<viz:color>`; undefined when not numbers. */
export function readColor(attrs: Record<string, string>): string | undefined {
  if (attrs.hex) return attrs.hex;
  const [r, g, b] = [attrs.r, attrs.g, attrs.b].map(channel);
  const a = attrs.a !== undefined ? Number(attrs.a) : 1;
  if (![r, g, b].every(Number.isFinite)) return undefined;
  return colorText(r, g, b, Number.isFinite(a) ? a : 1);
}

/** The `<viz:color>` attributes for a colour field, only when it reads back exactly as it is. */
function colorAttrs(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(value);
  const rgba = /^rgba\((\d{1,3}), (\d{1,3}), (\d{1,3}), (0(?:\.\d+)?|0?\.\d+)\)$/.exec(value);
  const [r, g, b] = hex ? hex.slice(1, 4).map((h) => parseInt(h, 16)) : rgba ? rgba.slice(1, 4).map(Number) : [];
  if (r === undefined) return undefined;
  const a = rgba ? Number(rgba[4]) : 1;
  if (readColor({ r: String(r), g: String(g), b: String(b), a: String(a) }) !== value) return undefined;
  return `r="${r}" g="${g}" b="${b}"${a < 1 ? ` a="${a}"` : ''}`;
}

// The shapes the GEXF 1.3 viz schema allows (an image shape needs a uri we do not keep).
const SHAPES = { node: new Set(['disc', 'square', 'triangle', 'diamond']), edge: new Set(['solid', 'dotted', 'dashed', 'double']) };

const numberAttr = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? `value="${value}"` : undefined);

/**
 * The viz elements an entry's `viz:*` fields become, and the entry without them. Fields that would
 * not read back the same (a colour named "red", a size in text) stay in the entry as attributes.
 */
export function splitViz(entry: Record<string, unknown>, kind: 'node' | 'edge'): { elements: string[]; rest: Record<string, unknown> } {
  const rest = { ...entry };
  const elements: string[] = [];
  const take = (field: string, attrs: string | undefined) => {
    if (attrs === undefined) return;
    elements.push(`<${field} ${attrs}/>`);
    delete rest[field];
  };
  take('viz:color', colorAttrs(entry['viz:color']));
  take(kind === 'node' ? 'viz:size' : 'viz:thickness', numberAttr(entry[kind === 'node' ? 'viz:size' : 'viz:thickness']));
  const shape = entry['viz:shape'];
  take('viz:shape', typeof shape === 'string' && SHAPES[kind].has(shape) ? `value="${escapeXml(shape)}"` : undefined);
  return { elements, rest };
}
