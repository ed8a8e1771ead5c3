// The History panel's state: the versions the map keeps, viewing one read-only, comparing two (in a
// worker), restoring, and who changed what. The model does the work (src/history); this only binds.
import type { MapDiff } from '../../history/diff.ts';
import { elementsChangedBy, editors, setEditor } from '../../model/attribution.ts';
import { restoreVersion } from '../../history/restore.ts';
import { findVersion, listVersions, takeVersion, versionMap } from '../../history/versions.ts';
import type * as Y from 'yjs';
import { isMapLoad, watchShownRoots } from '../../model/doc.ts';
import type { PathwaysMap } from '../../model/types.ts';
import { rememberedName } from '../state/identity.ts';
import type { ChangeHistory } from '../state/features.ts';
import type { Studio } from '../state/studio.svelte.ts';
import { CompareCancelled, CompareClient } from '../../workers-client/history.ts';
import { comparisonView } from './marks.ts';

/** A version id, or 'now' for the live map. */
export type Side = string;
export const NOW: Side = 'now';

export interface Comparison {
  from: Side;
  to: Side;
  before: PathwaysMap;
  after: PathwaysMap;
  diff: MapDiff;
}

export class HistoryState implements ChangeHistory {
  versions = $state.raw<ReturnType<typeof listVersions>>([]);
  /** Bumped when anyone's change is recorded (the inspector's History section re-reads). */
  changesRevision = $state(0);
  comparison = $state.raw<Comparison | null>(null);
  comparing = $state(false);
  /** "Ben restored “March”": a peer's restore, told to everyone in the room. */
  restoredBy = $state<string | null>(null);
  /** Map files brought in to compare (side id `file:<n>`), newest last. */
  files = $state.raw<{ id: Side; label: string; map: PathwaysMap }[]>([]);
  error = $state<string | null>(null);
  private readonly client = new CompareClient();
  private readonly stop: () => void;

  constructor(private readonly studio: Studio) {
    // Edits are signed with the name this browser uses in rooms (asked once, remembered).
    setEditor(studio.doc, rememberedName);
    const refreshVersions = (event?: { transaction: Y.Transaction }, loaded = isMapLoad(event?.transaction.origin)) => {
      this.versions = listVersions(studio.doc);
      // Another map was opened or loaded: what was shown or compared belongs to the old one.
      if (loaded) {
        this.comparison = null;
        studio.showPast(null);
      }
    };
    // The map shown is one content of the doc: a load (here or at a peer) shows another.
    this.stop = watchShownRoots(studio.doc, (roots, switched) => {
      const refreshChanges = (event: Y.YMapEvent<unknown>) => {
        this.changesRevision++;
        if (event.transaction.local) return;
        for (const [key, change] of event.changes.keys) {
          const entry = change.action === 'add' ? (roots.changes.get(key) as { by?: unknown; action?: unknown; version?: unknown } | undefined) : undefined;
          if (entry?.action === 'restored' && typeof entry.by === 'string' && typeof entry.version === 'string') {
            this.restoredBy = `${entry.by.slice(0, 80)} restored “${entry.version.slice(0, 200)}”`;
            break;
          }
        }
      };
      refreshVersions(switched ? { transaction: switched } : undefined, !!switched);
      if (switched) this.changesRevision++;
      const onVersions = (event: Y.YMapEvent<unknown>) => refreshVersions(event);
      roots.versions.observe(onVersions);
      roots.changes.observe(refreshChanges);
      return () => {
        roots.versions.unobserve(onVersions);
        roots.changes.unobserve(refreshChanges);
      };
    });
  }

  /** Adds a map file as a side to compare; returns its side id. */
  addFile(label: string, map: PathwaysMap): Side {
    const id = `file:${this.files.length + 1}`;
    this.files = [...this.files, { id, label, map }];
    return id;
  }

  label(side: Side): string {
    if (side === NOW) return 'Now';
    const file = this.files.find((f) => f.id === side);
    if (file) return file.label;
    return this.versions.find((v) => v.id === side)?.label ?? side;
  }

  /** The map at a version (validated), or the live map; throws with the problems if it cannot be rebuilt. */
  mapOf(side: Side): PathwaysMap {
    if (side === NOW) return this.studio.past ? liveMap(this.studio) : this.studio.snapshot.map;
    const file = this.files.find((f) => f.id === side);
    if (file) return file.map;
    const { versions, version } = findVersion(this.studio.doc, side);
    const rebuilt = versionMap(versions, version);
    if (!rebuilt.map) throw new Error(`“${version.label}” cannot be shown: ${rebuilt.problems.map((p) => p.message).join('; ')}`);
    return rebuilt.map;
  }

  take(label: string): string {
    return takeVersion(this.studio.doc, label, { current: liveMap(this.studio) });
  }

  /** Shows a version read-only (null or 'now': back to the live map). */
  view(side: Side | null): void {
    this.error = null;
    if (side === null || side === NOW) return this.studio.showPast(null);
    try {
      const version = this.versions.find((v) => v.id === side)!;
      this.studio.showPast({ title: version.label, at: version.at, map: this.mapOf(side) });
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  /** Compares two sides in the worker; `draw` shows the result on the canvas. */
  async compare(from: Side, to: Side, draw = true): Promise<Comparison | null> {
    this.error = null;
    this.comparing = true;
    try {
      const before = this.mapOf(from);
      const after = this.mapOf(to);
      // Versions never change: the worker keeps their analyses. Files and now are analysed each time.
      const key = (side: Side) => (side === NOW || side.startsWith('file:') ? undefined : side);
      const diff = await this.client.compare(before, after, { before: key(from), after: key(to) });
      this.comparison = { from, to, before, after, diff };
      this.comparing = false;
      if (draw) this.drawComparison();
      return this.comparison;
    } catch (error) {
      if (error instanceof CompareCancelled) return null;
      this.error = (error as Error).message;
      this.comparing = false;
      return null;
    }
  }

  drawComparison(): void {
    const c = this.comparison;
    if (!c) return;
    this.studio.showPast({ title: `${this.label(c.from)} → ${this.label(c.to)}`, ...comparisonView(c.before, c.after, c.diff) });
  }

  /** Restores a version as one undoable change. */
  restore(id: string): number {
    this.studio.showPast(null);
    return restoreVersion(this.studio.doc, id);
  }

  /** Who changed things, most first; between two sides of a comparison when given. */
  editors(from?: Side, to?: Side): [string, number][] {
    void this.changesRevision;
    const at = (side?: Side) => (side && side !== NOW ? this.versions.find((v) => v.id === side)?.at : undefined);
    return [...editors(this.studio.doc, { from: at(from), to: at(to) })].sort((a, b) => b[1] - a[1]);
  }

  /** Selects what a person changed that is still on the map. */
  selectChangesBy(name: string): number {
    this.studio.showPast(null);
    const ids = elementsChangedBy(this.studio.doc, name).map((key) => key.slice(key.indexOf(':') + 1));
    const alive = ids.filter((id) => this.studio.nodesById.has(id) || this.studio.edgesById.has(id));
    this.studio.select(alive);
    return alive.length;
  }

  destroy(): void {
    this.stop();
    this.client.destroy();
  }
}

/** The live map even while a past one is shown. */
function liveMap(studio: Studio): PathwaysMap {
  return studio.liveSnapshot.map;
}
