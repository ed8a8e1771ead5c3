// Named versions of the map (issue 17). Stored in the doc's `versions` root as plain JSON, never edited:
// the first version holds the whole content, each later one only its changes against the latest version
// its author had (a JSON delta), unless the changes are bigger than half the content. Why not Yjs
// snapshots: they need garbage collection off for the whole doc (every peer and the relay would keep
// every deleted value forever), and they cannot travel in the JSON map file; a delta does both.
import type * as Y from 'yjs';
import { LIMITS } from '../model/constants.ts';
import { ModelError, newId } from '../model/mutations.ts';
import { putVersion } from '../model/version-writes.ts';
import { projectSnapshot } from '../model/snapshot.ts';
import { byTime, storedVersions } from '../model/version-store.ts';
import { validateMap } from '../model/validate.ts';
import type { MapContent, MapVersion, PathwaysMap, Problem, VersionChanges } from '../model/types.ts';
import { editorName } from '../model/attribution.ts';
import { applyChanges, contentChanges, contentOf, mapOfContent } from './content.ts';

export { storedVersions } from '../model/version-store.ts';

export type Rebuilt = { map: PathwaysMap; problems?: undefined } | { map: null; problems: Problem[] };

/** Rebuilt contents by stored entry: entries are immutable, so identity is a safe key. */
const contents = new WeakMap<MapVersion, MapContent>();
const checked = new WeakMap<MapVersion, Rebuilt>();

function rebuildContent(versions: MapVersion[], version: MapVersion): MapContent | string {
  const byId = new Map(versions.map((v) => [v.id, v]));
  const chain: MapVersion[] = [];
  let at: MapVersion | undefined = version;
  // Bounded: at most one step per version, so a loop of bases a peer wrote cannot spin.
  while (at && !contents.has(at) && !at.content && chain.length <= versions.length) {
    chain.push(at);
    at = at.base !== undefined ? byId.get(at.base) : undefined;
  }
  if (!at) return `its base version "${chain[chain.length - 1]?.base}" is missing`;
  if (chain.length > versions.length) return 'its bases form a loop';
  let content = contents.get(at) ?? at.content!;
  contents.set(at, content);
  for (const step of chain.reverse()) {
    if (!step.changes || typeof step.changes !== 'object') return `version "${step.id}" holds neither content nor changes`;
    content = applyChanges(content, step.changes);
    contents.set(step, content);
  }
  return content;
}

/** The map as it was at `version`, validated like a file (a peer or a file may have written it). */
export function versionMap(versions: MapVersion[], version: MapVersion): Rebuilt {
  const cached = checked.get(version);
  if (cached) return cached;
  let result: Rebuilt;
  try {
    const content = rebuildContent(versions, version);
    if (typeof content === 'string') result = { map: null, problems: [{ path: `versions.${version.id}`, message: content }] };
    else {
      const { map, problems } = validateMap(structuredClone(mapOfContent(content)));
      result = map ? { map } : { map: null, problems };
    }
  } catch (error) {
    result = { map: null, problems: [{ path: `versions.${version.id}`, message: `cannot be rebuilt (${(error as Error).message})` }] };
  }
  checked.set(version, result);
  return result;
}

function checkLabel(label: string): string {
  const clean = label.replace(/\s+/g, ' ').trim();
  const problems: Problem[] = [];
  if (!clean) problems.push({ path: 'label', message: 'must not be empty' });
  if (clean.length > LIMITS.labelLength) problems.push({ path: 'label', message: `is ${clean.length} characters long; the limit is ${LIMITS.labelLength}` });
  if (/[<>]/.test(clean)) problems.push({ path: 'label', message: 'must not contain markup (< or >)' });
  if (problems.length) throw new ModelError(problems, 'version');
  return clean;
}

/** Stores changes rather than a copy when fewer than half the entries changed. */
function worthADelta(changes: VersionChanges, now: MapContent): boolean {
  const changed = (changes.nodes?.set?.length ?? 0) + (changes.nodes?.remove?.length ?? 0) + (changes.edges?.set?.length ?? 0) + (changes.edges?.remove?.length ?? 0);
  return changed * 2 < now.nodes.length + now.edges.length;
}

/**
 * Takes a named version of the map as it is now (`current`: the studio's snapshot, else projected from
 * the doc); returns its id. Every peer receives it. Entries are the snapshot's frozen objects: stored
 * as they are, never copied, never edited.
 */
export function takeVersion(doc: Y.Doc, label: string, options: { by?: string; at?: Date; current?: PathwaysMap } = {}): string {
  const clean = checkLabel(label);
  const versions = storedVersions(doc);
  if (versions.length >= LIMITS.versions) throw new ModelError([{ path: 'versions', message: `the map keeps at most ${LIMITS.versions} versions` }], 'version');
  const now = contentOf(options.current ?? projectSnapshot(doc).map);
  const id = newId('version');
  // Versions are listed by time: one taken in the same millisecond as the newest still lists after it.
  const newest = versions.length ? Date.parse(versions[versions.length - 1].at) : Number.NEGATIVE_INFINITY;
  const at = options.at ?? new Date(Math.max(Date.now(), Number.isFinite(newest) ? newest + 1 : 0));
  const entry: MapVersion = { id, label: clean, at: at.toISOString(), by: options.by ?? editorName(doc) };
  // Against the newest version that still rebuilds (whatever this replica has seen: peers may branch).
  for (const candidate of [...versions].reverse()) {
    // Validated once per entry (cached): a peer's malformed version is never built upon.
    if (!versionMap(versions, candidate).map) continue;
    const content = contents.get(candidate)!;
    const changes = contentChanges(content, now);
    if (worthADelta(changes, now)) Object.assign(entry, { base: candidate.id, changes });
    break;
  }
  if (!entry.changes) entry.content = now;
  putVersion(doc, entry);
  // What was just stored came from the validated snapshot: no need to rebuild or re-check it.
  contents.set(entry, now);
  checked.set(entry, { map: mapOfContent(now) });
  return id;
}

/** Every version with how it is stored, oldest first (for the History panel and `window.pathways.versions`). */
export function listVersions(doc: Y.Doc): { id: string; label: string; at: string; by?: string; stored: 'content' | 'changes' }[] {
  return storedVersions(doc).map((v) => ({ id: v.id, label: v.label, at: v.at, ...(v.by ? { by: v.by } : {}), stored: v.content ? 'content' : 'changes' }));
}

export function findVersion(doc: Y.Doc, id: string): { versions: MapVersion[]; version: MapVersion } {
  const versions = storedVersions(doc);
  const version = versions.find((v) => v.id === id);
  if (!version) throw new ModelError([{ path: 'version', message: `no version "${id}"` }], 'version');
  return { versions, version };
}

export { byTime };
