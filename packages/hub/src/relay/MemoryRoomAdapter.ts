import { ClientRole } from '@rigcast/protocol';
import type { HubSocket } from './HubSocket.js';
import type { ClusterHealth, RoomAdapter, RoomEvents } from './RoomAdapter.js';
import type { RoomState } from './RoomState.js';

/**
 * The single-process {@link RoomAdapter}: rooms and latest frames in memory, nothing between
 * nodes. {@link RedisRoomAdapter} extends it through the protected hooks.
 */
export class MemoryRoomAdapter implements RoomAdapter {
  protected readonly roomMap = new Map<string, RoomState>();

  constructor(protected readonly events: RoomEvents) {}

  get rooms(): ReadonlyMap<string, RoomState> {
    return this.roomMap;
  }

  join(socket: HubSocket): RoomState {
    const { room: name, role } = socket.data;
    let room = this.roomMap.get(name);
    if (!room) {
      room = { name, latest: null, viewers: new Set(), publishers: new Set(), viewerTotal: 0 };
      this.roomMap.set(name, room);
    }
    if (role === ClientRole.Viewer) {
      room.viewers.add(socket);
      if (room.viewers.size === 1) this.firstViewer(room);
      this.viewersChanged(room);
    } else {
      room.publishers.add(socket);
    }
    return room;
  }

  leave(socket: HubSocket): void {
    const room = this.roomMap.get(socket.data.room);
    if (!room) return;
    if (room.viewers.delete(socket)) {
      if (room.viewers.size === 0) this.lastViewerLeft(room);
      this.viewersChanged(room);
    }
    room.publishers.delete(socket);
    if (room.viewers.size === 0 && room.publishers.size === 0) {
      this.roomMap.delete(room.name);
      this.roomClosed(room);
    }
  }

  publish(room: RoomState, bytes: Uint8Array): void {
    room.latest = bytes;
  }

  health(): ClusterHealth {
    return { mode: 'single' };
  }

  async close(): Promise<void> {}

  /** The room's first viewer on this node joined. */
  protected firstViewer(_room: RoomState): void {}

  /** The room's last viewer on this node left. */
  protected lastViewerLeft(_room: RoomState): void {}

  /** The room's last member on this node left; it is no longer in {@link rooms}. */
  protected roomClosed(_room: RoomState): void {}

  /** The room's viewers on this node changed: on one node, that is the total. */
  protected viewersChanged(room: RoomState): void {
    room.viewerTotal = room.viewers.size;
    this.events.viewerTotal(room);
  }
}
