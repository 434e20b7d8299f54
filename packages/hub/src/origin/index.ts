export * from './OriginPolicy';
