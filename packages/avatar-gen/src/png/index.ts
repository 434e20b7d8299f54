export * from './encodePng';
