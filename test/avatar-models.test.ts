import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Hub } from '@rigcast/hub';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  countOpaquePixels,
  openAvatar,
  readAvatar,
  pixelAt,
  screenshotPixels,
  TEST_VRMS,
  useAvatarSuite,
} from './avatar-harness';
import { HAS_SHARED_DATA, REPO_ROOT, SHARED_SKIP_REASON, sharedPath } from './support/sharedData';

const DEFAULT_AVATAR = resolve(REPO_ROOT, 'models/rigcast-default.vrm');

// The avatar page in real Chromium (software GL) against a real hub: loading every shared VRM,
// OBS-ready output, and what a user sees when a model cannot load.
describe.skipIf(!HAS_SHARED_DATA)(`avatar page: models and output${HAS_SHARED_DATA ? '' : ` (${SHARED_SKIP_REASON})`}`, () => {
  let hub: Hub;
  let browser: Browser;

  useAvatarSuite((started) => ({ hub, browser } = started));

  it.each(Object.entries(TEST_VRMS))('loads %s (%s) without errors', async (_name, model) => {
    const { page, errors } = await openAvatar(browser, hub, { room: 'models', model });
    try {
      const state = await page.evaluate(() => window.rigcast.state());
      expect(state.model.error).toBeNull();
      expect(state.model.status).toBe('loaded');
      expect(state.model.vrmVersion).toBe(model.includes('vrm0') ? '0' : '1');
      expect(state.status).toBe('');
      // Rendered something: the avatar covers part of the page.
      const pixels = await screenshotPixels(page);
      expect(countOpaquePixels(pixels, { x: 0, y: 0, width: pixels.width, height: pixels.height })).toBeGreaterThan(1000);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.skipIf(!existsSync(DEFAULT_AVATAR))('with no ?model= loads the default avatar (models/rigcast-default.vrm) with perfect sync', async () => {
    const { page, errors } = await openAvatar(browser, hub, { room: 'models' });
    try {
      const state = await readAvatar(page);
      expect(state.options.modelFromQuery).toBe(false);
      expect(state.model.error).toBeNull();
      expect(state.model.name).toBe('rigcast-default.vrm');
      expect(state.model.vrmVersion).toBe('1');
      expect(state.lookAtType).toBe('bone');
      // 52 ARKit shapes minus the 8 eyeLook* that VRMLookAt handles.
      expect(state.model.perfectSyncCount).toBe(44);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('has a transparent background: corners alpha 0, the avatar opaque in the centre', async () => {
    const { page, errors } = await openAvatar(browser, hub, { room: 'models', model: TEST_VRMS.avocado });
    try {
      const pixels = await screenshotPixels(page);
      const { width: w, height: h } = pixels;
      for (const [x, y] of [[1, 1], [w - 2, 1], [1, h - 2], [w - 2, h - 2]]) expect(pixelAt(pixels, x, y)[3]).toBe(0);
      const centre = { x: Math.round(w * 0.4), y: Math.round(h * 0.4), width: Math.round(w * 0.2), height: Math.round(h * 0.2) };
      expect(countOpaquePixels(pixels, centre, 250)).toBeGreaterThan(centre.width * centre.height * 0.5);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('?bg=00ff00 gives an opaque chroma-key background', async () => {
    const { page } = await openAvatar(browser, hub, { room: 'models', model: TEST_VRMS.avocado, bg: '00ff00' });
    try {
      const pixels = await screenshotPixels(page);
      expect(pixelAt(pixels, 1, 1)).toEqual([0, 255, 0, 255]);
      expect(pixelAt(pixels, pixels.width - 2, pixels.height - 2)).toEqual([0, 255, 0, 255]);
    } finally {
      await page.close();
    }
  });

  it('shows no UI unless ?debug=1, and debug mode shows fps, frames and the connection', async () => {
    const plain = await openAvatar(browser, hub, { room: 'models', model: TEST_VRMS.sphere });
    const debug = await openAvatar(browser, hub, { room: 'models', model: TEST_VRMS.sphere, debug: '1' });
    try {
      expect(await plain.page.locator('#rigcast-debug').isVisible()).toBe(false);
      expect(await plain.page.locator('#rigcast-status').isVisible()).toBe(false);
      await debug.page.waitForFunction(() => /hub connected/.test(document.getElementById('rigcast-debug')?.textContent ?? ''), undefined, { timeout: 30_000 });
      const text = await debug.page.locator('#rigcast-debug').textContent();
      expect(text).toMatch(/fps \d/);
      expect(text).toMatch(/frames \d+/);
      expect(text).toMatch(/last frame/);
      expect(text).toMatch(/model sphere-vrm0\.vrm/);
    } finally {
      await plain.page.close();
      await debug.page.close();
    }
  });

  it('a bad ?model= shows the error text', async () => {
    const missing = await openAvatar(browser, hub, { room: 'models', model: '../models/no-such-avatar.vrm' });
    try {
      const state = await missing.page.evaluate(() => window.rigcast.state());
      expect(state.model.status).toBe('failed');
      expect(state.model.error).toMatch(/no-such-avatar\.vrm.*404/);
      expect(await missing.page.locator('#rigcast-status').isVisible()).toBe(true);
      expect(await missing.page.locator('#rigcast-status').textContent()).toMatch(/Could not load the avatar "no-such-avatar\.vrm".*404/);
    } finally {
      await missing.page.close();
    }
    // Not a VRM at all: the hub's health JSON.
    const notVrm = await openAvatar(browser, hub, { room: 'models', model: '/healthz' });
    try {
      expect((await notVrm.page.evaluate(() => window.rigcast.state())).model.error).toMatch(/not a readable VRM/);
      expect(await notVrm.page.locator('#rigcast-status').isVisible()).toBe(true);
    } finally {
      await notVrm.page.close();
    }
  });

  it('a dropped file that is not a VRM shows the error and keeps the previous avatar; a dropped VRM replaces it', async () => {
    const { page, errors } = await openAvatar(browser, hub, { room: 'models', model: TEST_VRMS.avocado });
    try {
      const drop = (bytes: number[], name: string) =>
        page.evaluate(
          ([data, fileName]) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([new Uint8Array(data)], fileName));
            window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
          },
          [bytes, name] as const,
        );
      // A GLB header followed by nonsense: corrupt.
      await drop([0x67, 0x6c, 0x54, 0x46, 2, 0, 0, 0, 99, 0, 0, 0, 1, 2, 3], 'broken.vrm');
      await page.waitForFunction(() => window.rigcast.state().model.error !== null, undefined, { timeout: 30_000 });
      let state = await page.evaluate(() => window.rigcast.state());
      expect(state.model.error).toMatch(/Could not load the avatar "broken\.vrm"/);
      expect(state.status).toMatch(/previous avatar stays/);
      expect(state.model.name).toBe('avocado-vrm0.vrm');
      expect(state.model.status).toBe('loaded');
      expect(state.model.loads).toBe(1);

      await drop([...readFileSync(sharedPath('vrm/sphere-vrm0.vrm'))], 'sphere-vrm0.vrm');
      await page.waitForFunction(() => window.rigcast.state().model.loads === 2, undefined, { timeout: 60_000 });
      state = await page.evaluate(() => window.rigcast.state());
      expect(state.model.name).toBe('sphere-vrm0.vrm');
      expect(state.model.error).toBeNull();
      expect(state.status).toBe('');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
