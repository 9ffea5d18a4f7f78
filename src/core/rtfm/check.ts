import type { RtfmTransition } from './types';
import { isBoard } from './validate';

/** Checked RTFM transitions, or what is wrong with the data and how to fix it. */
export type CheckedRtfm = { ok: true; transitions: RtfmTransition[] } | { ok: false; error: string };

function isState(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const { board, inventory } = value as { board?: unknown; inventory?: unknown };
  return typeof inventory === 'string' && isBoard(board);
}

function problem(t: unknown): string | null {
  if (!t || typeof t !== 'object') return 'is not an object';
  const x = t as Record<string, unknown>;
  if (!isState(x.state)) return '"state" is not { board: 6×6 cells of two strings, inventory: string }';
  if (!isState(x.next_state)) return '"next_state" is not { board: 6×6 cells of two strings, inventory: string }';
  if (!Number.isInteger(x.action) || (x.action as number) < 0 || (x.action as number) > 4) return '"action" is not an integer 0-4';
  if (!Array.isArray(x.valid_actions) || !x.valid_actions.every((a) => Number.isInteger(a))) return '"valid_actions" is not an array of integers';
  if (typeof x.reward !== 'number' || !Number.isFinite(x.reward)) return '"reward" is not a finite number';
  if (typeof x.done !== 'boolean') return '"done" is not true or false';
  return null;
}

/**
 * Checks RTFM transitions read from JSON (an array of `{ state, action, next_state, valid_actions,
 * reward, done, traj_start? }` with states `{ board, inventory }`). A missing `traj_start` is
 * filled in from the `done` flags.
 */
export function checkRtfmTransitions(data: unknown): CheckedRtfm {
  if (!Array.isArray(data)) return { ok: false, error: 'expected a JSON array of RTFM transitions, like envs/rtfm/data/transitions.json' };
  if (data.length === 0) return { ok: false, error: 'the file holds no transitions; export at least one RTFM step' };
  const transitions: RtfmTransition[] = [];
  let start = 0;
  for (let i = 0; i < data.length; i++) {
    const why = problem(data[i]);
    if (why) return { ok: false, error: `transition ${i} ${why}; each transition needs state, action, next_state, valid_actions, reward and done` };
    const t = data[i] as RtfmTransition;
    transitions.push({ ...t, traj_start: Number.isInteger(t.traj_start) ? t.traj_start : start });
    if (t.done) start = i + 1;
  }
  return { ok: true, transitions };
}
