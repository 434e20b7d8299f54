/** What `out` has received from the hub and sent, for the status line and tests. */
export interface VmcOutStats {
  /** Frames received from the hub. */
  framesIn: number;
  /** Frames sent as VMC cycles. */
  framesSent: number;
  /** Frames skipped because earlier datagrams were still queued to send (latest wins, no queue). */
  framesSkipped: number;
  /** Frames that failed to decode (the hub validates, so this stays 0 unless versions differ). */
  undecodable: number;
  /** Datagrams sent, and their bytes. */
  datagrams: number;
  bytes: number;
  /** The largest datagram sent, in bytes. */
  largestDatagram: number;
  /** Sends the operating system refused, and the last reason. */
  sendErrors: number;
  lastError: string | null;
}

/** Stats at zero. */
export function createVmcOutStats(): VmcOutStats {
  return { framesIn: 0, framesSent: 0, framesSkipped: 0, undecodable: 0, datagrams: 0, bytes: 0, largestDatagram: 0, sendErrors: 0, lastError: null };
}
