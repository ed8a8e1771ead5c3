// `window.pathways` calls for versions and history (issue 17), merged into the scripting API.
import { historyOf, type ChangeEntry } from '../../model/attribution.ts';
import type { MapDiff } from '../../history/diff.ts';
import type { Studio } from '../state/studio.svelte.ts';
import { HistoryState, NOW } from './history.svelte.ts';

export interface HistoryApi {
  /** Takes a named version of the map as it is now; returns its id. */
  takeVersion(label: string): string;
  /** The versions the map keeps, oldest first. */
  versions(): { id: string; label: string; at: string; by?: string; stored: 'content' | 'changes' }[];
  /** Shows a version read-only on the canvas, insights and simulation (null: back to now). */
  viewVersion(id: string | null): void;
  /** Compares two versions ('now' for the live map), draws it on the canvas; the SPEC's `diff --json` shape. */
  compare(from: string, to?: string): Promise<MapDiff | null>;
  /** Restores a version as one undoable change; returns how many elements changed. */
  restoreVersion(id: string): number;
  /** An element's recorded changes, newest first. */
  changesOf(id: string): ChangeEntry[];
  /** Selects what a person changed that is still on the map; returns how many. */
  selectChangesBy(name: string): number;
}

export function historyApi(studio: () => Studio): HistoryApi {
  const history = (): HistoryState => {
    const state = studio().history;
    // The studio holds its history through a narrow interface; the full API needs the state itself.
    if (!(state instanceof HistoryState)) throw new Error('The history is not ready');
    return state;
  };
  return {
    takeVersion: (label) => history().take(label),
    versions: () => history().versions.map((v) => ({ ...v })),
    viewVersion: (id) => history().view(id),
    compare: async (from, to = NOW) => structuredClone((await history().compare(from, to))?.diff ?? null),
    restoreVersion: (id) => history().restore(id),
    changesOf: (id) => historyOf(studio().doc, studio().edgesById.has(id) ? `edge:${id}` : `node:${id}`),
    selectChangesBy: (name) => history().selectChangesBy(name),
  };
}
