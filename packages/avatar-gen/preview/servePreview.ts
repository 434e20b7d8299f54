import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// three's exports map hides package.json; its CJS build sits in build/.
const THREE_DIR = resolve(dirname(require.resolve('three')), '..');
const THREE_VRM_DIR = resolve(dirname(require.resolve('@pixiv/three-vrm')), '..');

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.vrm': 'model/gltf-binary', '.json': 'application/json' };

/** A running preview server. */
export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the avatar preview page on 127.0.0.1 (port 0 = any free port): the page, three and
 * three-vrm straight from node_modules (ESM via an import map), and `vrmPath` at `/avatar.vrm`.
 */
export function servePreview(vrmPath: string, port = 0): Promise<PreviewServer> {
  const roots: Record<string, string> = { '/three/': THREE_DIR, '/three-vrm/': THREE_VRM_DIR };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file: string | null = null;
    if (path === '/' || path === '/index.html') file = join(HERE, 'index.html');
    else if (path === '/preview.js') file = join(HERE, 'preview.js');
    else if (path === '/avatar.vrm') file = vrmPath;
    else {
      for (const [prefix, dir] of Object.entries(roots)) {
        if (path.startsWith(prefix)) {
          const candidate = normalize(join(dir, path.slice(prefix.length)));
          if (candidate.startsWith(dir)) file = candidate;
        }
      }
    }
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolvePromise({
        url: `http://127.0.0.1:${actual}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
