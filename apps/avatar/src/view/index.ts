export type { AvatarBounds } from './AvatarBounds';
export { AvatarView } from './AvatarView';
export { CAMERA_FOV_DEG, FRAME_MARGIN, computeFraming, type CameraPlacement } from './computeFraming';
export { measureAvatar } from './measureAvatar';
