/** What WebGL offers this thread. */
export interface WebGLProbe {
  /** True when a WebGL 2 context could be made (MediaPipe's GPU delegate needs it). */
  webgl2: boolean;
  /** The renderer's name, unmasked when the browser allows, else what it reports. */
  renderer: string;
  /** True when the renderer emulates the GPU on the CPU (SwiftShader, llvmpipe…). */
  software: boolean;
}

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

/**
 * Looks at the WebGL renderer of this thread (page or worker). A software renderer runs the GPU
 * delegate on emulated GL, which is slower than MediaPipe's CPU delegate.
 */
export function probeWebGL(): WebGLProbe {
  try {
    const canvas: OffscreenCanvas | HTMLCanvasElement =
      typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
    const gl = canvas.getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return { webgl2: false, renderer: '', software: false };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { webgl2: true, renderer, software: SOFTWARE_RENDERERS.test(renderer) };
  } catch {
    return { webgl2: false, renderer: '', software: false };
  }
}
