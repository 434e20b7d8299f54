// The apply benchmark's page: the avatar page's model loading and pose writing, timed in a tight
// loop. It is its own Vite entry, so that this probe never ships in the avatar page's bundle.
import { createNeutralFrame } from '@rigcast/protocol';
import { loadVRM } from '../../src/model';
import { IdleMotion } from '../../src/motion';
import { createPartAppliers, RigPose } from '@rigcast/pose';
import { AvatarRig, applyPoseToRig } from '../../src/rig';
import { movingFrame } from '../movingFrame';
import type { AvatarBenchHandle } from './AvatarBenchHandle';
import { applyPoseNaive } from './applyPoseNaive';

/** When the moving frame and the idle motion are sampled, s and ms: any time where both move. */
const FRAME_TIME_S = 1.3;
const IDLE_TIME_MS = 1300;

const handle: AvatarBenchHandle = { status: null, timeApply: () => Number.NaN };
(window as unknown as { avatarBench: AvatarBenchHandle }).avatarBench = handle;

async function init(): Promise<void> {
  const model = new URLSearchParams(location.search).get('model') ?? '';
  try {
    const rig = new AvatarRig(await loadVRM(new URL(model, location.href).href));
    // Alternating between a streamed pose and the idle pose, every write changes what a real
    // frame changes (head, neck, spine, arms, weights), so nothing is skipped a stream would not skip.
    const live = new RigPose();
    const frame = movingFrame(createNeutralFrame(), FRAME_TIME_S);
    for (const part of createPartAppliers()) part.write(frame, live);
    const idle = new IdleMotion().sample(IDLE_TIME_MS, new RigPose());
    handle.timeApply = (mode, iterations) => {
      const write = mode === 'naive' ? applyPoseNaive : applyPoseToRig;
      const start = performance.now();
      for (let i = 0; i < iterations; i++) write(i % 2 === 0 ? live : idle, rig);
      return (performance.now() - start) / iterations;
    };
    handle.status = model;
  } catch (error) {
    handle.status = `error: ${(error as Error).message}`;
  }
}

void init();
