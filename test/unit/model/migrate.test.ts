import { describe, expect, it } from 'vitest';
import { migrateMap, type Migration } from '../../../src/model/migrate.ts';
import { validateMap } from '../../../src/model/validate.ts';
import { smallMap } from '../../fixtures/small-map.ts';

describe('file migrations', () => {
  it('passes a current file through unchanged', () => {
    const map = smallMap();
    expect(migrateMap(map)).toEqual({ value: map, problems: [] });
  });

  it('steps an old file through every migration in order', () => {
    const steps: Record<number, Migration> = {
      1: (file) => ({ ...file, version: 2, trail: ['1→2'] }),
      2: (file) => ({ ...file, version: 3, trail: [...(file.trail as string[]), '2→3'] }),
    };
    const { value, problems } = migrateMap({ format: 'pathways-map', version: 1 }, steps, 3);
    expect(problems).toEqual([]);
    expect(value).toEqual({ format: 'pathways-map', version: 3, trail: ['1→2', '2→3'] });
  });

  it('names a missing step, a newer file, a bad version and a file that is not a map', () => {
    expect(migrateMap({ format: 'pathways-map', version: 1 }, {}, 2).problems).toEqual([{ path: 'version', message: 'no migration from version 1' }]);
    expect(migrateMap({ format: 'pathways-map', version: 9 }).problems[0].message).toMatch(/version 9 was made by a newer Pathways Studio \(this one reads up to 1\)/);
    expect(migrateMap({ format: 'pathways-map', version: 0 }).problems[0]).toMatchObject({ path: 'version' });
    expect(migrateMap({ format: 'kumu' }).problems[0]).toMatchObject({ path: 'format', message: 'not a pathways-map file (format: "kumu")' });
    expect(migrateMap([1, 2]).problems[0].message).toMatch(/expected a JSON object/);
  });

  it('is the first gate of validation: a newer file is refused with that reason', () => {
    const { map, problems } = validateMap({ ...smallMap(), version: 2 });
    expect(map).toBeNull();
    expect(problems[0].message).toMatch(/newer Pathways Studio/);
  });
});
