export { HANDS_DETECTOR, type HandsDetector } from './handsDetector';
export { HandsResultView } from './HandsResultView';
export { HandsSource, type HandsSourceOptions } from './HandsSource';
