import { createServer } from 'node:http';
import { validateFrame } from '@rigcast/protocol';
import { createShardedAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';

/**
 * The alternative the cluster benchmark measures rigcast against: the same relay built on
 * Socket.IO's own Redis adapter (sharded pub/sub, dynamic channels: a node hears only the rooms it
 * holds). Viewers join a Socket.IO room; a publisher's valid frame goes out with
 * `io.to(room).emit`, which the adapter delivers to this node's sockets and SPUBLISHes, msgpacked,
 * for the others. No latest frame, no latest-wins, no validation on receipt: the adapter has no
 * hook for them.
 */
export async function startAdapterRelay(redisUrl: string, publishKey: string): Promise<{ url: string; close(): Promise<void> }> {
  const pubClient = new Redis(redisUrl);
  const subClient = pubClient.duplicate();
  const httpServer = createServer();
  const io = new Server(httpServer, {
    transports: ['websocket'],
    perMessageDeflate: false,
    adapter: createShardedAdapter(pubClient, subClient, { subscriptionMode: 'dynamic' }),
  });
  io.use((socket, next) => {
    const { room, role, key } = socket.handshake.auth as { room?: string; role?: string; key?: string };
    if (typeof room !== 'string' || (role === 'publisher' && key !== publishKey)) return next(new Error('bad-auth'));
    socket.data.room = room;
    socket.data.role = role;
    next();
  });
  io.on('connection', (socket) => {
    const room = socket.data.room as string;
    if (socket.data.role === 'viewer') {
      void socket.join(room);
      return;
    }
    socket.on('frame', (bytes: Uint8Array) => {
      if (validateFrame(bytes)) return;
      socket.to(room).emit('frame', bytes);
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      pubClient.disconnect();
      subClient.disconnect();
    },
  };
}
