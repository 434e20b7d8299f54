export { KalmanPositionFilter, type KalmanPositionParams } from './KalmanPositionFilter';
export { MIN_FILTER_DT_MS, OneEuroFilter } from './OneEuroFilter';
export { OneEuroFilterBank } from './OneEuroFilterBank';
export { lowPassAlpha, scaleOneEuroParams, type OneEuroParams } from './OneEuroParams';
export { OneEuroQuaternionFilter } from './OneEuroQuaternionFilter';
export { OneEuroVectorFilter } from './OneEuroVectorFilter';
