// The map handed to a worker is written as JSON a few milliseconds per task: the text must be exactly
// what JSON.stringify writes, since the worker parses it as the map.
import { describe, expect, it } from 'vitest';
import { stringifyInSlices } from '../../../src/model/json-slices.ts';
import { syntheticMap } from '../../../src/model/synthetic.ts';
import { smallMap } from '../../fixtures/small-map.ts';

describe('JSON written in slices', () => {
  it('is the text JSON.stringify gives, for a county-size map and a small one', async () => {
    for (const map of [syntheticMap(1200), smallMap()]) expect(await stringifyInSlices(map, () => true, 0)).toBe(JSON.stringify(map));
  });

  it('leaves out what JSON.stringify leaves out, and writes holes and undefined items as null', async () => {
    const odd = { a: undefined, b: [1, undefined, () => 0, { c: undefined, d: 'é"\n' }], f: () => 1, g: { h: [undefined] }, i: [], j: null, k: 0 };
    expect(await stringifyInSlices(odd, () => true, 0)).toBe(JSON.stringify(odd));
    expect(await stringifyInSlices({}, () => true, 0)).toBe('{}');
  });

  it('stops when no longer wanted (a newer run took over)', async () => {
    let wanted = true;
    const writing = stringifyInSlices(syntheticMap(1200), () => wanted, 0);
    wanted = false;
    expect(await writing).toBeNull();
  });
});
