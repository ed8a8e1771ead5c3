// The named versions a doc or a file holds, as stored: each entry checked against the schema, the
// chain of bases checked for holes and loops. Rebuilding a version's content is src/history/versions.ts.
import type * as Y from 'yjs';
import { LIMITS } from './constants.ts';
import { mapRoots } from './doc.ts';
import type { MapVersion, Problem } from './types.ts';

/** Oldest first; ties (two peers in the same millisecond) broken by id so every replica agrees. */
export function byTime(a: MapVersion, b: MapVersion): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const shortText = (value: unknown, max: number) => typeof value === 'string' && value.length <= max && !/[<>]/.test(value);

/** What the list shows is checked here (a peer may write anything); the content when it is rebuilt. */
export function looksLikeVersion(value: unknown, key: string): value is MapVersion {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    v.id === key &&
    shortText(v.label, LIMITS.labelLength) && (v.label as string).length > 0 &&
    shortText(v.at, 40) &&
    (v.by === undefined || shortText(v.by, LIMITS.labelLength)) &&
    ((typeof v.base === 'string' && !!v.changes && typeof v.changes === 'object') || (!!v.content && typeof v.content === 'object'))
  );
}

/** The versions the doc holds, oldest first. Entries a peer wrote malformed are left out (never thrown). */
export function storedVersions(doc: Y.Doc): MapVersion[] {
  const versions: MapVersion[] = [];
  for (const [key, value] of mapRoots(doc).versions.entries()) if (looksLikeVersion(value, key)) versions.push(value);
  return versions.sort(byTime);
}

/** Rules across versions: unique ids, each base present, no loop of bases. */
export function versionChainProblems(versions: MapVersion[]): Problem[] {
  const problems: Problem[] = [];
  const index = new Map<string, number>();
  versions.forEach((v, i) => {
    if (index.has(v.id)) problems.push({ path: `versions[${i}].id`, message: `duplicate id "${v.id}" (also versions[${index.get(v.id)}])` });
    else index.set(v.id, i);
  });
  const byId = new Map(versions.map((v) => [v.id, v]));
  versions.forEach((v, i) => {
    if (v.base === undefined) return;
    if (!byId.has(v.base)) {
      problems.push({ path: `versions[${i}].base`, message: `no version "${v.base}"` });
      return;
    }
    const seen = new Set([v.id]);
    for (let at = byId.get(v.base); at?.base !== undefined; at = byId.get(at.base)) {
      if (seen.has(at.id)) {
        problems.push({ path: `versions[${i}].base`, message: 'the versions\' bases form a loop' });
        break;
      }
      seen.add(at.id);
    }
  });
  return problems;
}
