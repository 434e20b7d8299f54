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
    name: 'record',
    summary: 'record a room of a hub into a file, as a viewer',
    usage: 'rigcast record --hub URL --room NAME [--key VIEWKEY] --out show.rig',
    run: async (argv, env) => (await import('@rigcast/record')).runRecord(argv, env),
  },
  {
    name: 'replay',
    summary: 'play a recording into a room of a hub, as a publisher, at its recorded timing',
    usage: 'rigcast replay show.rig --hub URL --room NAME --key KEY [--loop] [--speed X]',
    run: async (argv, env) => (await import('@rigcast/record')).runReplay(argv, env),
  },
  {
    name: 'export',
    summary: 'write a recording as JSON lines, a VRM animation (VRMA) or a BVH',
    usage: 'rigcast export show.rig [--jsonl out.jsonl] [--vrma out.vrma] [--bvh out.bvh]',
    run: async (argv, env) => (await import('@rigcast/record')).runExport(argv, env),
  },
  {
    name: 'vmc',
    summary: 'bridge a room and VMC protocol apps: an iPhone tracker or VSeeFace in, VSeeFace, Warudo or VNyan out',
    usage: 'rigcast vmc --hub URL --room NAME [--key KEY] [--in [HOST:]PORT] [--out HOST[:PORT]]',
    run: async (argv, env) => (await import('@rigcast/vmc/cli')).runVmcCli(argv, env),
  },
];
