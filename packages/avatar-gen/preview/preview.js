// The avatar preview: loads a VRM with three-vrm and exposes `window.avatarPreview` so tests and
// the screenshot script can pose it, set expressions, render and read pixels back.
import * as THREE from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { VRMLoaderPlugin, VRMMetaLoaderPlugin } from '@pixiv/three-vrm';

const warnings = [];
const originalWarn = console.warn;
console.warn = (...args) => {
  warnings.push(args.map(String).join(' '));
  originalWarn(...args);
};

const canvas = document.getElementById('view');
const renderer = new THREE.WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true, alpha: true });
renderer.setPixelRatio(1);
const scene = new THREE.Scene();
const camera = new THREE.PerspectiveCamera(20, 1, 0.05, 20);
const light = new THREE.DirectionalLight(0xffffff, Math.PI);
light.position.set(0.5, 1.0, 1.4);
scene.add(light);
let vrm = null;

function setView({ width = 512, height = 512, target = [0, 1.3, 0], distance = 1, yaw = 0, pitch = 0, fov = 20 } = {}) {
  renderer.setSize(width, height, false);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  camera.aspect = width / height;
  camera.fov = fov;
  const t = new THREE.Vector3(...target);
  camera.position.set(t.x + distance * Math.sin(yaw) * Math.cos(pitch), t.y + distance * Math.sin(pitch), t.z + distance * Math.cos(yaw) * Math.cos(pitch));
  camera.lookAt(t);
  camera.updateProjectionMatrix();
}

async function load(url) {
  const loader = new GLTFLoader();
  loader.register((parser) => new VRMLoaderPlugin(parser, { metaPlugin: new VRMMetaLoaderPlugin(parser, { needThumbnailImage: true }) }));
  const gltf = await loader.loadAsync(url);
  vrm = gltf.userData.vrm;
  scene.add(vrm.scene);
  vrm.scene.updateMatrixWorld(true);
  let drawCalls = 0;
  vrm.scene.traverse((o) => {
    if (o.isMesh) {
      o.frustumCulled = false;
      drawCalls += Array.isArray(o.material) ? o.material.length : 1;
    }
  });
  setView();
  pose({});
  renderer.render(scene, camera);
  const renderCalls = renderer.info.render.calls;
  const rest = {};
  for (const name of Object.keys(vrm.humanoid.humanBones)) rest[name] = vrm.humanoid.getRawBoneNode(name).getWorldPosition(new THREE.Vector3()).toArray();
  return {
    metaVersion: vrm.meta.metaVersion,
    meta: { name: vrm.meta.name, version: vrm.meta.version, authors: vrm.meta.authors, licenseUrl: vrm.meta.licenseUrl, avatarPermission: vrm.meta.avatarPermission, commercialUsage: vrm.meta.commercialUsage, allowRedistribution: vrm.meta.allowRedistribution, modification: vrm.meta.modification, creditNotation: vrm.meta.creditNotation, thumbnail: vrm.meta.thumbnailImage ? [vrm.meta.thumbnailImage.width, vrm.meta.thumbnailImage.height] : null },
    humanBones: Object.keys(vrm.humanoid.humanBones).filter((n) => vrm.humanoid.getRawBoneNode(n)),
    restPositions: rest,
    expressions: vrm.expressionManager.expressions.map((e) => ({ name: e.expressionName, binds: e._binds.length, isBinary: e.isBinary, overrideBlink: e.overrideBlink, overrideMouth: e.overrideMouth })),
    lookAtType: vrm.lookAt?.applier?.constructor?.type ?? null,
    springJoints: vrm.springBoneManager ? vrm.springBoneManager.joints.size : 0,
    drawCalls,
    renderCalls,
    warnings: [...warnings],
  };
}

/** Resets every expression and bone, then applies `expressions` ({name: weight}) and `bones` ({name: [x,y,z,w]} normalized). */
function pose({ expressions = {}, bones = {} }) {
  for (const e of vrm.expressionManager.expressions) vrm.expressionManager.setValue(e.expressionName, 0);
  for (const [name, w] of Object.entries(expressions)) vrm.expressionManager.setValue(name, w);
  vrm.humanoid.resetNormalizedPose();
  for (const [name, q] of Object.entries(bones)) vrm.humanoid.getNormalizedBoneNode(name).quaternion.set(...q);
  vrm.update(0);
  vrm.scene.updateMatrixWorld(true);
}

function render(options = {}) {
  pose(options);
  renderer.render(scene, camera);
}

/** RGBA pixels of the last render, rows top to bottom, as a base64 string. */
function readPixels() {
  const gl = renderer.getContext();
  const w = gl.drawingBufferWidth;
  const h = gl.drawingBufferHeight;
  const buf = new Uint8Array(w * h * 4);
  gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, buf);
  const flipped = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) flipped.set(buf.subarray((h - 1 - y) * w * 4, (h - y) * w * 4), y * w * 4);
  return pixelsToBase64(flipped);
}

let neutral = null;
/** Renders the neutral pose and keeps its pixels as the reference for {@link diff}. */
function captureNeutral() {
  render({});
  neutral = readRaw();
}

function readRaw() {
  const gl = renderer.getContext();
  const w = gl.drawingBufferWidth;
  const h = gl.drawingBufferHeight;
  const buf = new Uint8Array(w * h * 4);
  gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, buf);
  return { w, h, buf };
}

/**
 * Renders `options` and counts pixels that differ from the neutral render by more than
 * `threshold` (max channel difference), inside each rectangle of `regions` ({name: [x0,y0,x1,y1]}
 * in CSS pixels from the top-left) and in the whole image.
 */
function diff(options, regions, threshold = 24) {
  render(options);
  const cur = readRaw();
  const a = cur.buf;
  const b = neutral.buf;
  const names = Object.keys(regions);
  const rects = names.map((n) => regions[n]);
  const hits = new Array(names.length).fill(0);
  let total = 0;
  for (let o = 0; o < a.length; o += 4) {
    const d = Math.max(Math.abs(a[o] - b[o]), Math.abs(a[o + 1] - b[o + 1]), Math.abs(a[o + 2] - b[o + 2]), Math.abs(a[o + 3] - b[o + 3]));
    if (d <= threshold) continue;
    total++;
    const p = o >> 2;
    const x = p % cur.w;
    const ty = cur.h - 1 - (p - x) / cur.w;
    for (let i = 0; i < rects.length; i++) {
      const r = rects[i];
      if (x >= r[0] && x < r[2] && ty >= r[1] && ty < r[3]) hits[i]++;
    }
  }
  const counts = { total };
  names.forEach((n, i) => (counts[n] = hits[i]));
  return counts;
}

/** Screen position (CSS pixels, top-left origin) of a model-space point. */
function project(p) {
  const v = new THREE.Vector3(...p).project(camera);
  const w = renderer.domElement.width;
  const h = renderer.domElement.height;
  return [((v.x + 1) / 2) * w, ((1 - v.y) / 2) * h];
}

/**
 * Runs the spring bones for `seconds` at 60 Hz with `options` applied (bones, expressions) and
 * returns the world positions of every spring joint.
 */
function simulateSprings(options, seconds) {
  pose(options);
  for (let i = 0; i < Math.round(seconds * 60); i++) {
    vrm.update(1 / 60);
    vrm.scene.updateMatrixWorld(true);
  }
  return [...vrm.springBoneManager.joints].map((j) => j.bone.getWorldPosition(new THREE.Vector3()).toArray());
}

function pixelsToBase64(bytes) {
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

window.avatarPreview = { load, setView, render, readPixels, captureNeutral, diff, project, simulateSprings, warnings };
window.avatarPreviewReady = true;
