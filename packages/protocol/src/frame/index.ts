export * from './RigFrame';
export * from './createNeutralFrame';
