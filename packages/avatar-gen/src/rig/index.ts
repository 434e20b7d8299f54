export * from './Skeleton';
export * from './createSkeleton';
export * from './blendAlong';
