// `import` and `export` on the command line: summaries, problems with file/row/column, exit 1 and
// nothing written on bad input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeIo } from '../../../src/cli/io.ts';
import { main } from '../../../src/cli/main.ts';
import { countMap, IMPORT_LIMIT_BYTES } from '../../../src/formats/common.ts';
import { smallMap } from '../../fixtures/small-map.ts';
import { memoryIo } from '../../support/memory-io.ts';
import { FIXTURES } from './helpers.ts';

const read = (name: string) => readFileSync(join(FIXTURES, name));

describe('cli import / export', () => {
  it('imports a CSV pair into a map file and prints the counts', async () => {
    const { io, written, stdout } = memoryIo({ 'e.csv': read('town-elements.csv'), 'c.csv': read('town-connections.csv') });
    expect(await main(['import', 'csv', 'e.csv', 'c.csv', '-o', 'town.json'], io)).toBe(0);
    expect(stdout()).toBe('town.json: 2 organizations, 3 programs, 3 ties');
    expect(JSON.parse(String(written['town.json'])).format).toBe('pathways-map');
  });

  it('exits 1 with every problem and writes nothing', async () => {
    const { io, written, stderr } = memoryIo({ 'e.csv': 'Label,Capacity\nA,lots\n', 'c.csv': 'From,To\nA,A\n' });
    expect(await main(['import', 'csv', 'e.csv', 'c.csv', '-o', 'out.json'], io)).toBe(1);
    expect(stderr().split('\n')).toEqual(['e.csv row 2, column "Capacity": "lots" is not a number', '1 problem; nothing written']);
    expect(written).toEqual({});
  });

  it('refuses a file over the limit before reading it', async () => {
    const { io, written, stderr } = memoryIo({ 'big.zip': new Uint8Array(IMPORT_LIMIT_BYTES + 1024 * 1024) });
    expect(await main(['import', 'hsds', 'big.zip', '-o', 'out.json'], io)).toBe(1);
    expect(stderr()).toBe('big.zip: the file is 51.0 MB; the limit is 50 MB');
    expect(written).toEqual({});
  });

  it('imports a folder as the set of its files (an HSDS directory)', async () => {
    const dir = join(FIXTURES, 'hsds11');
    const { io, written, stdout } = memoryIo();
    io.readFile = nodeIo.readFile;
    io.listFolder = nodeIo.listFolder;
    expect(await main(['import', 'hsds', dir, '-o', 'dir.json'], io)).toBe(0);
    const map = JSON.parse(String(written['dir.json']));
    expect(map.meta.title).toBe('hsds11');
    const counts = countMap(map);
    expect(stdout()).toMatch(new RegExp(`^dir.json: ${counts.organizations} organizations, ${counts.programs} programs, ${counts.ties} ties`));
    expect(counts.programs).toBeGreaterThan(0);
  });

  it('--strict refuses an import that has warnings, and names each', async () => {
    const graph = '<graphml><graph><node id="a"/><edge source="a" target="ghost"/></graph></graphml>';
    const { io, written, stderr } = memoryIo({ 'g.graphml': graph });
    expect(await main(['import', 'graphml', 'g.graphml', '-o', 'out.json', '--strict'], io)).toBe(1);
    expect(stderr().split('\n')).toEqual(['g.graphml edge 1: skipped: target "ghost" is not a node', '1 warning; refused (--strict); nothing written']);
    expect(written).toEqual({});
    expect(await main(['import', 'graphml', 'g.graphml', '-o', 'out.json'], io)).toBe(0);
    expect(JSON.parse(String(written['out.json'])).nodes).toHaveLength(1);
  });

  it('exports CSV as two files and GraphML as one; import of the export gives the map back', async () => {
    const { io, written, stdout } = memoryIo({ 'm.json': JSON.stringify(smallMap()) });
    expect(await main(['export', 'm.json', '--to', 'csv', '-o', 'out.csv'], io)).toBe(0);
    expect(stdout()).toBe('wrote out-elements.csv, out-connections.csv, out-map.csv');
    expect(String(written['out-map.csv']).split('\r\n')[1]).toBe('meta.title,"""Small town"""');
    expect(String(written['out-elements.csv']).split('\r\n')[0]).toMatch(/^ID,Label,Type,/);
    expect(await main(['export', 'm.json', '--to', 'graphml', '-o', 'm.graphml'], io)).toBe(0);
    expect(await main(['import', 'graphml', 'm.graphml', '-o', 'back.json'], io)).toBe(0);
    expect(JSON.parse(String(written['back.json']))).toEqual(smallMap());
  });

  it('names an unknown format and an invalid map', async () => {
    const { io, stderr } = memoryIo({ 'bad.json': '{"format":"pathways-map","version":1,"meta":{},"nodes":[],"edges":[]}' });
    expect(await main(['export', 'bad.json', '--to', 'xlsx', '-o', 'x'], io)).toBe(1);
    expect(stderr()).toMatch(/Unknown export format "xlsx"/);
    expect(await main(['export', 'bad.json', '--to', 'json', '-o', 'x'], io)).toBe(1);
    expect(stderr()).toMatch(/bad.json: meta.title: is required/);
  });
});
