import { createServer } from 'node:http';
import WebSocket, { WebSocketServer } from 'ws';

/**
 * The floor: what this machine can do at all. A raw `ws` server, no Socket.IO, no validation,
 * no backlog checks: each binary message from a `/publish` connection is sent, as it is, to
 * every `/viewer` connection in a plain loop. Any relay built on Node and WebSockets pays at
 * least this per delivery.
 */
export async function startFloorRelay(): Promise<{ url: string; close(): Promise<void> }> {
  const httpServer = createServer();
  const wss = new WebSocketServer({ server: httpServer, perMessageDeflate: false });
  const viewers = new Set<WebSocket>();
  wss.on('connection', (socket, request) => {
    if (request.url === '/publish') {
      socket.on('message', (data: Buffer, isBinary: boolean) => {
        if (!isBinary) return;
        for (const viewer of viewers) viewer.send(data, { binary: true });
      });
    } else {
      viewers.add(socket);
      socket.once('close', () => viewers.delete(socket));
    }
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => httpServer.close(() => resolve()));
      }),
  };
}
