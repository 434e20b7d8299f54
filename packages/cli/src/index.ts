export { SUBCOMMANDS } from './subcommands';
export { USAGE_EXIT_CODE, rigcastHelp, runRigcast } from './runRigcast';
export type { Subcommand } from './Subcommand';
