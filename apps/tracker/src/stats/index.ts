export * from './RateMeter';
export * from './SmoothedValue';
