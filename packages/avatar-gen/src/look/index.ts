export * from './Palette';
export * from './TextureAtlas';
export * from './createThumbnailPixels';
