import { createReadStream, existsSync } from 'node:fs';
import { cp, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { viteFromSource } from '../../sourceConditions.ts';

const require = createRequire(import.meta.url);
/** The wasm runtime inside the installed @mediapipe/tasks-vision: served from here, never a CDN. */
const MEDIAPIPE_WASM_DIR = dirname(require.resolve('@mediapipe/tasks-vision/vision_wasm_internal.js'));
const WASM_ROUTE = 'wasm';
/** In dev, `/models/` comes from here, as the hub would serve it. */
const DEV_MODELS_DIR = process.env.RIGCAST_MODELS_DIR ?? resolve(import.meta.dirname, '../../models');

/**
 * Copies MediaPipe's wasm files to `dist/wasm/` on build. In dev, serves them at `wasm/`, and the
 * models folder at `/models/` like the hub does.
 */
function mediapipeWasm(): Plugin {
  let outDir = '';
  return {
    name: 'rigcast-mediapipe-wasm',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      await cp(MEDIAPIPE_WASM_DIR, join(outDir, WASM_ROUTE), { recursive: true });
    },
    async configureServer(server) {
      const files = new Set(await readdir(MEDIAPIPE_WASM_DIR));
      server.middlewares.use((request, response, next) => {
        const path = new URL(request.url ?? '/', 'http://localhost').pathname;
        const name = basename(path);
        if (path.startsWith('/models/') && existsSync(join(DEV_MODELS_DIR, name))) {
          createReadStream(join(DEV_MODELS_DIR, name)).pipe(response);
          return;
        }
        if (!path.includes(`/${WASM_ROUTE}/`) || !files.has(name)) return next();
        response.setHeader('Content-Type', name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript');
        createReadStream(join(MEDIAPIPE_WASM_DIR, name)).pipe(response);
      });
    },
  };
}

// Relative base: the hub serves the built page at /tracker/, and the models at ../models/.
export default defineConfig({
  ...viteFromSource,
  base: './',
  plugins: [mediapipeWasm()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1024 },
});
