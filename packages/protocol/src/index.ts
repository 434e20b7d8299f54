export * from './codec/index.js';
export * from './events/index.js';
export * from './frame/index.js';
export * from './names/index.js';
export * from './recording/index.js';
