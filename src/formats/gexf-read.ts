// Reading one GEXF 1.1–1.3 node or edge: declared attributes with `<default>`s, `<attvalue>`s inside
// or outside `<attvalues>`, time-stamped values, spells and viz (colour, size, thickness, shape).
// Time policy: a value given for several times is kept whole as `<name>:series` (a list of
// {value, start, end}) and the field shows the latest one; a node's spells are kept as `spells`.
// The map has no time axis, so each of these is a `time-series` warning (once per attribute).
import type { Problem } from '../model/types.ts';
import { readValue } from './attributes.ts';
import { problem } from './common.ts';
import { readColor } from './gexf-viz.ts';
import { child, children, type XmlElement } from './xml.ts';

export interface AttrInfo {
  field: string;
  type: string;
  json: boolean;
  default?: string;
}

const TIME_ATTRS = ['start', 'end', 'timestamp', 'startopen', 'endopen'] as const;

/** Sort key of a GEXF time (a number, or an ISO date); later sorts last. */
const timeOf = (v: XmlElement): string | number => {
  const t = v.attrs.timestamp ?? v.attrs.end ?? v.attrs.endopen ?? v.attrs.start ?? v.attrs.startopen ?? '';
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
};

export class GexfReader {
  private timeWarned = new Set<string>();
  constructor(
    private file: string,
    private warnings: Problem[],
  ) {}

  private timeWarning(what: string, message: string) {
    if (this.timeWarned.has(what)) return;
    this.timeWarned.add(what);
    this.warnings.push(problem(this.file, message, 'time-series'));
  }

  /** Attribute values, defaults first; time-stamped values as a series plus the latest. */
  values(element: XmlElement, attrs: Map<string, AttrInfo>, into: Record<string, unknown>, at: string): void {
    const given = [...children(child(element, 'attvalues'), 'attvalue'), ...children(element, 'attvalue')];
    const byAttr = new Map<string, XmlElement[]>();
    for (const v of given) {
      const key = v.attrs.for ?? v.attrs.id;
      if (key === undefined || !attrs.has(key)) {
        this.warnings.push(problem(at, `<attvalue for="${key ?? ''}"> names no declared attribute; left out`, 'dropped-value'));
        continue;
      }
      const list = byAttr.get(key);
      if (list) list.push(v);
      else byAttr.set(key, [v]);
    }
    for (const [key, info] of attrs) {
      const list = byAttr.get(key);
      if (!list) {
        if (info.default !== undefined) this.set(info, info.default, into, at);
        continue;
      }
      const timed = list.length > 1 || TIME_ATTRS.some((t) => list[0].attrs[t] !== undefined);
      if (!timed) {
        this.set(info, list[0].attrs.value ?? '', into, at);
        continue;
      }
      const sorted = [...list].sort((a, b) => (timeOf(a) < timeOf(b) ? -1 : timeOf(a) > timeOf(b) ? 1 : 0));
      const series = sorted.map((v) => {
        const entry: Record<string, unknown> = { value: readValue(v.attrs.value ?? '', info.type, info.json) ?? v.attrs.value ?? '' };
        for (const t of TIME_ATTRS) if (v.attrs[t] !== undefined) entry[t] = v.attrs[t];
        return entry;
      });
      into[`${info.field}:series`] = series;
      this.set(info, sorted[sorted.length - 1].attrs.value ?? '', into, at);
      this.timeWarning(`attr:${info.field}`, `attribute "${info.field}" changes over time; each element shows its latest value and keeps every value in "${info.field}:series"`);
    }
  }

  private set(info: AttrInfo, text: string, into: Record<string, unknown>, at: string) {
    const value = readValue(text, info.type, info.json);
    if (value !== undefined) into[info.field] = value;
    else {
      // Not of its declared type: kept as the text it is, under another name, rather than lost.
      into[`gexf:${info.field}`] = text;
      this.warnings.push(problem(at, `attribute "${info.field}": "${text.slice(0, 40)}" is not a ${info.json ? 'JSON value' : info.type}; kept as text in "gexf:${info.field}"`, 'renamed-field'));
    }
  }

  /** When the element exists: `start`/`end` attributes and `<spells>`, kept as fields. */
  spells(element: XmlElement, into: Record<string, unknown>): void {
    const spells = children(child(element, 'spells'), 'spell').map((s) => Object.fromEntries(TIME_ATTRS.filter((t) => s.attrs[t] !== undefined).map((t) => [t, s.attrs[t]])));
    for (const t of TIME_ATTRS) if (element.attrs[t] !== undefined) spells.unshift({ [t]: element.attrs[t] });
    if (!spells.length) return;
    into.spells = spells;
    this.timeWarning('spells', 'elements exist only at some times (spells); the map shows them all, each keeping its times in "spells"');
  }

  /** viz colour, size, thickness and shape as `viz:color` (`#rrggbb` or `rgba(…)`), `viz:size`, …; the position is returned. */
  viz(element: XmlElement, into: Record<string, unknown>): { x: number; y: number } | undefined {
    const color = child(element, 'color');
    const colorValue = color && readColor(color.attrs);
    if (colorValue) into['viz:color'] = colorValue;
    for (const name of ['size', 'thickness'] as const) {
      const value = Number(child(element, name)?.attrs.value);
      if (child(element, name) && Number.isFinite(value)) into[`viz:${name}`] = value;
    }
    const shape = child(element, 'shape')?.attrs.value;
    if (shape) into['viz:shape'] = shape;
    const p = child(element, 'position');
    const x = Number(p?.attrs.x);
    const y = Number(p?.attrs.y);
    return p && p.attrs.x !== undefined && p.attrs.y !== undefined && Number.isFinite(x) && Number.isFinite(y) ? { x, y } : undefined;
  }
}
