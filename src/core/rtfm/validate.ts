import type { CandidateError } from '../cwm/types';
import type { RtfmAnswer, RtfmBoard } from './types';

/** An answer whose shape is right, or what is wrong with it (a bug, as the fix prompt shows it). */
export type ReadAnswer = { ok: true; answer: RtfmAnswer } | { ok: false; error: CandidateError };

const CONTRACT = 'step(action) must return [nextState, validActions, reward, done] with nextState = { board, inventory }';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (typeof value === 'number') return `number ${String(value)}`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function fail(index: number, what: string): ReadAnswer {
  return { ok: false, error: { message: `transition ${index}: ${what}; ${CONTRACT}` } };
}

/** The board's strings as a 6×6×2 array; anything else is a wrong-shaped board (a bug). */
export function isBoard(value: unknown): value is RtfmBoard {
  return (
    Array.isArray(value) &&
    value.length === 6 &&
    value.every((row) => Array.isArray(row) && row.length === 6 && row.every((cell) => Array.isArray(cell) && cell.length === 2 && cell.every((s) => typeof s === 'string')))
  );
}

/**
 * Checks one value returned by a candidate's `step` (plain data, already copied out of its realm)
 * and reads it as an RTFM answer. `nextState` may be `{ board, inventory }` or the paper's pair
 * `[board, inventory]`; the board must be 6×6 cells of two strings, valid actions integers,
 * the reward a finite number and done a boolean. Wrong contents only fail to match; wrong shapes
 * are bugs, so the fix prompt can say what to change.
 */
export function readAnswer(value: unknown, index: number): ReadAnswer {
  if (!Array.isArray(value) || value.length !== 4) return fail(index, `step returned ${describe(value)}`);
  const [next, valid, reward, done] = value as unknown[];
  let board: unknown;
  let inventory: unknown;
  if (Array.isArray(next) && next.length === 2) [board, inventory] = next;
  else if (next && typeof next === 'object' && !Array.isArray(next)) ({ board, inventory } = next as { board?: unknown; inventory?: unknown });
  else return fail(index, `nextState is ${describe(next)}`);
  if (!isBoard(board)) return fail(index, `nextState.board is ${describe(board)}, not a 6×6 array of [string, string] cells`);
  if (typeof inventory !== 'string') return fail(index, `nextState.inventory is ${describe(inventory)}, not a string ("empty" when no item is held)`);
  if (!Array.isArray(valid) || !valid.every((a) => Number.isInteger(a))) return fail(index, `validActions is ${describe(valid)}, not an array of integers`);
  if (typeof reward !== 'number' || !Number.isFinite(reward)) return fail(index, `reward is ${describe(reward)}, not a finite number`);
  if (typeof done !== 'boolean') return fail(index, `done is ${describe(done)}, not a boolean`);
  return { ok: true, answer: { next_state: { board, inventory }, valid_actions: valid as number[], reward, done } };
}
