import type { Subcommand } from './Subcommand';

/**
 * Every subcommand, in the order `rigcast --help` lists them. Each is loaded only when run, so
 * one subcommand's dependencies never slow another's start.
 */
export const SUBCOMMANDS: readonly Subcommand[] = [
  {
    name: 'hub',
    summary: 'start a hub: serves the tracker and avatar pages and relays frames (also the rigcast-hub command)',
    usage: 'rigcast hub [--port N] [--host H] [--room NAME] … (rigcast hub --help for all options)',
    run: async (argv, env) => (await import('@rigcast/hub/cli')).runCli(argv, env),
  },
  {
    name: 'vmc',
    summary: 'bridge a room and VMC protocol apps: an iPhone tracker or VSeeFace in, VSeeFace, Warudo or VNyan out',
    usage: 'rigcast vmc --hub URL --room NAME [--key KEY] [--in [HOST:]PORT] [--out HOST[:PORT]]',
    run: async (argv, env) => (await import('@rigcast/vmc/cli')).runVmcCli(argv, env),
  },
];
