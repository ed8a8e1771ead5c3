import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { smallMap } from '../../fixtures/small-map.ts';
import { memoryIo } from '../../support/memory-io.ts';

describe('cli validate', () => {
  it('prints a summary and exits 0 for a valid map', async () => {
    const { io, stdout } = memoryIo({ 'town.json': JSON.stringify(smallMap()) });
    expect(await main(['validate', 'town.json'], io)).toBe(0);
    expect(stdout()).toBe('town.json: valid: 2 organizations, 3 programs, 4 edges');
  });

  it('prints every problem with file and path and exits 1', async () => {
    const map = smallMap() as any;
    map.edges[0].target = 'P99';
    map.nodes[2].status = 'gone';
    const { io, stderr } = memoryIo({ 'bad.json': JSON.stringify(map) });
    expect(await main(['validate', 'bad.json'], io)).toBe(1);
    expect(stderr().split('\n')).toEqual([
      'bad.json: nodes[2].status: "gone" is not one of: active, waitlist, paused, closed',
      'bad.json: edges[0].target: no node "P99"',
      'bad.json: 2 problems',
    ]);
  });

  it('refuses unknown commands', async () => {
    const { io, stderr } = memoryIo();
    expect(await main(['frobnicate'], io)).toBe(1);
    expect(stderr()).toMatch(/Unknown command "frobnicate"/);
  });
});
