export * from './createThumbnailPixels';
export * from './Outfit';
export * from './Palette';
export * from './TextureAtlas';
