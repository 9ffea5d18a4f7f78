import type { EnvPack } from '../src/core/env/types';
import { pack as cartpole } from './cartpole';
import { pack as mountaincar } from './mountaincar';
import { pack as mountaincarContinuous } from './mountaincar-continuous';
import { pack as acrobot } from './acrobot';
import { pack as pendulum } from './pendulum';
import { pack as blackjack } from './blackjack';
import { pack as cliffwalking } from './cliffwalking';
import { pack as taxi } from './taxi';
import { packs as frozenlake } from './frozenlake';
import { pack as reacher } from './reacher';
import { pack as pusher } from './pusher';
import { pack as invertedPendulum } from './inverted-pendulum';
import { pack as invertedDoublePendulum } from './inverted-double-pendulum';
import { pack as halfcheetah } from './halfcheetah';
import { pack as hopper } from './hopper';
import { pack as swimmer } from './swimmer';
import { pack as walker2d } from './walker2d';
import { pack as ant } from './ant';

/** Every environment pack, in gallery order. */
export const packs: EnvPack[] = [
  cartpole,
  mountaincar,
  acrobot,
  pendulum,
  blackjack,
  cliffwalking,
  taxi,
  ...frozenlake,
  mountaincarContinuous,
  reacher,
  pusher,
  invertedPendulum,
  invertedDoublePendulum,
  halfcheetah,
  hopper,
  swimmer,
  walker2d,
  ant,
];

const byId = new Map(packs.map((p) => [p.spec.id, p]));

/** The pack with this id, or undefined. */
export function findPack(id: string): EnvPack | undefined {
  return byId.get(id);
}

/** The pack with this id; throws a message listing the known ids otherwise. */
export function getPack(id: string): EnvPack {
  const pack = byId.get(id);
  if (!pack) throw new Error(`unknown environment "${id}"; known: ${packs.map((p) => p.spec.id).join(', ')}`);
  return pack;
}
