import { mujocoSpec } from '../reacher/mujoco';
import { paperDescription } from './description-paper';

const legs = ['front left', 'front right', 'back left', 'back right'];

/** Ant-v4 (without contact forces in the observation): a four-legged walker in 3-D. */
export const spec = mujocoSpec({
  id: 'ant',
  title: 'Ant',
  gymId: 'Ant-v4',
  paperDescription,
  summary:
    "A 3-D four-legged robot: a round torso with four legs, each with a hip joint (swinging the leg around the vertical) and an ankle joint. It should walk forward (+x). The torso's x, y position is not part of the state; its orientation is a unit quaternion (w, x, y, z). Legs 1..4 are front left, front right, back left, back right.",
  observation: [
    ['torso z', 'height of the torso'],
    ['quat w', 'torso orientation quaternion, w'],
    ['quat x', 'torso orientation quaternion, x'],
    ['quat y', 'torso orientation quaternion, y'],
    ['quat z', 'torso orientation quaternion, z'],
    ...legs.flatMap((leg, i) => [[`hip ${i + 1}`, `hip angle of leg ${i + 1} (${leg})`] as const, [`ankle ${i + 1}`, `ankle angle of leg ${i + 1} (${leg})`] as const]),
    ['torso x vel', 'torso velocity along x'],
    ['torso y vel', 'torso velocity along y'],
    ['torso z vel', 'torso velocity along z'],
    ['torso x ang vel', 'torso angular velocity about x'],
    ['torso y ang vel', 'torso angular velocity about y'],
    ['torso z ang vel', 'torso angular velocity about z'],
    ...legs.flatMap((_, i) => [[`hip ${i + 1} vel`, `hip angular velocity of leg ${i + 1}`] as const, [`ankle ${i + 1} vel`, `ankle angular velocity of leg ${i + 1}`] as const]),
  ],
  // Gymnasium's actuator order starts with leg 4.
  action: [
    ['hip 4', 'torque on the hip of leg 4 (back right)'],
    ['ankle 4', 'torque on the ankle of leg 4'],
    ['hip 1', 'torque on the hip of leg 1 (front left)'],
    ['ankle 1', 'torque on the ankle of leg 1'],
    ['hip 2', 'torque on the hip of leg 2 (front right)'],
    ['ankle 2', 'torque on the ankle of leg 2'],
    ['hip 3', 'torque on the hip of leg 3 (back left)'],
    ['ankle 3', 'torque on the ankle of leg 3'],
  ],
  actionBound: 1,
  dt: '0.05 s (5 physics steps of 0.01 s)',
  reward:
    "1 (alive bonus, on every step) + (x_after - x_before) / 0.05 - 0.5·(sum of squared action elements), where x is the torso's forward position (its mean forward speed over the step, close to but not exactly the torso x velocity of the next state). Contact forces are not penalised.",
  termination: 'done is true when, after the step, the ant is unhealthy: torso z < 0.2 or z > 1.0, or any state element is not finite.',
  episodeLimit: 1000,
});
