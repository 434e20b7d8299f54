/** A room of a hub, and the key to get in. */
export interface HubTarget {
  /** The hub's base URL, e.g. `http://127.0.0.1:8080`. */
  url: string;
  room: string;
  /** The view key (recording) or the publish key (replaying). */
  key?: string;
}
