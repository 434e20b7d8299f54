/** One option of `rigcast vmc`. */
export interface VmcCliOptionSpec {
  flag: string;
  /** Placeholder for the value; absent for a switch. */
  value?: string;
  /** True when the value may be left out (`--in` alone listens on the default port). */
  optionalValue?: boolean;
  /** The environment variable it falls back to. */
  env?: string;
  help: string;
}

/** Every option, in the order `rigcast vmc --help` lists them. */
export const VMC_CLI_OPTIONS = [
  { flag: '--hub', value: '<url>', help: 'The hub to connect to, local or remote, e.g. http://127.0.0.1:8080. Required.' },
  { flag: '--room', value: '<name>', help: 'The room to publish to (in) and view (out): 1–64 of A–Z a–z 0–9 _ -. Required.' },
  {
    flag: '--in',
    value: '[host:]port',
    optionalValue: true,
    help: 'Receive VMC (from an iPhone tracker, VSeeFace …) on this UDP port and publish it to the room. Default 0.0.0.0:39539 when given alone; 0 picks a free port.',
  },
  {
    flag: '--out',
    value: 'host[:port]',
    optionalValue: true,
    help: 'Send the room to a VMC receiver (VSeeFace, Warudo, VNyan …) at this address. Default 127.0.0.1:39539 when given alone.',
  },
  { flag: '--key', value: '<key>', env: 'RIGCAST_PUBLISH_KEY', help: 'The hub\'s publish key, needed by --in (the key= of the tracker URL the hub prints).' },
  { flag: '--view-key', value: '<key>', env: 'RIGCAST_VIEW_KEY', help: 'The hub\'s view key, needed by --out when the hub has one.' },
  {
    flag: '--arkit-names',
    value: 'arkit|pascal',
    help: 'How --out spells the 52 perfect-sync names: as ARKit does (eyeBlinkLeft, the default) or with a capital first letter (EyeBlinkLeft), as your model\'s clips are named. --in reads both.',
  },
  { flag: '--status', value: '<seconds>', help: 'Print the counters every this many seconds; 0 for never. Default 5.' },
  { flag: '--help', help: 'Show this help and exit. Also -h.' },
] as const satisfies readonly VmcCliOptionSpec[];
