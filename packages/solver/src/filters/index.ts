export * from './KalmanPositionFilter';
export * from './OneEuroFilter';
export * from './OneEuroParams';
export * from './OneEuroQuaternionFilter';
export * from './OneEuroVectorFilter';
