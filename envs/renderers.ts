import type { Renderer } from './render-types';
import { render as cartpole } from './cartpole/render';
import { mountainCarRenderer, render as mountaincar } from './mountaincar/render';
import { render as acrobot } from './acrobot/render';
import { render as pendulum } from './pendulum/render';
import { render as blackjack } from './blackjack/render';
import { render as cliffwalking } from './cliffwalking/render';
import { render as taxi } from './taxi/render';
import { renderers as frozenlake } from './frozenlake/render';
import { render as vector } from './vector-render';

/** Canvas renderers by environment id; packs without one (MuJoCo) draw their vector. */
const byId: Record<string, Renderer> = {
  cartpole,
  mountaincar,
  'mountaincar-continuous': mountainCarRenderer(0.45),
  acrobot,
  pendulum,
  blackjack,
  cliffwalking,
  taxi,
  ...frozenlake,
};

/** The renderer of an environment: its own, or a bar chart of the observation vector. */
export function rendererFor(envId: string): Renderer {
  return byId[envId] ?? vector;
}
