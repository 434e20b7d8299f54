/**
 * Screenshots of the whole pipeline for the README: the tracker playing `selfie.mp4` through
 * MediaPipe, and the avatar page (default avatar) driven through a real hub.
 *   node --conditions=@rigcast/source --import tsx scripts/demo-screenshots.ts 
 * Needs `pnpm build` first and ../shared (models and the selfie clip).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHub } from '@rigcast/hub';
import { launchChromium } from '../test/support/chromium';
import { APP_BUILD_DIRS } from '../test/support/ensureAppBuilt';
import { REPO_ROOT, sharedPath } from '../test/support/sharedData';

const OUT_DIR = resolve(REPO_ROOT, 'docs/images');
const hub = await createHub({
  port: 0,
  appsDirs: APP_BUILD_DIRS,
  modelsDirs: [sharedPath('models'), sharedPath('media/face'), resolve(REPO_ROOT, 'models')],
});
const browser = await launchChromium({ args: ['--disable-gpu-compositing'] });
try {
  const tracker = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await tracker.goto(`${hub.url}/tracker/?room=demo&key=${hub.publishKey}&autostart=1&video=../models/selfie.mp4`);
  const avatar = await browser.newPage({ viewport: { width: 640, height: 720 } });
  await avatar.goto(`${hub.url}/avatar/?room=demo&frame=upper&bg=%23d8e4f0`);
  await tracker.waitForFunction(() => (window as any).rigcastTracker.state().framesSent > 30, undefined, { timeout: 120_000 });
  // Wait for the head-roll segment (frames 66–100), then capture both pages together.
  await tracker.waitForFunction(() => {
    const video = document.querySelector('video');
    return !!video && video.currentTime > 2.6 && video.currentTime < 3.0;
  }, undefined, { timeout: 60_000, polling: 20 });
  await avatar.waitForTimeout(300);
  writeFileSync(resolve(OUT_DIR, 'demo-tracker.jpg'), await tracker.screenshot({ type: 'jpeg', quality: 80 }));
  writeFileSync(resolve(OUT_DIR, 'demo-avatar.png'), await avatar.screenshot());
  console.log(`wrote ${OUT_DIR}/demo-tracker.jpg and demo-avatar.png`);
} finally {
  await browser.close();
  await hub.close();
}
