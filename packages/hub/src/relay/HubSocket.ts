import type { ClientRole, ClientToServerEvents, ServerToClientEvents } from '@rigcast/protocol';
import type { Server, Socket } from 'socket.io';
import type { TokenBucket } from './TokenBucket.js';

/** What the hub keeps on each connection. */
export interface HubSocketData {
  room: string;
  role: ClientRole;
  /** Rate limit for everything this client sends as `frame`. */
  bucket: TokenBucket;
  /** A frame was skipped for this viewer because its connection was busy. */
  missedLatest: boolean;
}

/** The hub's typed Socket.IO server. */
export type HubServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, HubSocketData>;

/** One typed client connection. */
export type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, HubSocketData>;
