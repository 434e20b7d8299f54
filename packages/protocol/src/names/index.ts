export * from './ARKitBlendshapeName.js';
export * from './BodyPartName.js';
export * from './BodyPartBones.js';
export * from './HumanoidBoneName.js';
export * from './MediaPipeBlendshapeName.js';
export * from './VRMExpressionPresetName.js';
