import type { EnvPack, EnvSpec } from '../../src/core/env/types';
import { cwmbDataset } from '../datasets';

/** What differs between the MuJoCo CWMB environments: ids, layouts and the prose about them. */
export interface MujocoInfo {
  id: string;
  title: string;
  gymId: string;
  /** The Gymnasium documentation text the paper's prompts used (the paper variant). */
  paperDescription: string;
  /** What the body is and what it is meant to do. */
  summary: string;
  /** One entry per observation element, in order: a short label and its meaning. */
  observation: ReadonlyArray<readonly [label: string, meaning: string]>;
  /** One entry per action element, in order: a short label and its meaning. */
  action: ReadonlyArray<readonly [label: string, meaning: string]>;
  /** Symmetric bound of every action element (Gymnasium's Box low = -bound, high = bound). */
  actionBound: number;
  /** Physics step: simulator timestep times frame skip. */
  dt: string;
  reward: string;
  termination: string;
  episodeLimit: number;
}

function list(items: MujocoInfo['observation']): string {
  return items.map(([label, meaning], i) => `  [${i}] ${label}: ${meaning}`).join('\n');
}

/**
 * The spec of a transitions-only MuJoCo pack (Gymnasium v4, MuJoCo bindings). No closed-form
 * simulator exists in the project, so the description spells out layouts, reward and termination
 * and is honest that the physics itself must be approximated.
 */
export function mujocoSpec(info: MujocoInfo): EnvSpec {
  const n = info.observation.length;
  const m = info.action.length;
  return {
    id: info.id,
    title: info.title,
    gymId: info.gymId,
    paperDescription: info.paperDescription,
    description: `${info.summary}

The world is a rigid-body physics simulation (MuJoCo). One step applies the action for ${info.dt} of simulated time; positions, angles and velocities then follow the body's equations of motion with joint limits, damping, gravity and contacts, which a program can only approximate (for example with a simple explicit integrator per joint).

State: an array of ${n} floats (angles in radians, velocities per second):
${list(info.observation)}

Action: an array of ${m} floats, each in [${-info.actionBound}, ${info.actionBound}] (values outside are clipped by the actuators):
${list(info.action)}

Reward: ${info.reward}

Termination: ${info.termination}
The episode is cut off after ${info.episodeLimit} steps by a time limit, which is not part of the dynamics.`,
    observation: {
      kind: 'box',
      shape: [n],
      low: new Array<number>(n).fill(-Infinity),
      high: new Array<number>(n).fill(Infinity),
      labels: info.observation.map(([label]) => label),
    },
    action: {
      kind: 'box',
      shape: [m],
      low: new Array<number>(m).fill(-info.actionBound),
      high: new Array<number>(m).fill(info.actionBound),
      labels: info.action.map(([label]) => label),
    },
    stateComparison: 'tolerant',
    episodeLimit: info.episodeLimit,
    planner: 'cem',
    hasSimulator: false,
    cwmb: true,
  };
}

/** A transitions-only pack: the spec and the CWMB dataset, no simulator (play and planning are off). */
export function mujocoPack(spec: EnvSpec, load: () => Promise<{ default: unknown }>): EnvPack {
  return { spec, datasets: [cwmbDataset(spec, load)] };
}
