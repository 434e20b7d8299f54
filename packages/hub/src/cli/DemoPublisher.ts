import { readFileSync } from 'node:fs';
import { ClientRole, RecordingError, RecordingPlayer, readRecording, type ClientToServerEvents, type HandshakeAuth, type RecordedFrame, type ServerToClientEvents } from '@rigcast/protocol';
import { io, type Socket } from 'socket.io-client';
import { CliConfigError } from './CliConfigError.js';

/**
 * Plays a recording into a room of this process's own hub, in a loop, as a publisher: the
 * `--demo` of `rigcast-hub`. It connects to the hub over loopback through the public contract,
 * with the hub's own publish key, so the frames take the path a tracker's do (validation, rate
 * limit, relay, metrics). A minimal Socket.IO publisher rather than `@rigcast/client`, which is
 * not a built package: there is nothing to advise or retry against one's own hub but a restart.
 */
export class DemoPublisher {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly player: RecordingPlayer;

  /** Connects to `hub` and starts playing `frames` (see {@link DemoPublisher.read}) once in. */
  constructor(frames: readonly RecordedFrame[], hub: { url: string; publishKey: string }, room: string) {
    const auth: HandshakeAuth = { room, role: ClientRole.Publisher, key: hub.publishKey };
    this.socket = io(hub.url, { transports: ['websocket'], auth, forceNew: true });
    this.player = new RecordingPlayer(frames, {
      loop: true,
      send: (bytes) => {
        if (!this.socket.connected) return false;
        this.socket.volatile.emit('frame', bytes);
        return true;
      },
    });
    this.socket.once('connect', () => this.player.start());
  }

  /**
   * The frames of the recording at `path`, checked whole. Throws {@link CliConfigError} saying
   * what is wrong: a demo that is missing or damaged is a broken install.
   */
  static read(path: string): RecordedFrame[] {
    let recording;
    try {
      recording = readRecording(readFileSync(path));
    } catch (error) {
      const reason = error instanceof RecordingError ? error.message : (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it is missing' : (error as Error).message;
      throw new CliConfigError(`cannot play the demo performance ${path}: ${reason}; reinstall the hub, or rebuild it with "npx -y pnpm@10.34.8 run build"`);
    }
    if (recording.frames.length === 0) throw new CliConfigError(`the demo performance ${path} holds no frames; make it again with "pnpm record:demo"`);
    return recording.frames;
  }

  /** Frames sent so far. */
  get sent(): number {
    return this.player.stats.sent;
  }

  /** Stops playing and disconnects. */
  stop(): void {
    this.player.stop();
    this.socket.disconnect();
  }
}
