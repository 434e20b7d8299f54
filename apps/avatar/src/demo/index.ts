export { DEMO_PATH, DemoPlayer } from './DemoPlayer';
export { DemoState } from './DemoState';
