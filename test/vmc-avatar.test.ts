// An ARKit-only VMC sender (like an iPhone tracker) drives a VRM 0.x model without perfect sync:
// python3-liblo → rigcast vmc in → hub → the avatar page in real Chromium, on the shared avocado.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Hub } from '@rigcast/hub';
import { ARKIT_BLENDSHAPE_NAMES } from '@rigcast/protocol';
import { VmcIn } from '@rigcast/vmc';
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { countDifferentPixels, openAvatar, readAvatar, screenshotPixels, TEST_VRMS, useAvatarSuite, type Pixels, type Region } from './avatar-harness';
import { HAS_SHARED_DATA, SHARED_SKIP_REASON } from './support/sharedData';

/**
 * Sends every ARKit name (and no preset) with liblo at 30 Hz to the port in argv[1]; each JSON line
 * on stdin replaces the weights; stdin closing stops it.
 */
const ARKIT_SENDER = `
import json, sys, threading, time, liblo
target = liblo.Address('127.0.0.1', int(sys.argv[1]), liblo.UDP)
names = json.loads(sys.argv[2])
state = {'weights': {}, 'running': True}
def read():
    for line in sys.stdin:
        state['weights'] = json.loads(line)
    state['running'] = False
threading.Thread(target=read, daemon=True).start()
while state['running']:
    weights = state['weights']
    messages = [liblo.Message('/VMC/Ext/Bone/Pos', 'Head', *[('f', v) for v in (0, 0, 0, 0, 0, 0, 1)])]
    messages += [liblo.Message('/VMC/Ext/Blend/Val', name, ('f', float(weights.get(name, 0)))) for name in names]
    liblo.send(target, liblo.Bundle(*messages[:30]))
    liblo.send(target, liblo.Bundle(*messages[30:], liblo.Message('/VMC/Ext/Blend/Apply')))
    time.sleep(1 / 30)
`;

describe.skipIf(!HAS_SHARED_DATA)(`vmc in drives a VRM 0.x model without perfect sync${HAS_SHARED_DATA ? '' : ` (${SHARED_SKIP_REASON})`}`, () => {
  let hub: Hub;
  let browser: Browser;
  useAvatarSuite((started) => ({ hub, browser } = started));
  const closers: (() => unknown)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  it('ARKit weights alone open the avocado\'s mouth and close its eyes, through the presets the bridge derives', async () => {
    const room = 'vmc-avocado';
    // The avocado's mouth is small: a large window gives it enough pixels.
    const { page, errors } = await openAvatar(browser, hub, { room, model: TEST_VRMS.avocado, frame: 'face' }, { width: 1280, height: 960 });
    closers.push(() => page.close());
    const reading = await readAvatar(page);
    expect(reading.model.vrmVersion).toBe('0');
    // No perfect sync: none of the model's expressions is named after an ARKit shape.
    expect(Object.keys(reading.expressions).filter((name) => ARKIT_BLENDSHAPE_NAMES.includes(name as never))).toEqual([]);

    const bridge = await VmcIn.start({ hub: hub.url, room, key: hub.publishKey, host: '127.0.0.1', port: 0 });
    closers.push(() => bridge.close());
    const sender: ChildProcess = spawn('/usr/bin/python3', ['-c', ARKIT_SENDER, String(bridge.port), JSON.stringify(ARKIT_BLENDSHAPE_NAMES)], { stdio: ['pipe', 'ignore', 'pipe'] });
    closers.push(() => sender.stdin!.end());
    const setWeights = (weights: Record<string, number>) => sender.stdin!.write(`${JSON.stringify(weights)}\n`);

    await page.waitForFunction(() => {
      const s = window.rigcast.state();
      return !s.idle.face.active && s.idle.face.weight === 0 && s.frames.received > 5;
    }, undefined, { timeout: 60_000, polling: 100 });
    const s0 = await readAvatar(page);
    const viewport = page.viewportSize()!;
    // Mouth and eyes sit on the face around the head bone; crop a box around it.
    const region: Region = { x: s0.headScreen!.x - viewport.width * 0.2, y: s0.headScreen!.y - viewport.height * 0.2, width: viewport.width * 0.4, height: viewport.height * 0.4 };
    const shoot = async (p: Page): Promise<Pixels> => {
      await p.waitForTimeout(600);
      return screenshotPixels(p);
    };
    const restA = await shoot(page);
    const restB = await shoot(page);

    setWeights({ jawOpen: 1, eyeBlinkLeft: 1, eyeBlinkRight: 1 });
    await page.waitForFunction(() => {
      const e = window.avatarProbe().expressions;
      return e.aa > 0.9 && e.blink > 0.9;
    }, undefined, { timeout: 30_000, polling: 100 });
    const moved = await shoot(page);
    const s1 = await readAvatar(page);
    console.log(`avocado: aa ${s1.expressions.aa.toFixed(3)}, blink ${s1.expressions.blink.toFixed(3)}; bridge frames ${bridge.assembler.stats.frames}, published ${bridge.published}`);

    const control = countDifferentPixels(restA, restB, region);
    const changed = countDifferentPixels(restA, moved, region);
    console.log(`avocado: ${changed} pixels changed around the face (control ${control})`);
    expect(changed).toBeGreaterThan(150);
    expect(changed).toBeGreaterThan(control * 10);
    expect(errors).toEqual([]);
  });
});
