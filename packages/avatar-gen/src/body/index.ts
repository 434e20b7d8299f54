export * from './addLimbs';
export * from './addTorso';
export * from './profile';
