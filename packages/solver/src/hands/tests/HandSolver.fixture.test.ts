import { createEmptyBody } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import type { HandFixture } from '../../fixture/HandFixture';
import { OPEN_HAND_FIXTURE_PATH, THUMBS_UP_HAND_FIXTURE_PATH, loadHandFixture } from '../../fixture/loadHandFixture';
import { HandSolver } from '../HandSolver';
import { EXTENDED_DEG, THUMB_EXTENDED_DEG, isThumbsUp, readHand, type HandShape } from './handScore';

// Real MediaPipe output (HandLandmarker full, numHands 2, VIDEO mode, CPU, in Chromium; recorded
// by scripts/record-hand-fixture.ts) replayed through the solver, mirror on, with the pose's wrists
// from the same frames. No body solver runs here (arms = null): finger states do not depend on it.
//
// Known answers:
// - body/arm-raise-thumbs-up.mp4 (DATA.md): frames 60–194, her RIGHT hand in a thumbs-up — the thumb
//   extended, the four fingers curled into the palm — so, mirror on, the avatar's LEFT hand; her
//   left arm stays out of the frame, so the avatar's right hand is never tracked.
// - hands/hand.mp4 (inspected frame by frame with ffmpeg): a right hand, palm to the camera,
//   opens over frames 25–50 and stays open, fingers extended and slightly spread, from frame 60
//   to the end (201).

/** Share of the listed frames that must read the known answer (a frame or two of detector noise may not). */
const REQUIRED_SHARE = 0.95;

interface HandReading extends HandShape {
  index: number;
}

function replay(fixture: HandFixture, from: number, to: number) {
  const solver = new HandSolver({ mirror: true });
  const body = createEmptyBody();
  const readings: HandReading[] = [];
  let rightTracked = 0;
  let detected = 0;
  for (const frame of fixture.frames) {
    solver.solve(frame.result, frame.timeMs, body, null, frame.poseWrists);
    if (solver.state('right') === 'tracking') rightTracked++;
    if (frame.index < from || frame.index > to) continue;
    if (frame.result.worldLandmarks.length) detected++;
    if (solver.state('left') === 'tracking') readings.push({ index: frame.index, ...readHand(body, 'left') });
  }
  return { readings, rightTracked, detected, frames: to - from + 1 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
const share = (readings: HandReading[], test: (r: HandReading) => boolean) => readings.filter(test).length / readings.length;

describe('HandSolver on real MediaPipe output', () => {
  it("arm-raise-thumbs-up, frames 60–194: the avatar's LEFT hand shows a thumbs-up — thumb extended, index, middle, ring and little curled", () => {
    const run = replay(loadHandFixture(THUMBS_UP_HAND_FIXTURE_PATH), 60, 194);
    const thumbsUp = share(run.readings, isThumbsUp);
    console.log(
      `thumbs-up, frames 60–194: a hand in ${run.detected}/${run.frames} frames, the avatar's left hand tracked in ${run.readings.length}; ` +
        `median curl: thumb MCP+IP ${median(run.readings.map((r) => r.thumb)).toFixed(0)}°, ` +
        ['index', 'middle', 'ring', 'little'].map((f, i) => `${f} ${median(run.readings.map((r) => r.fingers[i])).toFixed(0)}°`).join(', ') +
        `; thumbs-up read in ${(thumbsUp * 100).toFixed(1)} % of them; the avatar's right hand tracked in ${run.rightTracked} frames`,
    );
    expect(run.readings.length).toBeGreaterThanOrEqual(REQUIRED_SHARE * run.frames);
    expect(thumbsUp).toBeGreaterThanOrEqual(REQUIRED_SHARE);
    expect(run.rightTracked).toBe(0);
  });

  it("hand.mp4, frames 60–201: the open right hand reads as extended fingers on the avatar's LEFT hand", () => {
    const run = replay(loadHandFixture(OPEN_HAND_FIXTURE_PATH), 60, 201);
    const open = share(run.readings, (r) => r.thumb < THUMB_EXTENDED_DEG && r.fingers.every((c) => c < EXTENDED_DEG));
    console.log(
      `open hand, frames 60–201: a hand in ${run.detected}/${run.frames} frames, the avatar's left hand tracked in ${run.readings.length}; ` +
        `median curl: thumb MCP+IP ${median(run.readings.map((r) => r.thumb)).toFixed(0)}°, ` +
        ['index', 'middle', 'ring', 'little'].map((f, i) => `${f} ${median(run.readings.map((r) => r.fingers[i])).toFixed(0)}°`).join(', ') +
        `; all extended in ${(open * 100).toFixed(1)} %; the avatar's right hand tracked in ${run.rightTracked} frames`,
    );
    expect(run.readings.length).toBeGreaterThanOrEqual(REQUIRED_SHARE * run.frames);
    expect(open).toBeGreaterThanOrEqual(REQUIRED_SHARE);
    expect(run.rightTracked).toBe(0);
  });
});
