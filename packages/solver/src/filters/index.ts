export * from './KalmanPositionFilter';
export * from './OneEuroFilter';
export * from './OneEuroFilterBank';
export * from './OneEuroParams';
export * from './OneEuroQuaternionFilter';
export * from './OneEuroVectorFilter';
