import { createServer } from 'node:http';
import { Server } from 'socket.io';

/**
 * The baseline: a relay the way OpenVtuber's server does it. JSON frames, no validation, no
 * rooms, no rate limit, and a non-volatile `socket.broadcast.emit` to everyone else.
 */
export async function startNaiveRelay(): Promise<{ url: string; close(): Promise<void> }> {
  const httpServer = createServer();
  const io = new Server(httpServer, { cors: { origin: '*' } });
  io.on('connection', (socket) => {
    socket.on('frame', (data: unknown) => {
      socket.broadcast.emit('frame', data);
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => io.close(() => resolve())),
  };
}
