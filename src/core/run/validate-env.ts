import type { CustomEnv } from './types';
import type { Obs, Transition } from '../env/types';
import { LIMITS } from './limits';
import { RecordError, read } from './check';

function obs(value: unknown, path: string): Obs {
  if (typeof value === 'number') return read.number(value, path);
  const list = read.array(value, path, LIMITS.vector);
  list.forEach((x, i) => read.number(x, `${path}[${i}]`));
  return list as number[];
}

/** Checks one transition `(s, a, s', r, d)` as a record or a link carries it. */
export function checkTransition(value: unknown, path: string): Transition {
  const t = read.object(value, path);
  obs(t.state, `${path}.state`);
  obs(t.action, `${path}.action`);
  obs(t.next_state, `${path}.next_state`);
  read.number(t.reward, `${path}.reward`);
  read.boolean(t.done, `${path}.done`);
  if (t.truncated !== undefined) read.boolean(t.truncated, `${path}.truncated`);
  if (t.traj_start !== undefined) read.integer(t.traj_start, `${path}.traj_start`);
  return t as unknown as Transition;
}

function shapeOf(o: Obs): number {
  return typeof o === 'number' ? -1 : o.length;
}

/** Checks a custom environment carried by a record: text fields, transitions and their shapes. */
export function checkCustomEnv(value: unknown, path: string): CustomEnv {
  const env = read.object(value, path);
  read.string(env.title, `${path}.title`, 200);
  read.string(env.description, `${path}.description`, 50_000);
  const list = read.array(env.transitions, `${path}.transitions`, LIMITS.transitions);
  if (list.length === 0 && env.simulator === undefined) {
    throw new RecordError(
      `${path}.transitions`,
      `${path}.transitions is empty and there is no simulator; a custom environment needs transitions to score programs against. Add transitions in the environment editor.`,
    );
  }
  let first: Transition | undefined;
  list.forEach((row, i) => {
    const t = checkTransition(row, `${path}.transitions[${i}]`);
    first ??= t;
    for (const key of ['state', 'action', 'next_state'] as const) {
      const ref = key === 'next_state' ? first.state : first[key];
      if (shapeOf(t[key]) !== shapeOf(ref)) {
        throw new RecordError(
          `${path}.transitions[${i}].${key}`,
          `${path}.transitions[${i}].${key} has a different shape from row 0's ${key === 'next_state' ? 'state' : key}; every row must have the same shapes. Fix that row in the environment editor.`,
        );
      }
    }
  });
  if (env.simulator !== undefined) read.string(env.simulator, `${path}.simulator`, 200_000);
  if (env.stateComparison !== undefined) read.oneOf(env.stateComparison, `${path}.stateComparison`, ['exact', 'tolerant'] as const);
  return env as unknown as CustomEnv;
}
