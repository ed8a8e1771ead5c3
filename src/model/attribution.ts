// Who changed what: each change to a node or an edge, with the name of the person who made it and when,
// kept in the document (root `changes`) so it reaches every peer, the relay and the browser's storage.
// One flat Y.Map keyed `<element>\u0000<client>\u0000<slot>`: each replica writes its own keys, so two peers
// recording at once never overwrite each other, and reuses its own slots (at most CHANGES_PER_ELEMENT per
// element): Yjs keeps a removed entry's key forever when no later entry has the same key, so fresh keys
// for every change made the document grow ~70 bytes per edit (10,000 edits: 0.7 MB on a 0.1 MB map).
import type * as Y from 'yjs';
import { mapRoots } from './doc.ts';
import { LIMITS } from './constants.ts';

/** Entries kept per element: the newest; older ones are dropped by whoever records the next. */
export const CHANGES_PER_ELEMENT = 20;
/** A change to fields of one element that the same person changed within this time is not recorded again (the entry keeps the first time). */
export const SAME_CHANGE_WITHIN_MS = 60_000;
const SEPARATOR = '\u0000';
const ACTIONS = ['added', 'changed', 'removed', 'restored'] as const;

export type ChangeAction = (typeof ACTIONS)[number];
/** `node:<id>` or `edge:<id>`. */
export type ElementKey = `${'node' | 'edge'}:${string}`;

export interface ChangeEntry {
  by: string;
  /** ISO 8601. */
  at: string;
  action: ChangeAction;
  /** The fields a `changed` entry touched. */
  fields?: string[];
  /** What a `restored` entry restored (a version's label). */
  version?: string;
}

export interface RecordedChange {
  element: ElementKey;
  action: ChangeAction;
  fields?: string[];
  version?: string;
}

const editorsByDoc = new WeakMap<Y.Doc, () => string>();

/** Tells the model whose edits these are: the studio passes the person's name in the room. */
export function setEditor(doc: Y.Doc, name: () => string): void {
  editorsByDoc.set(doc, name);
}

export function editorName(doc: Y.Doc): string {
  const name = editorsByDoc.get(doc)?.() ?? '';
  return name.trim().slice(0, LIMITS.labelLength) || 'Someone';
}

/**
 * Keys of each element's entries, kept in step with the root by observing it (peers prune too). One per
 * `changes` root: each content of the doc (a loaded map) has its own.
 */
const indexes = new WeakMap<object, Map<string, Set<string>>>();

/** The element a key records (also the older `<element>\u0000<random>` keys). */
function elementOf(key: string): string {
  const at = key.indexOf(SEPARATOR);
  return at < 0 ? key : key.slice(0, at);
}

function indexOf(doc: Y.Doc): Map<string, Set<string>> {
  const root = mapRoots(doc).changes;
  let index = indexes.get(root);
  if (index) return index;
  const built = new Map<string, Set<string>>();
  const add = (key: string) => {
    const element = elementOf(key);
    built.set(element, (built.get(element) ?? new Set()).add(key));
  };
  for (const key of root.keys()) add(key);
  root.observe((event) => {
    for (const [key, change] of event.changes.keys) {
      if (change.action === 'delete') built.get(elementOf(key))?.delete(key);
      else add(key);
    }
  });
  indexes.set(root, (index = built));
  return index;
}

/** `keys`, their entries oldest first. */
function oldestFirst(root: Y.Map<unknown>, keys: Iterable<string>): string[] {
  const at = (key: string) => String((root.get(key) as ChangeEntry | undefined)?.at);
  return [...keys].sort((a, b) => at(a).localeCompare(at(b)));
}

/** This replica's entries (`mine`) already say `by` changed each of these fields, less than a minute ago. */
function alreadyRecorded(root: Y.Map<unknown>, mine: string[], by: string, at: string, fields: string[]): boolean {
  const recent = new Set<string>();
  for (const key of mine) {
    const entry = root.get(key) as ChangeEntry | undefined;
    if (!entry || entry.by !== by || entry.action !== 'changed' || !Array.isArray(entry.fields) || typeof entry.at !== 'string') continue;
    const since = Date.parse(at) - Date.parse(entry.at);
    if (since >= 0 && since < SAME_CHANGE_WITHIN_MS) for (const field of entry.fields) recent.add(field);
  }
  return fields.length > 0 && fields.every((field) => recent.has(field));
}

/** This replica's key (prefix `own`) for an element's next entry: a free slot, or the slot of its own oldest entry. */
function nextKey(root: Y.Map<unknown>, own: string, mine: string[]): string {
  if (mine.length < CHANGES_PER_ELEMENT) {
    const used = new Set(mine);
    for (let slot = 0; ; slot++) if (!used.has(`${own}${slot}`)) return `${own}${slot}`;
  }
  return oldestFirst(root, mine)[0];
}

/** Records changes by this doc's editor. Call inside the transaction of the change itself. */
export function recordChanges(doc: Y.Doc, changes: RecordedChange[], at = new Date().toISOString()): void {
  if (!changes.length) return;
  const root = mapRoots(doc).changes;
  const index = indexOf(doc);
  const by = editorName(doc);
  for (const { element, action, fields, version } of changes) {
    const own = `${element}${SEPARATOR}${doc.clientID}${SEPARATOR}`;
    const mine = [...(index.get(element) ?? [])].filter((key) => key.startsWith(own));
    // Typing in a field, a drag of a slider: one entry, not one per keystroke (each would stay in the document).
    if (action === 'changed' && alreadyRecorded(root, mine, by, at, fields ?? [])) continue;
    const entry: ChangeEntry = { by, at, action, ...(fields?.length ? { fields } : {}), ...(version ? { version } : {}) };
    const key = nextKey(root, own, mine);
    root.set(key, entry);
    // The observer runs after the transaction; keep the index right within it too.
    index.set(element, (index.get(element) ?? new Set()).add(key));
    const keys = index.get(element)!;
    if (keys.size <= CHANGES_PER_ELEMENT) continue;
    for (const old of oldestFirst(root, keys).slice(0, keys.size - CHANGES_PER_ELEMENT)) {
      root.delete(old);
      keys.delete(old);
    }
  }
}

function readEntry(value: unknown): ChangeEntry | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.by !== 'string' || typeof v.at !== 'string' || !(ACTIONS as readonly unknown[]).includes(v.action)) return null;
  const fields = Array.isArray(v.fields) ? v.fields.filter((f): f is string => typeof f === 'string').slice(0, LIMITS.listLength) : undefined;
  return {
    by: v.by.slice(0, LIMITS.labelLength),
    at: v.at.slice(0, 40),
    action: v.action as ChangeAction,
    ...(fields?.length ? { fields } : {}),
    ...(typeof v.version === 'string' ? { version: v.version.slice(0, LIMITS.labelLength) } : {}),
  };
}

/** An element's history, newest first. Entries a peer wrote malformed are skipped. */
export function historyOf(doc: Y.Doc, element: ElementKey): ChangeEntry[] {
  const root = mapRoots(doc).changes;
  const entries = [...(indexOf(doc).get(element) ?? [])].map((key) => readEntry(root.get(key))).filter((e): e is ChangeEntry => !!e);
  return entries.sort((a, b) => b.at.localeCompare(a.at));
}

/** Everyone who has changed something (between two ISO times, when given), with how many changes each. */
export function editors(doc: Y.Doc, between?: { from?: string; to?: string }): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of mapRoots(doc).changes.values()) {
    const entry = readEntry(value);
    if (!entry || (between?.from && entry.at < between.from) || (between?.to && entry.at > between.to)) continue;
    counts.set(entry.by, (counts.get(entry.by) ?? 0) + 1);
  }
  return counts;
}

/** The elements a person has changed (added, edited, restored), for "changes by this person". */
export function elementsChangedBy(doc: Y.Doc, name: string): ElementKey[] {
  const elements = new Set<ElementKey>();
  for (const [key, value] of mapRoots(doc).changes.entries()) {
    const entry = readEntry(value);
    if (entry?.by === name && entry.action !== 'removed') elements.add(elementOf(key) as ElementKey);
  }
  return [...elements];
}
