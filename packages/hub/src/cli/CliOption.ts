/** One command-line option of `rigcast-hub`, with the environment variable it overrides. */
export interface CliOptionSpec {
  flag: string;
  /** Placeholder for the value, or undefined for a switch. */
  value?: string;
  env?: string;
  help: string;
}

/** Every option, in the order `--help` lists them. */
export const CLI_OPTIONS = [
  { flag: '--port', value: '<n>', env: 'PORT', help: 'TCP port, 0–65535 (0 picks a free one). Default 8080.' },
  { flag: '--host', value: '<address>', env: 'HOST', help: 'Interface to listen on. Default 127.0.0.1 (this machine only); 0.0.0.0 for your network.' },
  {
    flag: '--publish-key',
    value: '<key>',
    env: 'RIGCAST_PUBLISH_KEY',
    help: 'Key the tracker needs to publish. Default: a random key for this run, printed in the tracker URL.',
  },
  { flag: '--view-key', value: '<key>', env: 'RIGCAST_VIEW_KEY', help: 'When set, avatar pages need it too (printed in the avatar URL).' },
  {
    flag: '--allowed-origins',
    value: '<list>',
    env: 'RIGCAST_ALLOWED_ORIGINS',
    help: 'Comma-separated extra page origins allowed to connect, e.g. https://studio.example,http://192.168.1.5:8080 ("*" = any). The hub\'s own origin and loopback are always allowed.',
  },
  {
    flag: '--models-dir',
    value: '<dir>',
    env: 'RIGCAST_MODELS_DIR',
    help: 'Folder of .task and .vrm files served at /models/, searched before the hub\'s own models folder. May be given more than once; RIGCAST_MODELS_DIR is searched too, after these.',
  },
  {
    flag: '--offline',
    help: 'Do not download missing MediaPipe models at start; only say which are missing and how to get them.',
  },
  {
    flag: '--models-mirror',
    value: '<url>',
    env: 'RIGCAST_MODELS_MIRROR',
    help: 'Download missing models from <url>/<file> instead of Google\'s storage (still sha256-checked).',
  },
  { flag: '--max-fps', value: '<n>', env: 'RIGCAST_MAX_FPS', help: 'Per-publisher rate limit in frames a second; extra frames are dropped and counted. Default 120.' },
  {
    flag: '--redis',
    value: '<url>',
    env: 'RIGCAST_REDIS_URL',
    help: 'Cluster mode: share rooms with every hub on this Redis (redis://host:6379, rediss:// for TLS). Run several hubs behind a load balancer (see deploy/). Default: none, one process.',
  },
  {
    flag: '--max-connections-per-ip',
    value: '<n>',
    env: 'RIGCAST_MAX_CONNECTIONS_PER_IP',
    help: 'Open connections one address may hold (an IPv6 /64 counts as one address); 0 = no cap. Default 50. This machine (loopback) is never limited.',
  },
  {
    flag: '--max-connects-per-second',
    value: '<n>',
    env: 'RIGCAST_MAX_CONNECTS_PER_SECOND',
    help: 'Connection attempts a second one address may make, with 4 s of burst; 0 = off. Default 10.',
  },
  {
    flag: '--trusted-proxies',
    value: '<list>',
    env: 'RIGCAST_TRUSTED_PROXIES',
    help: 'Comma-separated proxy IP addresses whose X-Forwarded-For names the client (loopback always counts as one).',
  },
  {
    flag: '--metrics-token',
    value: '<token>',
    env: 'RIGCAST_METRICS_TOKEN',
    help: '/metrics then needs "Authorization: Bearer <token>" (it names rooms and counts).',
  },
  {
    flag: '--metrics-port',
    value: '<n>',
    env: 'RIGCAST_METRICS_PORT',
    help: 'Serve /metrics on 127.0.0.1:<n> only, not on the public port.',
  },
  {
    flag: '--relay-path',
    value: 'fast|public',
    env: 'RIGCAST_RELAY_PATH',
    help: 'How frames are written to viewers: fast (default) or public (Engine.IO\'s public API only; slower, for diagnosis).',
  },
  { flag: '--room', value: '<name>', help: 'Room used in the printed URLs (1–64 of A–Z a–z 0–9 _ -). Default main. Any room works at run time.' },
  {
    flag: '--demo',
    help: 'Play the demo performance shipped with the hub into --room, in a loop, so the avatar page moves without a camera. A tracker publishing into the same room competes with it.',
  },
  { flag: '--tracker-dir', value: '<dir>', help: 'Built tracker app served at /tracker/. Default: the one built into this package.' },
  { flag: '--avatar-dir', value: '<dir>', help: 'Built avatar app served at /avatar/. Default: the one built into this package.' },
  { flag: '--allow-missing-apps', help: 'Start even if an app is not built (its page then says to run the build).' },
  { flag: '--help', help: 'Show this help and exit. Also -h.' },
] as const satisfies readonly CliOptionSpec[];
