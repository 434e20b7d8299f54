import { quatAngleBetween, quatRotateVec3 } from '@rigcast/math';
import { createEmptyBody } from '@rigcast/protocol';
import { BodySolver } from './packages/solver/src/body/BodySolver';
import { forwardKinematics } from './packages/solver/src/body/tests/bodyFk';
import { loadPoseFixture, ARM_RAISE_POSE_IMAGE_MODE_FIXTURE_PATH } from './packages/solver/src/fixture/loadPoseFixture';
const f = loadPoseFixture(process.argv[2] === 'image' ? ARM_RAISE_POSE_IMAGE_MODE_FIXTURE_PATH : undefined);
const solver = new BodySolver({ mirror: true, smoothing: Number(process.argv[3] ?? 0.5) });
const body = createEmptyBody();
let prev: any = null;
for (const fr of f.frames) {
  solver.solve(fr.result, fr.timeMs, body);
  const fk = forwardKinematics(body.bones as any);
  const hand = fk.position.get('leftHand')!, sh = fk.position.get('leftUpperArm')!, el = fk.position.get('leftLowerArm')!;
  const ua = quatRotateVec3([0,0,0], fk.rotation.get('leftUpperArm')!, [1,0,0]);
  const elev = Math.asin(ua[1]) * 180 / Math.PI;
  const jump = prev ? Math.max(...['leftUpperArm','leftLowerArm','spine'].map(b => quatAngleBetween(prev[b], (body.bones as any)[b]) * 180/Math.PI)) : 0;
  prev = JSON.parse(JSON.stringify(body.bones));
  if (fr.index % 3 === 0 || (fr.index > 30 && fr.index < 60)) console.log(fr.index, solver.partState('leftArm').padEnd(8), solver.partState('rightArm').padEnd(8), 'conf', body.confidence.leftArm.toFixed(2), body.confidence.rightArm.toFixed(2), 'handAboveShoulder', ((hand[1]-sh[1])*100).toFixed(1), 'cm elev', elev.toFixed(0), 'ua dir', ua.map(v=>v.toFixed(2)).join(','), 'jump', jump.toFixed(1), 'torso', (quatAngleBetween(fk.rotation.get('upperChest')!, [0,0,0,1])*180/Math.PI).toFixed(1), 'R', (quatAngleBetween(body.bones.rightUpperArm!, [0,0,Math.sin(35*Math.PI/180),Math.cos(35*Math.PI/180)])*180/Math.PI).toFixed(1));
}
