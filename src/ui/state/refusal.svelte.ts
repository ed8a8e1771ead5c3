// No silent loss: the relay closes with 4403 ("key refused") when a link's key does not own the room.
// y-websocket then stops reconnecting (4400–4499 are final); this records the refusal for the screen
// and counts and names the edits kept on this device, which stay in the Y.Doc and IndexedDB.
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { entryLabel, touchedEntries } from '../../collab/kept-edits.ts';

/** The relay's close code for a link whose key does not own the room (the server's contract). */
export const KEY_REFUSED = 4403;

export const keptEditsText = (count: number) => `${count} edit${count === 1 ? '' : 's'}`;

export class KeptEdits {
  /** The relay refused this link's key: nothing reaches the room. */
  refused = $state(false);
  /** Edits made on this screen the relay never took (since joining, or since the refusal). */
  count = $state(0);
  /** What they touched: ids of nodes, ties and views ('map' for the map's own fields). */
  entries = $state.raw<string[]>([]);
  private readonly stop: () => void;

  /** `relay` null (a peer-to-peer room): nothing is ever refused or counted. */
  constructor(private readonly doc: Y.Doc, relay: WebsocketProvider | null) {
    if (!relay) {
      this.stop = () => {};
      return;
    }
    let accepted = false;
    relay.on('sync', (synced: boolean) => (accepted ||= synced));
    relay.on('closed', ({ code }: { code: number }) => {
      if (code !== KEY_REFUSED) return;
      this.refused = true;
      relay.disconnect();
    });
    const count = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if (!transaction.local || (!this.refused && accepted)) return;
      this.count++;
      const touched = touchedEntries(doc, transaction).filter((id) => !this.entries.includes(id));
      if (touched.length > 0) this.entries = [...this.entries, ...touched];
    };
    doc.on('update', count);
    this.stop = () => doc.off('update', count);
  }

  /** The entries the kept edits touched, by their labels now. */
  labels(): string[] {
    return this.entries.map((id) => entryLabel(this.doc, id));
  }

  destroy(): void {
    this.stop();
  }
}
