import { describe, expect, it } from 'vitest';
import { formatProblems, parseMapText, validateMap } from '../../../src/model/validate.ts';
import { smallMap } from '../../fixtures/small-map.ts';

const messages = (input: unknown) => validateMap(input).problems.map((p) => `${p.path}: ${p.message}`);

describe('validateMap', () => {
  it('accepts a valid map and keeps unknown fields', () => {
    const { map, problems } = validateMap(smallMap());
    expect(problems).toEqual([]);
    expect(map?.nodes[0].customField).toBe('kept');
    expect(map?.$extraTopLevel).toEqual({ note: 'kept too' });
  });

  it('rejects another format and a newer version with a clear reason', () => {
    expect(messages({ format: 'kumu', version: 1 })).toEqual(['format: not a pathways-map file (format: "kumu")']);
    expect(messages({ ...smallMap(), version: 2 })[0]).toMatch(/^version: version 2 was made by a newer Pathways Studio/);
    expect(messages([1, 2])[0]).toMatch(/expected a JSON object/);
  });

  it('names duplicate ids and dangling endpoints by their path', () => {
    const map = smallMap();
    map.nodes.push({ id: 'P2', type: 'program', label: 'Copy' });
    map.edges.push({ id: 'E9', type: 'referral', source: 'P1', target: 'P99' });
    expect(messages(map)).toEqual(['nodes[5].id: duplicate id "P2" (also nodes[3])', 'edges[4].target: no node "P99"']);
  });

  it('reports an edge of an unknown type between existing nodes instead of crashing (bug fix)', () => {
    const map = smallMap() as any;
    map.edges.push({ id: 'E8', type: 'friendship', source: 'P1', target: 'P2' });
    expect(messages(map)).toEqual(['edges[4].type: "friendship" is not one of: referral, partnership, funding, data-sharing']);
  });

  it('names wrong field types, enums, ranges and endpoint kinds', () => {
    const map = smallMap() as any;
    map.nodes[2].capacity = 'lots';
    map.nodes[3].status = 'open';
    map.edges[0].handoffRate = 1.5;
    map.edges[2].target = 'P1';
    const found = messages(map);
    expect(found).toContain('nodes[2].capacity: must be a number, not "lots"');
    expect(found).toContain('nodes[3].status: "open" is not one of: active, waitlist, paused, closed');
    expect(found).toContain('edges[0].handoffRate: must be at most 1, not 1.5');
    expect(found).toContain('edges[2].target: "P1" is a program; a partnership joins two organizations');
  });

  it('reports every problem, not just the first', () => {
    const map = smallMap() as any;
    map.nodes[0].label = 'x'.repeat(10_000);
    map.nodes[1].label = '<img src=x onerror=alert(1)>';
    map.edges[1].source = 'nowhere';
    const found = messages(map);
    expect(found).toContain('nodes[0].label: is 10000 characters long; the limit is 200');
    expect(found).toContain('nodes[1].label: must not contain markup (< or >)');
    expect(found).toContain('edges[1].source: no node "nowhere"');
  });

  it('warns about references to areas the map does not define, without rejecting', () => {
    const map = smallMap();
    (map.nodes[2] as any).areas = ['west'];
    const result = validateMap(map);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([{ path: 'nodes[2].areas[0]', message: 'the map has no area "west"' }]);
  });
});

describe('parseMapText', () => {
  it('gives line and column for JSON syntax errors', () => {
    const { problems } = parseMapText('{\n  "format": "pathways-map",\n  oops\n}', 'broken.json');
    expect(formatProblems(problems, 'broken.json')).toMatch(/^broken\.json: not JSON \(line 3, column 3/);
  });

  it('strips a byte-order mark and refuses empty and oversized text', () => {
    expect(parseMapText('\ufeff' + JSON.stringify(smallMap())).problems).toEqual([]);
    expect(parseMapText('  ').problems[0].message).toBe('the file is empty');
    const big = ' '.repeat(21 * 1024 * 1024);
    expect(parseMapText(big).problems[0].message).toMatch(/^the file is 21\.0 MB; the limit is 20 MB/);
  });
});
