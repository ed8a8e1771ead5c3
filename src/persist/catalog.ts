// The list of maps kept in this browser. Each map's content lives in its own IndexedDB database
// (map-store.ts); the catalog only remembers ids, titles and dates for the start screen.
export interface CatalogEntry {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  nodeCount: number;
  /** Set when this map is a shared room (issue 4), with the room's secret (kept in this browser only). */
  room?: string;
  key?: string;
  /** The room runs through the server relay (convening mode); `viewer`: joined read-only. */
  relay?: boolean;
  viewer?: boolean;
}

const KEY = 'pathways:catalog';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export class Catalog {
  constructor(private readonly store: KeyValueStore) {}

  list(): CatalogEntry[] {
    try {
      const parsed = JSON.parse(this.store.getItem(KEY) ?? '[]');
      if (!Array.isArray(parsed)) return [];
      return parsed
        .filter((e): e is CatalogEntry => e && typeof e.id === 'string' && typeof e.title === 'string')
        .sort((a, b) => b.updatedAt - a.updatedAt);
    } catch {
      return [];
    }
  }

  get(id: string): CatalogEntry | undefined {
    return this.list().find((e) => e.id === id);
  }

  /** True once this browser has opened the studio before (so the demo opens only on a first start). */
  get visited(): boolean {
    return this.store.getItem(`${KEY}:visited`) === '1';
  }

  markVisited(): void {
    this.store.setItem(`${KEY}:visited`, '1');
  }

  put(entry: CatalogEntry): void {
    const rest = this.list().filter((e) => e.id !== entry.id);
    this.store.setItem(KEY, JSON.stringify([entry, ...rest]));
  }

  touch(id: string, patch: Partial<Pick<CatalogEntry, 'title' | 'nodeCount' | 'room' | 'key' | 'relay' | 'viewer'>>): void {
    const entry = this.get(id);
    if (!entry) return;
    const changed = Object.entries(patch).some(([k, v]) => entry[k as keyof CatalogEntry] !== v);
    if (changed) this.put({ ...entry, ...patch, updatedAt: Date.now() });
  }

  remove(id: string): void {
    this.store.setItem(KEY, JSON.stringify(this.list().filter((e) => e.id !== id)));
  }
}
