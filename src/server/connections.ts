// Who holds how many sockets and how many rooms: the per-address and total bounds of limits.ts, checked
// at upgrade, before a connection costs anything.
import type { ServerLimits } from './limits.ts';
import type { RoomStore } from './room-store.ts';

export class ConnectionCounter {
  private total = 0;
  private readonly perAddress = new Map<string, { all: number; editors: number }>();
  private readonly roomsCreated = new Map<string, number>();
  /** Rooms created since the server started (on disk or about to be). */
  private readonly newRooms = new Set<string>();

  constructor(
    private readonly limits: ServerLimits,
    private readonly store: RoomStore,
  ) {}

  /** Why a new connection from `address` is refused, or null. */
  refuseConnection(address: string): string | null {
    if (this.total >= this.limits.maxConnectionsTotal) return 'Service Unavailable: server is full';
    if ((this.perAddress.get(address)?.all ?? 0) >= this.limits.maxConnectionsPerAddress) return 'Service Unavailable: too many connections from your address';
    return null;
  }

  /** Why an editor connection to `room` is refused (editor sockets and new rooms are bounded), or null. */
  refuseEditor(address: string, room: string): string | null {
    if ((this.perAddress.get(address)?.editors ?? 0) >= this.limits.maxEditorConnectionsPerAddress) return 'too many editor connections from your address';
    if (this.newRooms.has(room) || this.store.exists(room)) return null;
    const created = this.roomsCreated.get(address) ?? 0;
    if (created >= this.limits.maxRoomsCreatedPerAddress) return 'room limit: your address has created too many rooms';
    if (this.store.countAtStart() + this.newRooms.size >= this.limits.maxRoomsTotal) return 'room limit: the server holds too many rooms';
    this.roomsCreated.set(address, created + 1);
    this.newRooms.add(room);
    return null;
  }

  opened(address: string, editor: boolean): void {
    this.total++;
    const counts = this.perAddress.get(address) ?? { all: 0, editors: 0 };
    counts.all++;
    if (editor) counts.editors++;
    this.perAddress.set(address, counts);
  }

  closed(address: string, editor: boolean): void {
    this.total--;
    const counts = this.perAddress.get(address);
    if (!counts) return;
    counts.all--;
    if (editor) counts.editors--;
    if (counts.all <= 0) this.perAddress.delete(address);
  }
}
