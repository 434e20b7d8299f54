// Serves the default avatar in the preview page for a look in a browser.
// Usage: node --conditions=@rigcast/source --import tsx packages/avatar-gen/scripts/preview.ts [port]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servePreview } from '../preview/servePreview';
import { generateDefaultAvatar } from '../src/generateDefaultAvatar';

const vrmPath = join(mkdtempSync(join(tmpdir(), 'rigcast-avatar-')), 'avatar.vrm');
writeFileSync(vrmPath, generateDefaultAvatar().bytes);
const server = await servePreview(vrmPath, Number(process.argv[2] ?? 5180));
console.log(`preview at ${server.url} (in the console: await avatarPreview.load('/avatar.vrm'); avatarPreview.render({ expressions: { happy: 1 } }))`);
