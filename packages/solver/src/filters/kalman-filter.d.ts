// Minimal types for the parts of `kalman-filter` (2.3, untyped CommonJS) that the solver uses.
declare module 'kalman-filter' {
  type Matrix = number[][];
  class State {
    constructor(options: { mean: Matrix | null; covariance: Matrix; index?: number });
    mean: Matrix;
    covariance: Matrix;
  }
  class KalmanFilter {
    constructor(options: {
      observation: { dimension: number; stateProjection: Matrix; covariance: Matrix };
      dynamic: { dimension: number; transition: Matrix; covariance: Matrix; init: { mean: Matrix; covariance: Matrix } };
      logger?: { info(...a: unknown[]): void; debug(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void };
    });
    predict(options?: { previousCorrected?: State }): State;
    correct(options: { predicted: State; observation: number[] }): State;
    getPredictedCovariance(options: { previousCorrected: State }): Matrix;
    getGain(options: { predicted: State }): Matrix;
    asymptoticStateCovariance(options?: { limitIterations?: number; tolerance?: number }): Matrix;
  }
  const kalmanFilter: { KalmanFilter: typeof KalmanFilter; State: typeof State };
  export default kalmanFilter;
}
