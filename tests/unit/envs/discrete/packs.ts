import type { EnvPack } from '../../../../src/core/env/types';
import { pack as blackjack } from '../../../../envs/blackjack';
import { pack as cliffwalking } from '../../../../envs/cliffwalking';
import { pack as taxi } from '../../../../envs/taxi';
import { packs as frozenlake } from '../../../../envs/frozenlake';

/** The simulated packs of this area (the registry also imports other areas' packs). */
export const simulated: EnvPack[] = [blackjack, cliffwalking, taxi, ...frozenlake];
