import { PACKAGE_PATHS } from '../packagePaths.js';
import { CLI_OPTIONS } from './CliOption.js';

const FLAG_COLUMN = 30;

/** The `--help` text. */
export function helpText(): string {
  const lines = [
    'rigcast-hub: relays face and body tracking from a tracker page to avatar pages (Socket.IO),',
    'and serves /tracker/, /avatar/, /models/, /healthz and /metrics.',
    '',
    'Usage: rigcast-hub [options]          (from the repository: pnpm start)',
    '',
    'Options (each wins over the environment variable named in brackets):',
  ];
  for (const option of CLI_OPTIONS) {
    const left = `  ${option.flag}${'value' in option ? ` ${option.value}` : ''}`;
    const env = 'env' in option ? ` [${option.env}]` : '';
    lines.push(`${left.padEnd(FLAG_COLUMN)}${option.help}${env}`);
  }
  lines.push(
    '',
    'Models: /models/ serves the --models-dir folders, then RIGCAST_MODELS_DIR, then the hub\'s own',
    `folder (${PACKAGE_PATHS.models}), which holds the default avatar rigcast-default.vrm.`,
    'MediaPipe\'s face_landmarker.task (and the pose and hand bundles) cannot ship with the hub: on start,',
    'any that no folder has is downloaded from Google\'s storage into the hub\'s folder and its sha256',
    'checked. Without internet, put the files in a folder and pass it with --models-dir.',
    '',
    'On start it prints the tracker URL (with the publish key, like a Jupyter token) and the avatar',
    'URL for OBS. Ctrl+C or SIGTERM closes every connection and exits 0.',
    '',
    'Examples:',
    '  PORT=9000 RIGCAST_PUBLISH_KEY=my-secret rigcast-hub',
    '  rigcast-hub --host 0.0.0.0 --view-key fans --allowed-origins https://studio.example',
  );
  return lines.join('\n');
}
