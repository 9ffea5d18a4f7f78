import type { CustomEnv } from '../../run/types';
import type { EnvSpec, Space, Transition } from '../types';
import { datasetHash } from '../dataset';
import { inferSpaces } from './spaces';

/** The id of a custom environment: `custom:<slug of the title>`. */
export function customEnvId(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // drop the accents NFKD split off: "ö" → "o"
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `custom:${slug || 'env'}`;
}

/** What the editor collects for a custom environment. */
export interface CustomEnvInput {
  title: string;
  description: string;
  transitions: Transition[];
  /** A reference simulator in the CWM contract plus `reset()`; untrusted, run only in the sandbox. */
  simulator?: string;
}

/** Builds the `CustomEnv` that travels in run records and links, spaces inferred from the data. */
export function buildCustomEnv(input: CustomEnvInput): CustomEnv {
  const spaces = inferSpaces(input.transitions);
  const env: CustomEnv = {
    title: input.title.trim() || 'My environment',
    description: input.description.trim(),
    transitions: input.transitions,
    observation: spaces.observation,
    action: spaces.action,
    stateComparison: spaces.stateComparison,
  };
  if (input.simulator?.trim()) env.simulator = input.simulator;
  return env;
}

function isSpace(value: unknown): value is Space {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === 'discrete' || kind === 'multi-discrete' || kind === 'box';
}

/**
 * The EnvSpec of a custom environment, so the search, scorer and UI treat it like a pack. Spaces
 * stored in the record win over inference (a record from elsewhere may carry exact bounds). Play
 * and planning need the user's simulator; without one it is transitions-only, like MuJoCo packs.
 */
export function customEnvSpec(env: CustomEnv): EnvSpec {
  const inferred = inferSpaces(env.transitions.length ? env.transitions : [{ state: 0, action: 0, next_state: 0, reward: 0, done: false }]);
  const observation = isSpace(env.observation) ? env.observation : inferred.observation;
  const action = isSpace(env.action) ? env.action : inferred.action;
  return {
    id: customEnvId(env.title),
    title: env.title,
    description: env.description,
    observation,
    action,
    stateComparison: env.stateComparison ?? inferred.stateComparison,
    episodeLimit: null,
    planner: action.kind === 'box' ? 'cem' : 'mcts',
    hasSimulator: Boolean(env.simulator),
    cwmb: false,
  };
}

/** The dataset hash a run on this custom environment records (same FNV-1a as the packs). */
export function customEnvHash(env: CustomEnv): string {
  return datasetHash(env.transitions);
}
