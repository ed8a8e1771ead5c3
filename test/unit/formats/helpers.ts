import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { InputFile } from '../../../src/formats/common.ts';
import type { PathwaysMap } from '../../../src/model/types.ts';
import { smallMap } from '../../fixtures/small-map.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/formats');

export const text = (name: string, content: string): InputFile => ({ name, bytes: new TextEncoder().encode(content) });
export const fixture = (name: string): InputFile => ({ name, bytes: readFileSync(join(FIXTURES, name)) });
export const folder = (dir: string): InputFile[] =>
  readdirSync(dir).filter((f) => /\.(csv|json)$/.test(f)).map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) }));

/** smallMap plus the values that break naive writers: quotes, commas, new lines, formulas, JSON extras. */
export function trickyMap(): PathwaysMap {
  const map = smallMap();
  map.nodes[0].label = '=SUM(A1) "Family", Center';
  map.nodes[0].description = 'Line one\r\nline two, with "quotes" & ampersands';
  map.nodes[1].tags = ['+plus', '@at', 'naïve café ✓'];
  Object.assign(map.nodes[2], { rating: 4.5, audit: { passed: true, notes: ['a', 'b'] }, flagged: false, note: "'=already quoted" });
  Object.assign(map.nodes[3], { rating: 3, note: '-minus' });
  map.nodes[4].description = '\ttab first';
  Object.assign(map.edges[0], { label: 'warm hand-off', confidence: 0.9, notes: 'x' });
  Object.assign(map.edges[3], { notes: '-10% cut' });
  map.positions.P2 = { x: -12.5, y: 3e-7 };
  return map;
}
