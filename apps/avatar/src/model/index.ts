export { displayName, loadVRM, parseVRM } from './loadVRM';
export { ModelLoader, type ModelLoaderEvents } from './ModelLoader';
export { ModelStatus } from './ModelStatus';
export { VRMLoadError, VRMLoadFailure } from './VRMLoadError';
