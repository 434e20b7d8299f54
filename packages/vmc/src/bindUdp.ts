import { createSocket, type Socket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * A UDP socket bound where asked, or an error whose message says what to do. `recvBufferSize`
 * asks the system for that much receive buffer (Linux caps it at net.core.rmem_max).
 */
export async function bindUdp(host: string, port: number, flagHint: string, recvBufferSize?: number): Promise<Socket> {
  const address = await resolveHost(host, flagHint);
  const socket = createSocket({ type: isIP(address) === 6 ? 'udp6' : 'udp4', recvBufferSize });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, address, () => {
      socket.off('error', reject);
      resolve();
    });
  }).catch((error: NodeJS.ErrnoException) => {
    socket.close();
    if (error.code === 'EADDRINUSE') {
      throw new Error(`UDP port ${port} on ${address} is in use, perhaps by another VMC receiver (VSeeFace, Warudo, VNyan listen on 39539): close it, or choose another port with ${flagHint}`);
    }
    if (error.code === 'EADDRNOTAVAIL') throw new Error(`${address} is not an address of this machine: use 0.0.0.0 (every interface) or one of its own addresses in ${flagHint}`);
    if (error.code === 'EACCES') throw new Error(`not allowed to listen on UDP port ${port}: choose a port above 1023 with ${flagHint}`);
    throw new Error(`cannot listen on UDP ${address}:${port} (${error.message})`);
  });
  return socket;
}

/** The IP address of `host`, looked up once so that sends never wait on DNS. */
export async function resolveHost(host: string, flagHint: string): Promise<string> {
  if (isIP(host)) return host;
  try {
    return (await lookup(host)).address;
  } catch (error) {
    throw new Error(`cannot resolve the host "${host}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): check ${flagHint}`);
  }
}
