export * from './AvatarBounds';
export * from './computeFraming';
export * from './measureAvatar';
