// `npm run gen:schema`: the map's JSON Schema as a real file (public/schema/pathways-map.v1.schema.json),
// and its validators compiled ahead of time with Ajv's standalone code (src/model/schema-validators.generated.ts),
// so the studio never compiles code at run time and runs under a CSP without 'unsafe-eval'.
// test/unit/model/generated-schema.test.ts fails when either file is stale against src/model/schema.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedSchemaFiles } from './schema-files.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const [path, text] of Object.entries(generatedSchemaFiles())) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  console.log(`wrote ${path}`);
}
