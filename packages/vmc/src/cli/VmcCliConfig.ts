import type { ArkitNameCase } from '../vmc/VmcBlendName';

/** A UDP endpoint. */
export interface UdpEndpoint {
  host: string;
  port: number;
}

/** What `rigcast vmc` runs with. */
export interface VmcCliConfig {
  help: boolean;
  /** The hub's base URL. */
  hub: string;
  room: string;
  /** Publish key, for `in`. */
  key?: string;
  /** View key, for `out`. */
  viewKey?: string;
  /** Where `in` listens, if it runs. */
  in?: UdpEndpoint;
  /** Where `out` sends, if it runs. */
  out?: UdpEndpoint;
  arkitNames: ArkitNameCase;
  /** Seconds between status lines; 0 for none. */
  statusSeconds: number;
}
