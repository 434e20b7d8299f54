/**
 * Makes the demo performance that `pnpm start --demo` and the avatar page's Demo button play:
 * the project's own tracker, in headless Chromium, plays a clip from ../shared/media through
 * MediaPipe (`?video=`), and a recorder on a real hub records what it publishes.
 *
 *   pnpm record:demo                                   # the selfie clip: face only
 *   pnpm record:demo --video ../shared/media/body/arm-raise-thumbs-up.mp4 --params body=upper,hands=1 --calibrate-at 0.3 --seconds 23.4
 *
 * Options: --video FILE (an .mp4 Chromium plays), --params a=1,b=2 (extra tracker URL
 * parameters, e.g. `body=upper,hands=1`), --calibrate-at S (clip
 * time of a neutral, frontal moment to calibrate on; default 9.5 s, frames 270–324 of the selfie
 * clip), --seconds N (of the clip; default 22, two loops of the selfie clip), --rate R (the
 * clip's playback rate; default 0.25), --out FILE (default the hub's models/rigcast-demo.rig,
 * which the build ships and /models/ serves), --after FILE (a recording this one follows: its
 * frames first, then these, one typical frame interval after its last, `seq` and `time` carrying
 * on; how the shipped demo joins the selfie clip's face to the body clip).
 *
 * The clip plays at a quarter of its speed, so that the tracker gets to every frame even on a slow
 * machine (headless Chromium with software GL on 2 busy cores tracks at 4–15 fps); the recording
 * is then retimed to the clip's own pace exactly as `rigcast replay --speed 4` plays it (arrival
 * times and each frame's `time` divided by 4; nothing else in the frames changes). It starts when
 * the clip loops back to its start, after calibrating. Needs the tracker built (`pnpm build`) and
 * ../shared (the models and the clip).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createHub } from '@rigcast/hub';
import { ReplaySchedule, decodeFrame, encodeFrame, type RecordedFrame } from '@rigcast/protocol';
import { HubRecorder, RecordingFileWriter, formatSummary, readRecordingFile, summarizeRecording } from '@rigcast/record';
import { launchChromium } from '../test/support/chromium';
import { APP_BUILD_DIRS, ensureAppBuilt } from '../test/support/ensureAppBuilt';
import { REPO_ROOT, sharedPath } from '../test/support/sharedData';

const ROOM = 'demo';
const { values } = parseArgs({
  options: {
    video: { type: 'string', default: sharedPath('media/face/selfie.mp4') },
    params: { type: 'string', default: '' },
    'calibrate-at': { type: 'string', default: '9.5' },
    seconds: { type: 'string', default: '22' },
    rate: { type: 'string', default: '0.25' },
    out: { type: 'string', default: resolve(REPO_ROOT, 'packages/hub/models/rigcast-demo.rig') },
    after: { type: 'string' },
  },
});
const video = resolve(values.video!);
if (!existsSync(video)) throw new Error(`${video} does not exist; pass --video with a clip from ../shared/media`);
const calibrateAt = Number(values['calibrate-at']);
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const extra = values.params!.split(',').filter(Boolean).map((pair) => `&${pair}`).join('');

await ensureAppBuilt({
  appDir: 'apps/tracker',
  packages: ['packages/solver', 'packages/protocol', 'packages/client'],
  requiredOutputs: ['dist/wasm/vision_wasm_module_internal.wasm'],
});
const scratch = mkdtempSync(join(tmpdir(), 'rigcast-demo-'));
const hub = await createHub({ port: 0, appsDirs: APP_BUILD_DIRS, modelsDirs: [sharedPath('models'), dirname(video)] });
const browser = await launchChromium({ args: ['--disable-gpu-compositing'] });
try {
  const tracker = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  tracker.on('pageerror', (error) => console.error(`tracker page: ${error.message}`));
  await tracker.goto(`${hub.url}/tracker/?room=${ROOM}&key=${hub.publishKey}&autostart=1&video=../models/${encodeURIComponent(basename(video))}${extra}`);
  await tracker.waitForFunction(() => (window as any).rigcastTracker.state().tracking === 'tracking', undefined, { timeout: 180_000 });
  await tracker.evaluate((playbackRate) => (document.querySelector('video')!.playbackRate = playbackRate), rate);
  const clipTime = () => tracker.evaluate(() => document.querySelector('video')!.currentTime);
  const waitForClipTime = (check: string) => tracker.waitForFunction(check, undefined, { timeout: 300_000, polling: 20 });

  // Calibrate on a neutral, frontal moment (within a second of clip after it), then start with the clip's next loop.
  await waitForClipTime(`(t => t >= ${calibrateAt} && t < ${calibrateAt + 1})(document.querySelector('video').currentTime)`);
  await tracker.click('#calibrate');
  console.log(`record-demo: calibrated at ${(await clipTime()).toFixed(2)} s of ${basename(video)}`);
  await waitForClipTime(`document.querySelector('video').currentTime < ${calibrateAt}`);

  const slow = join(scratch, 'slow.rig');
  const recorder = new HubRecorder({ url: hub.url, room: ROOM }, { path: slow });
  await new Promise((done) => setTimeout(done, (seconds / rate) * 1000));
  recorder.stop();
  const state = await tracker.evaluate(() => (window as any).rigcastTracker.state());
  console.log(`record-demo: tracker ${state.fps.toFixed(1)} fps, inference ${state.inferenceMs.toFixed(0)} ms (${state.delegate}, ${state.thread}) at ${rate}× the clip's speed`);

  // Back to the clip's own pace.
  const schedule = new ReplaySchedule(readRecordingFile(slow).recording.frames, { speed: 1 / rate });
  const frames: RecordedFrame[] = [];
  for (let item = schedule.next(); item; item = schedule.next()) frames.push({ arrivalMs: item.atMs, bytes: item.bytes });
  const before = values.after ? readRecordingFile(resolve(values.after)).recording.frames : [];
  const writer = new RecordingFileWriter(values.out!, { overwrite: true });
  for (const frame of [...before, ...following(before, frames)]) writer.append(frame.arrivalMs, frame.bytes);
  writer.close();
  const { recording, byteLength } = readRecordingFile(values.out!);
  console.log(`record-demo: ${values.out}: ${formatSummary(summarizeRecording(recording, byteLength))}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
  await browser.close();
  await hub.close();
}

/**
 * `frames` (arrivals from 0) moved to follow `before`: one typical frame interval after its last
 * frame, with `seq` and `time` carrying on from it (the frames re-encoded with only those changed).
 */
function following(before: readonly RecordedFrame[], frames: readonly RecordedFrame[]): RecordedFrame[] {
  const last = before.at(-1);
  if (!last || frames.length === 0) return [...frames];
  const steps = before.slice(1).map((frame, i) => frame.arrivalMs - before[i].arrivalMs).sort((a, b) => a - b);
  const step = steps[steps.length >> 1] ?? 40;
  const lastFrame = decodeFrame(last.bytes);
  const firstTime = decodeFrame(frames[0].bytes).time;
  return frames.map((frame, i) => {
    const decoded = decodeFrame(frame.bytes);
    decoded.seq = (lastFrame.seq + 1 + i) >>> 0;
    decoded.time = lastFrame.time + step + (decoded.time - firstTime);
    return { arrivalMs: last.arrivalMs + step + frame.arrivalMs - frames[0].arrivalMs, bytes: encodeFrame(decoded) };
  });
}
