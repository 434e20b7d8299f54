import { VMC_CLI_OPTIONS } from './VmcCliOption';

/** What `rigcast vmc --help` prints. */
export function vmcHelp(): string {
  const width = Math.max(...VMC_CLI_OPTIONS.map((o) => optionLabel(o).length));
  return [
    'rigcast vmc: bridge a hub room and VMC protocol apps (OSC over UDP), either way or both.',
    '',
    'usage: rigcast vmc --hub URL --room NAME [--key KEY] [--in [HOST:]PORT] [--out HOST[:PORT]]',
    '',
    '  --in   VMC performers (an iPhone through Waidayo, VSeeFace, XR Animator …) drive the room:',
    '         the bridge listens like a VMC receiver and publishes a frame per cycle.',
    '  --out  the room drives a VMC receiver (VSeeFace, Warudo, VNyan, EVMC4U …): the bridge views',
    '         the room and sends bones and blendshapes to it.',
    '',
    'options:',
    ...VMC_CLI_OPTIONS.map((o) => {
      const env = 'env' in o ? ` (env ${o.env})` : '';
      return `  ${optionLabel(o).padEnd(width)}  ${o.help}${env}`;
    }),
    '',
    'examples:',
    '  rigcast vmc --hub http://127.0.0.1:8080 --room main --key KEY --in          # phone → avatar pages',
    '  rigcast vmc --hub http://127.0.0.1:8080 --room main --out 127.0.0.1:39539   # webcam tracker → VSeeFace',
    '',
    'It prints the counters every 5 s (frames, dropped datagrams by reason, hub state). Ctrl+C or SIGTERM stops it.',
  ].join('\n');
}

function optionLabel(option: (typeof VMC_CLI_OPTIONS)[number]): string {
  return 'value' in option ? `${option.flag} ${option.value}` : option.flag;
}
