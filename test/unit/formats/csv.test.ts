// The spreadsheet importer on its fixtures and on bad input: each problem names file, row and column.
import { describe, expect, it } from 'vitest';
import { importCsv, needsMapping, suggestMapping } from '../../../src/formats/csv.ts';
import { importFiles } from '../../../src/formats/index.ts';
import { problemLine } from '../../../src/formats/common.ts';
import { fixture, text } from './helpers.ts';

const ELEMENTS = 'Label,Type\nHome Visits,program\nStory Time,program\n';

describe('csv import (Kumu convention plus our columns)', () => {
  it('reads an elements + connections pair: labels as ids, organizations, lists, numbers, yes/no', () => {
    const result = importFiles([fixture('town-elements.csv'), fixture('town-connections.csv')]);
    expect(result.format).toBe('csv');
    expect(result.problems).toEqual([]);
    const map = result.map!;
    expect(map.meta.title).toBe('town');
    const homeVisits = map.nodes.find((n) => n.label === 'Home Visits')!;
    expect(homeVisits).toEqual({
      id: 'home-visits', label: 'Home Visits', type: 'program', description: 'Nurse visits for new parents', organization: 'harbor-family-center',
      lifeStages: ['prenatal-birth', 'early-childhood'], domains: ['health'], capacity: 120, status: 'active', entryPoint: true,
    });
    expect(map.nodes.find((n) => n.id === 'harbor-family-center')).toMatchObject({ type: 'organization', tags: ['family', 'health'], description: 'Runs home visits, and a clinic' });
    expect(map.nodes.find((n) => n.id === 'kindergarten-readiness')!.description).toBe('Summer "bridge" program');
    expect(map.edges.map((e) => [e.type, e.source, e.target])).toEqual([
      ['referral', 'home-visits', 'story-time'],
      ['referral', 'story-time', 'kindergarten-readiness'],
      ['partnership', 'harbor-family-center', 'eastside-library'],
    ]);
    expect(map.edges[0]).toMatchObject({ status: 'active', volume: 40 });
  });

  it('skips a connection to a missing element with a warning naming file, row and column; the rest imports', () => {
    const result = importCsv([text('people.csv', ELEMENTS), text('ties.csv', 'From,To\nHome Visits,Story Time\nJon,Story Time\n')]);
    expect(result.problems).toEqual([]);
    expect(result.map!.edges.map((e) => [e.source, e.target])).toEqual([['home-visits', 'story-time']]);
    expect(result.warnings.map(problemLine)).toEqual(['ties.csv row 3, column "From": no element "Jon"; the connection is skipped']);
    expect(result.warnings[0].kind).toBe('dangling-reference');
  });

  it('reads UTF-16 text by its byte-order mark (Excel\'s "Unicode text"), and refuses binary bytes by name', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('Label,Capacity\r\nCafé,12\r\n').flatMap((c) => [c.charCodeAt(0), 0])]);
    const map = importCsv([{ name: 'u.csv', bytes: utf16 }]).map!;
    expect(map.nodes[0]).toMatchObject({ label: 'Café', capacity: 12 });
    const png = importCsv([{ name: 'photo.csv', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) }]);
    expect(png.problems.map(problemLine)).toEqual(['photo.csv: is binary, not text (an image, a spreadsheet workbook or a compressed file?); save it as CSV or JSON']);
  });

  it('Kumu-style sheets: a column whose every value is a number reads as numbers; codes with leading zeros and mixed columns stay text', () => {
    const sheet = 'Label,Budget,Zip,Rank,Note\nA,1200,02134,1,x\nB,-3.5e2,10001,,\nC,,,2nd,7\n';
    const map = importCsv([text('k.csv', sheet)]).map!;
    expect(map.nodes.map((n) => [n.label, (n as Record<string, unknown>).Budget, (n as Record<string, unknown>).Zip, (n as Record<string, unknown>).Rank])).toEqual([
      ['A', 1200, '02134', '1'], ['B', -350, '10001', undefined], ['C', undefined, undefined, '2nd'],
    ]);
  });

  it('beside a Label column, a "name" column is a field of its own, not a second label', () => {
    expect(suggestMapping(['name', 'Label', 'title'], 'elements')).toEqual({ name: 'extra', Label: 'label', title: 'extra' });
    const map = importCsv([text('k.csv', 'name,Label\nLegal name,Shown\n')]).map!;
    expect(map.nodes[0]).toMatchObject({ label: 'Shown', name: 'Legal name' });
  });

  it('refuses a sheet without Label or From, and non-numbers; a repeated id is skipped with a warning (duplicate-ids.test.ts)', () => {
    expect(importCsv([text('a.csv', 'Name2,Kind\nx,y\n')]).problems.map(problemLine)).toEqual(['a.csv: has no "Label" column (nor "ID"): map one of its columns to Label']);
    expect(importCsv([text('p.csv', ELEMENTS), text('c.csv', 'To,Type\nStory Time,referral\n')]).problems.map(problemLine)).toEqual(['c.csv: has no "From" column']);
    const dup = importCsv([text('p.csv', 'ID,Label,Capacity\nA,One,10\nA,Two,lots\n')]);
    expect(dup.problems.map(problemLine)).toEqual(['p.csv row 3, column "Capacity": "lots" is not a number']);
    expect(dup.warnings.map(problemLine)).toEqual(['p.csv row 3, column "ID": skipped: the id "A" is used by an earlier row (p.csv row 2)']);
  });

  it('reports an unbalanced quote with its row', () => {
    const result = importCsv([text('q.csv', 'Label,Description\nA,fine\nB,"never closed\nC,x\n')]);
    expect(result.map).toBeNull();
    expect(result.problems[0].path).toBe('q.csv row 3');
    expect(result.problems[0].message).toMatch(/never closed/);
  });

  it('names the field when a value is not one of ours (validateMap problems carry the row)', () => {
    const result = importCsv([text('p.csv', 'Label,Type,Status\nA,program,sometimes\n')]);
    expect(result.problems.map(problemLine)).toEqual(['p.csv row 2 (element "a", status): "sometimes" is not one of: active, waitlist, paused, closed']);
  });

  it('reads a UTF-8 BOM, Windows line ends and Latin-1 text (with a warning)', () => {
    const bom = importCsv([text('bom.csv', '\uFEFFLabel,Type\r\nCafé,organization\r\n')]);
    expect(bom.map!.nodes[0]).toEqual({ id: 'cafe', label: 'Café', type: 'organization' });
    expect(bom.warnings).toEqual([]);
    const latin1 = importCsv([{ name: 'latin.csv', bytes: new Uint8Array([...new TextEncoder().encode('Label\nCaf'), 0xe9, 0x0a]) }]);
    expect(latin1.map!.nodes[0].label).toBe('Café');
    expect(latin1.warnings.map(problemLine)).toEqual(['latin.csv: is not valid UTF-8; read as Latin-1 (windows-1252) — check accented letters']);
  });

  it('refuses empty files and files over the size limit with a clear message', () => {
    expect(importCsv([text('empty.csv', '  \n')]).problems.map(problemLine)).toEqual(['empty.csv: the file is empty']);
    const huge = { name: 'huge.csv', bytes: new Uint8Array(100 * 1024 * 1024) };
    expect(importFiles([huge]).problems.map(problemLine)).toEqual(['huge.csv: the file is 100.0 MB; the import limit is 50 MB']);
    // The browser does not read a file over the limit; it passes the size alone.
    const unread = { name: 'big.zip', bytes: new Uint8Array(0), size: 120 * 1024 * 1024 };
    expect(importFiles([unread]).problems.map(problemLine)).toEqual(['big.zip: the file is 120.0 MB; the import limit is 50 MB']);
  });

  it('maps foreign headers through a column mapping; unmapped ones are kept as extra fields', () => {
    const agencies = fixture('agencies.csv');
    expect(needsMapping(['Agency Name', 'What they do', 'Category', 'Phone'], 'elements')).toBe(true);
    expect(suggestMapping(['Name', 'Notes'], 'elements')).toEqual({ Name: 'label', Notes: 'description' });
    const result = importCsv([agencies], { mappings: { 'agencies.csv': { 'Agency Name': 'label', 'What they do': 'description', Category: 'type', Phone: 'extra' } } });
    expect(result.map!.nodes[0]).toEqual({ id: 'harbor-family-center', label: 'Harbor Family Center', type: 'organization', description: 'Home visits', Phone: '555-0100' });
    const ignored = importCsv([agencies], { mappings: { 'agencies.csv': { 'Agency Name': 'label', 'What they do': 'ignore', Category: 'ignore', Phone: 'ignore' } } });
    expect(ignored.map!.nodes[1]).toEqual({ id: 'eastside-library', label: 'Eastside Library', type: 'organization' });
  });

  it('keeps Kumu types that are not ours, with a warning, and infers the tie type from its ends', () => {
    const result = importCsv([text('e.csv', 'Label,Type\nCity Fund,Funder\nClinic,Service\n'), text('c.csv', 'From,To,Type\nCity Fund,Clinic,Money\n')]);
    expect(result.map!.nodes[0]).toEqual({ id: 'city-fund', label: 'City Fund', type: 'organization', elementType: 'Funder' });
    expect(result.map!.edges[0]).toMatchObject({ type: 'funding', connectionType: 'Money' });
    expect(result.warnings.map(problemLine)).toContain('Type "Funder": is not one of ours; imported as organization (the original is kept as elementType)');
  });
});
