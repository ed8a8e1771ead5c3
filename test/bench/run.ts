// `npm run bench`: runs every test/bench/*.bench.ts in turn; each prints its own figures.
// Speed is measured here, never asserted in tests. Pass names to run a subset: `npm run bench -- analysis`.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
for (const file of files) {
  console.log(`\n## ${file.replace('.bench.ts', '')}`);
  const mod = await import(pathToFileURL(join(here, file)).href);
  await mod.default();
}
