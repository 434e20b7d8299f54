export * from './ARKitBlendshapeName';
export * from './BodyPartName';
export * from './HumanoidBoneName';
export * from './MediaPipeBlendshapeName';
export * from './VRMExpressionPresetName';
