export * from './checkAppBuilds';
export * from './CliConfigError';
export * from './CliOption';
export * from './helpText';
export * from './parseCliConfig';
export * from './runCli';
export * from './startupBanner';
