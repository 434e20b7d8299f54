export * from './addHead';
export * from './buildFacePatches';
export * from './deformHead';
export * from './FaceParams';
export * from './headShape';
export * from './morphRecipes';
export * from './SurfaceProjector';
