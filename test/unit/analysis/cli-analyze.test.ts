import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { DEMO_PATH } from '../../support/demo/build-demo.ts';
import { memoryIo } from '../../support/memory-io.ts';

const demoText = readFileSync(DEMO_PATH, 'utf8');

describe('cli analyze', () => {
  it('--json prints the SPEC shape with the demo’s planted problems', async () => {
    const { io, stdout } = memoryIo({ 'demo.json': demoText });
    expect(await main(['analyze', 'demo.json', '--json'], io)).toBe(0);
    const report = JSON.parse(stdout());
    expect(Object.keys(report)).toEqual(['gaps', 'brokenPathways', 'redundancies', 'structure']);
    expect(report.gaps).toContainEqual({ kind: 'coverage', stage: 'early-childhood', area: 'south-side' });
    expect(report.gaps).toContainEqual({ kind: 'coverage', stage: 'k12', area: 'downtown', population: 'vietnamese-speaking' });
    expect(report.gaps).toContainEqual({ kind: 'transition', from: 'postsecondary', to: 'workforce', area: 'south-side' });
    expect(report.brokenPathways).toContainEqual(expect.objectContaining({ kind: 'referral-to-inactive', node: 'ss-childcare' }));
    expect(report.brokenPathways).toContainEqual({ kind: 'dead-end', node: 'teen-parents' });
    expect(report.brokenPathways).toContainEqual({ kind: 'unreachable', node: 'digital-seniors' });
    expect(report.redundancies).toContainEqual(expect.objectContaining({ programs: ['bgc-power-hour', 'ymca-homework'], similarity: 1 }));
    for (const key of ['betweenness', 'degree', 'pagerank', 'communities']) expect(Object.keys(report.structure[key])).toHaveLength(115);
  });

  it('prints a readable summary with sentences', async () => {
    const { io, stdout } = memoryIo({ 'demo.json': demoText });
    expect(await main(['analyze', 'demo.json'], io)).toBe(0);
    expect(stdout()).toContain('No open program serves early childhood in South Side.');
    expect(stdout()).toMatch(/Top brokers: Harbor Thrives Partnership/);
    // The most important problems first, each with the people it affects.
    expect(stdout()).toMatch(/Most important \(by people affected a year\) \(\d+\)\n  • No working referral carries people from prenatal & birth to early childhood in South Side\.\n      ≈ [\d,]+ people a year/);
  });

  it('exits 1 naming the file and place for an invalid map', async () => {
    const { io, stderr } = memoryIo({ 'bad.json': '{"format":"pathways-map","version":1,"meta":{"title":"x"},"nodes":[],"edges":[{"id":"e","type":"referral","source":"a","target":"b"}]}' });
    expect(await main(['analyze', 'bad.json'], io)).toBe(1);
    expect(stderr()).toContain('bad.json: edges[0].source: no node "a"');
  });
});
