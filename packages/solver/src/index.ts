export * from './face';
export * from './filters';
export * from './math';
