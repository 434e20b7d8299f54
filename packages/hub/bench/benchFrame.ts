import { createNeutralFrame, type RigFrame } from '@rigcast/protocol';
import { clock } from './benchChildren';

/** The rate the bench publishers send at. */
export const PUBLISH_HZ = 60;

/** A plausible face frame for `seq`: the head sways, the jaw moves, the eyes blink; `time` is now on {@link clock}. */
export function makeFrame(seq: number): RigFrame {
  const frame = createNeutralFrame(seq, clock());
  const face = frame.face!;
  const phase = seq / PUBLISH_HZ;
  const [x, y] = [0.05 * Math.sin(phase), 0.1 * Math.sin(phase * 0.7)];
  const length = Math.hypot(x, y, 1);
  face.head = [x / length, y / length, 0, 1 / length]; // a unit quaternion, as frameFromJSON requires
  face.blendshapes.jawOpen = 0.5 + 0.5 * Math.sin(phase * 3);
  face.blendshapes.eyeBlinkLeft = face.blendshapes.eyeBlinkRight = seq % 90 < 6 ? 1 : 0;
  return frame;
}
