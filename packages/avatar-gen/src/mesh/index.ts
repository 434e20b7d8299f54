export * from './MeshBuilder';
export * from './addGrid';
export * from './addTube';
export * from './vec3';
