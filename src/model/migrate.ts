// Files from older versions are migrated step by step to the current one before validation.
// Add a step as `MIGRATIONS[n] = (file) => fileOfVersionNPlusOne` when the format changes.
import { MAP_FORMAT, MAP_VERSION } from './constants.ts';
import type { Problem } from './types.ts';

export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

/** version n → n + 1. Empty while version 1 is the only version. */
const MIGRATIONS: Record<number, Migration> = {};

/** `migrations` and `current` are parameters so the stepping itself can be tested before version 2 exists. */
export function migrateMap(input: unknown, migrations: Record<number, Migration> = MIGRATIONS, current: number = MAP_VERSION): { value: unknown; problems: Problem[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { value: input, problems: [{ path: '', message: 'not a pathways-map file (expected a JSON object)' }] };
  }
  let file = input as Record<string, unknown>;
  if (file.format !== MAP_FORMAT) {
    const format = file.format === undefined ? 'no "format" field' : `format: ${JSON.stringify(file.format)}`;
    return { value: input, problems: [{ path: 'format', message: `not a pathways-map file (${format})` }] };
  }
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { value: input, problems: [{ path: 'version', message: `unknown version ${JSON.stringify(version)}` }] };
  }
  if (version > current) {
    return {
      value: input,
      problems: [{ path: 'version', message: `version ${version} was made by a newer Pathways Studio (this one reads up to ${current})` }],
    };
  }
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (!step) return { value: input, problems: [{ path: 'version', message: `no migration from version ${v}` }] };
    file = step(file);
  }
  return { value: file, problems: [] };
}
