export * from './FramingPreset';
export * from './PageOptions';
export * from './parsePageOptions';
