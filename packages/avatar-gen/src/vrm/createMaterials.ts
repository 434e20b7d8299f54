import { MaterialSlot } from '../mesh/MeshBuilder';

const srgbToLinear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
/** A glTF (linear) colour factor from an sRGB hex colour. */
export const linearColor = (hex: number): [number, number, number] =>
  [(hex >> 16) & 255, (hex >> 8) & 255, hex & 255].map((v) => Math.round(srgbToLinear(v / 255) * 1e4) / 1e4) as [number, number, number];

interface ToonLook {
  name: string;
  /** MToon shade = this factor × the atlas (a darker, cooler copy of the base colour). */
  shade: number;
  outlineWidth: number;
  outline: number;
  rim: number;
  shadingShift: number;
}

const LOOKS: Record<MaterialSlot, ToonLook> = {
  [MaterialSlot.Body]: { name: 'Body', shade: 0xe6cdd6, outlineWidth: 0.0012, outline: 0x4a3550, rim: 0x2a2030, shadingShift: -0.05 },
  [MaterialSlot.Hair]: { name: 'Hair', shade: 0xb7a8d8, outlineWidth: 0.0012, outline: 0x3a2d66, rim: 0x40306a, shadingShift: 0.0 },
  [MaterialSlot.Face]: { name: 'Face', shade: 0xe6d6e6, outlineWidth: 0, outline: 0x000000, rim: 0x000000, shadingShift: -0.4 },
};

/**
 * The avatar's three materials, in {@link MaterialSlot} order: MToon 1.0 over a matte glTF base (metallic 0, roughness 1),
 * all sampling the one atlas texture (index `atlasTexture`).
 */
export function createMaterials(atlasTexture: number): Record<string, unknown>[] {
  return Object.entries(LOOKS).map(([, look]) => {
    const mtoon: Record<string, unknown> = {
      specVersion: '1.0',
      transparentWithZWrite: false,
      renderQueueOffsetNumber: 0,
      shadeColorFactor: linearColor(look.shade),
      shadeMultiplyTexture: { index: atlasTexture },
      shadingShiftFactor: look.shadingShift,
      shadingToonyFactor: 0.92,
      giEqualizationFactor: 0.9,
      matcapFactor: [0, 0, 0],
      parametricRimColorFactor: linearColor(look.rim),
      parametricRimFresnelPowerFactor: 4,
      parametricRimLiftFactor: 0,
      rimLightingMixFactor: 1,
      outlineWidthMode: look.outlineWidth > 0 ? 'worldCoordinates' : 'none',
      outlineWidthFactor: look.outlineWidth,
      outlineColorFactor: linearColor(look.outline),
      outlineLightingMixFactor: 1,
      uvAnimationScrollXSpeedFactor: 0,
      uvAnimationScrollYSpeedFactor: 0,
      uvAnimationRotationSpeedFactor: 0,
    };
    return {
      name: look.name,
      pbrMetallicRoughness: { baseColorTexture: { index: atlasTexture }, baseColorFactor: [1, 1, 1, 1], metallicFactor: 0, roughnessFactor: 1 },
      alphaMode: 'OPAQUE',
      doubleSided: false,
      extensions: { VRMC_materials_mtoon: mtoon },
    };
  });
}
