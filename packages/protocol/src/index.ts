export * from './codec';
export * from './events';
export * from './frame';
export * from './names';
