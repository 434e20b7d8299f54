import { VRMUtils, type VRM } from '@pixiv/three-vrm';
import { AmbientLight, Color, DirectionalLight, PerspectiveCamera, Scene, WebGLRenderer } from 'three';
import type { PageOptions } from '../options';
import type { AvatarBounds } from './AvatarBounds';
import { CAMERA_FOV_DEG, computeFraming, type CameraPlacement } from './computeFraming';
import { measureAvatar } from './measureAvatar';

/** Highest device pixel ratio rendered: beyond 2 the cost grows and nobody sees the difference. */
const MAX_PIXEL_RATIO = 2;
const CAMERA_NEAR_M = 0.01;
const CAMERA_FAR_M = 100;
const KEY_LIGHT_INTENSITY = Math.PI * 0.9;
const AMBIENT_INTENSITY = 0.5;

/**
 * What the page draws: the scene with its lights, the camera framed on the avatar for the
 * window's size, and the WebGL canvas (transparent unless `?bg=` asks for a colour).
 */
export class AvatarView {
  readonly scene = new Scene();
  readonly camera = new PerspectiveCamera(CAMERA_FOV_DEG, 1, CAMERA_NEAR_M, CAMERA_FAR_M);
  private vrm: VRM | null = null;
  private bounds: AvatarBounds | null = null;
  private readonly placement: CameraPlacement = { x: 0, y: 1, z: 3, targetY: 1 };

  private constructor(
    private readonly renderer: WebGLRenderer,
    private readonly framing: PageOptions['framing'],
  ) {
    const keyLight = new DirectionalLight(0xffffff, KEY_LIGHT_INTENSITY);
    keyLight.position.set(1, 1.5, 2).normalize();
    this.scene.add(keyLight, new AmbientLight(0xffffff, AMBIENT_INTENSITY));
  }

  /**
   * Creates the renderer and puts its canvas on the page. Throws when the browser cannot draw 3D,
   * with a message that says what to do.
   */
  static create(options: Pick<PageOptions, 'background' | 'framing'>): AvatarView {
    let renderer: WebGLRenderer;
    try {
      renderer = new WebGLRenderer({ alpha: true, antialias: true, premultipliedAlpha: true });
    } catch (error) {
      throw new Error(
        `This browser cannot draw 3D (WebGL failed: ${(error as Error).message}). Turn on hardware acceleration, or use another browser.`,
      );
    }
    if (options.background) {
      renderer.setClearColor(new Color(options.background), 1);
      document.documentElement.style.background = options.background;
      document.body.style.background = options.background;
    } else {
      renderer.setClearColor(0x000000, 0);
    }
    renderer.setPixelRatio(Math.min(window.devicePixelRatio, MAX_PIXEL_RATIO));
    document.body.appendChild(renderer.domElement);
    const view = new AvatarView(renderer, options.framing);
    view.resize();
    return view;
  }

  /** Puts `vrm` on stage in place of the avatar there (which is disposed) and frames it. */
  show(vrm: VRM): void {
    if (this.vrm) {
      this.scene.remove(this.vrm.scene);
      VRMUtils.deepDispose(this.vrm.scene);
    }
    this.bounds = measureAvatar(vrm);
    this.scene.add(vrm.scene);
    this.vrm = vrm;
    this.frameCamera();
  }

  /** Fits the canvas and the framing to the window. */
  resize(): void {
    this.renderer.setSize(window.innerWidth, window.innerHeight);
    this.frameCamera();
  }

  render(): void {
    this.renderer.render(this.scene, this.camera);
  }

  private frameCamera(): void {
    const camera = this.camera;
    camera.aspect = window.innerWidth / Math.max(1, window.innerHeight);
    if (this.bounds) {
      computeFraming(this.bounds, this.framing, camera.aspect, this.placement);
      camera.position.set(this.placement.x, this.placement.y, this.placement.z);
      camera.lookAt(this.placement.x, this.placement.targetY, this.bounds.centerZ);
    }
    camera.updateProjectionMatrix();
  }
}
