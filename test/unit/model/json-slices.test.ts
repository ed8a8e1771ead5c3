// The map handed to a worker is written as JSON a few milliseconds per task, in parts: joined, the parts must
// be exactly what JSON.stringify writes, since the worker parses them as the map.
import { describe, expect, it } from 'vitest';
import { writeJsonInSlices } from '../../../src/model/json-slices.ts';
import { syntheticMap } from '../../../src/model/synthetic.ts';
import { smallMap } from '../../fixtures/small-map.ts';

async function written(value: object, wanted = () => true): Promise<{ parts: string[]; whole: boolean }> {
  const parts: string[] = [];
  const whole = await writeJsonInSlices(value, (part) => parts.push(part), wanted, 0);
  return { parts, whole };
}

describe('JSON written in slices', () => {
  it('is the text JSON.stringify gives, for a county-size map (in many parts) and a small one', async () => {
    const county = syntheticMap(1200);
    const { parts, whole } = await written(county);
    expect(whole).toBe(true);
    expect(parts.join('')).toBe(JSON.stringify(county));
    // Parts of a bounded size, not one text: each is posted to the worker in a task of its own.
    expect(parts.length).toBeGreaterThan(5);
    expect(Math.max(...parts.map((part) => part.length))).toBeLessThan(JSON.stringify(county).length / 4);
    expect((await written(smallMap())).parts.join('')).toBe(JSON.stringify(smallMap()));
  });

  it('leaves out what JSON.stringify leaves out, and writes holes and undefined items as null', async () => {
    const odd = { a: undefined, b: [1, undefined, () => 0, { c: undefined, d: 'é"\n' }], f: () => 1, g: { h: [undefined] }, i: [], j: null, k: 0 };
    expect((await written(odd)).parts.join('')).toBe(JSON.stringify(odd));
    expect((await written({})).parts.join('')).toBe('{}');
    // A list whose length is a multiple of the part size, followed by another field.
    const even = { list: Array.from({ length: 1000 }, (_, i) => ({ i })), after: 'x', more: [1, 2] };
    expect((await written(even)).parts.join('')).toBe(JSON.stringify(even));
  });

  it('stops when no longer wanted (a newer run took over)', async () => {
    let wanted = true;
    const writing = written(syntheticMap(1200), () => wanted);
    wanted = false;
    expect((await writing).whole).toBe(false);
  });
});
