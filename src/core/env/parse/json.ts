import type { Transition } from '../types';
import { RowProblem, cap, toBoolean, toNumber, toObs, where, type RowError } from './rows';

/** One transition from a parsed JSON object in CWMB's field names. */
export function transitionFrom(value: unknown): Transition {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new RowProblem(`it is ${Array.isArray(value) ? 'a list' : JSON.stringify(value)?.slice(0, 30)}, not an object with state, action, next_state, reward, done`);
  const o = value as Record<string, unknown>;
  for (const key of ['state', 'action', 'next_state', 'reward', 'done']) if (!(key in o)) throw new RowProblem(`the field "${key}" is missing`);
  const t: Transition = {
    state: toObs(o.state, 'state'),
    action: toObs(o.action, 'action'),
    next_state: toObs(o.next_state, 'next_state'),
    reward: toNumber(o.reward, 'reward'),
    done: toBoolean(o.done, 'done'),
  };
  if (o.truncated !== undefined) t.truncated = toBoolean(o.truncated, 'truncated');
  if (o.traj_start !== undefined) t.traj_start = toNumber(o.traj_start, 'traj_start');
  return t;
}

type Parsed = { transitions: Transition[]; errors: RowError[]; lineOf: (row: number) => number | undefined };

/** Parses a JSON array of transitions (CWMB's transitions.json) or `{ "transitions": [...] }`. */
export function parseJsonArray(text: string, maxRows: number, maxErrors = 20): Parsed {
  const none = () => undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      transitions: [],
      errors: [{ row: 0, message: `The text is not valid JSON (${(e as Error).message}). Paste a JSON array of transitions, or one JSON object per line (JSONL).` }],
      lineOf: none,
    };
  }
  const list = Array.isArray(json) ? json : (json as { transitions?: unknown })?.transitions;
  if (!Array.isArray(list))
    return {
      transitions: [],
      errors: [{ row: 0, message: 'The JSON is not a list of transitions. Paste an array like [{"state": …, "action": …, "next_state": …, "reward": …, "done": …}].' }],
      lineOf: none,
    };
  if (list.length > maxRows)
    return { transitions: [], errors: [{ row: maxRows, message: `The JSON has ${list.length} transitions; at most ${maxRows} are accepted. Keep a sample of the trajectories.` }], lineOf: none };
  const transitions: Transition[] = [];
  const errors: RowError[] = [];
  list.forEach((item, row) => {
    if (errors.length >= maxErrors) return;
    try {
      transitions.push(transitionFrom(item));
    } catch (e) {
      if (!(e instanceof RowProblem)) throw e;
      errors.push({ row, message: `${cap(where(row))}: ${e.message}.` });
    }
  });
  return { transitions, errors, lineOf: none };
}

/** Parses JSONL: one transition object per line, blank lines skipped. */
export function parseJsonLines(text: string, maxRows: number, maxErrors = 20): Parsed {
  const lines = text.split(/\r?\n/);
  const transitions: Transition[] = [];
  const errors: RowError[] = [];
  const lineNumbers: number[] = [];
  for (let i = 0; i < lines.length && errors.length < maxErrors; i++) {
    if (lines[i].trim() === '') continue;
    const row = transitions.length + errors.length;
    if (row >= maxRows) {
      errors.push({ row, line: i + 1, message: `Line ${i + 1}: more than ${maxRows} transitions; at most ${maxRows} are accepted. Keep a sample of the trajectories.` });
      break;
    }
    try {
      let value: unknown;
      try {
        value = JSON.parse(lines[i]);
      } catch {
        throw new RowProblem('it is not valid JSON');
      }
      transitions.push(transitionFrom(value));
      lineNumbers.push(i + 1);
    } catch (e) {
      if (!(e instanceof RowProblem)) throw e;
      errors.push({ row, line: i + 1, message: `${cap(where(row, i + 1))}: ${e.message}.` });
    }
  }
  return { transitions, errors, lineOf: (row) => lineNumbers[row] };
}
