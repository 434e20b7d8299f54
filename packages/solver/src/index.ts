export * from './face';
export * from './filters';
export * from './lifecycle';
export * from './space';
