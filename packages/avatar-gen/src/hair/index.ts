export * from './addHair';
