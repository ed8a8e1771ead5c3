// The precompiled validators and the published JSON Schema are generated from src/model/schema.ts
// (`npm run gen:schema`); this fails when either checked-in file is stale.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedSchemaFiles, SCHEMA_FILE, VALIDATORS_FILE } from '../../../scripts/schema-files.ts';
import { pathwaysMapSchema } from '../../../src/model/schema.ts';
import { validateMap } from '../../../src/model/validate.ts';
import { smallMap } from '../../fixtures/small-map.ts';

const root = join(import.meta.dirname ?? __dirname, '..', '..', '..');

describe('generated schema files', () => {
  it.each([SCHEMA_FILE, VALIDATORS_FILE])('%s is up to date with src/model/schema.ts (run `npm run gen:schema`)', (path) => {
    expect(readFileSync(join(root, path), 'utf8') === generatedSchemaFiles()[path]).toBe(true);
  });

  it('publishes the schema the model validates with', () => {
    expect(JSON.parse(readFileSync(join(root, SCHEMA_FILE), 'utf8'))).toEqual(pathwaysMapSchema);
  });

  it('the precompiled validators accept a good map and name what is wrong in a bad one', () => {
    expect(validateMap(smallMap()).problems).toEqual([]);
    const bad = { ...smallMap(), meta: { title: 7 } };
    expect(validateMap(bad).problems.map((p) => p.path)).toContain('meta.title');
  });

  it('compiles nothing at run time (no Ajv instance in the studio code)', () => {
    expect(readFileSync(join(root, 'src/model/validate.ts'), 'utf8')).not.toMatch(/new Ajv|\.compile\(/);
  });
});
