export * from './VRMLoadError';
export * from './loadVRM';
