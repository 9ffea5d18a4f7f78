import type { Obs, Transition } from '../types';

/** One problem in pasted or uploaded transitions, pointing at the line a person must fix. */
export interface RowError {
  /** 1-based line of the text (CSV and JSONL), or undefined for a JSON array. */
  line?: number;
  /** 0-based index of the transition (data row). */
  row: number;
  message: string;
}

/** Raised inside parsers to stop at the first error of a row. */
export class RowProblem extends Error {}

/** Where a row is, in words: "line 7 (transition 6)" or "transition 6". */
export function where(row: number, line?: number): string {
  return line === undefined ? `transition ${row}` : `line ${line} (transition ${row})`;
}

/** A finite number from a JSON value or a text cell; throws `RowProblem` naming the field. */
export function toNumber(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    if (Number.isFinite(n)) return n;
  }
  if (value === undefined || value === '') throw new RowProblem(`${field} is missing`);
  throw new RowProblem(`${field} is ${JSON.stringify(value).slice(0, 30)}, not a number`);
}

/** A boolean from true/false, 1/0 or "True"/"False" (Python writes those in CSV). */
export function toBoolean(value: unknown, field: string): boolean {
  if (typeof value === 'boolean') return value;
  const text = String(value ?? '')
    .trim()
    .toLowerCase();
  if (text === 'true' || text === '1' || text === '1.0') return true;
  if (text === 'false' || text === '0' || text === '0.0') return false;
  if (value === undefined || text === '') throw new RowProblem(`${field} is missing`);
  throw new RowProblem(`${field} is ${JSON.stringify(value).slice(0, 30)}; use true/false or 1/0`);
}

/** An observation or action: a number or a flat list of numbers. */
export function toObs(value: unknown, field: string): Obs {
  if (Array.isArray(value)) return value.map((x, i) => toNumber(x, `${field}[${i}]`));
  return toNumber(value, field);
}

function shape(o: Obs): string {
  return typeof o === 'number' ? 'a single number' : `a list of ${o.length}`;
}

/**
 * Checks that every transition has the same shapes as the first (state and next_state alike) and
 * fills in `traj_start` from `done`/`truncated` when the data has none, so trajectories are known.
 * Returns the first shape mismatch as a `RowError`.
 */
export function checkShapes(transitions: Transition[], lineOf: (row: number) => number | undefined): RowError | null {
  if (transitions.length === 0) return null;
  const first = transitions[0];
  for (let i = 0; i < transitions.length; i++) {
    const t = transitions[i];
    const checks: Array<[string, Obs, Obs, string]> = [
      ['state', t.state, first.state, "transition 0's state"],
      ['next_state', t.next_state, first.state, "transition 0's state"],
      ['action', t.action, first.action, "transition 0's action"],
    ];
    for (const [field, value, ref, refName] of checks) {
      if (shape(value) !== shape(ref)) {
        return { row: i, line: lineOf(i), message: `${cap(where(i, lineOf(i)))}: ${field} is ${shape(value)}, but ${refName} is ${shape(ref)}. Every transition must have the same shapes.` };
      }
    }
  }
  if (transitions.every((t) => t.traj_start === undefined)) {
    let start = 0;
    for (let i = 0; i < transitions.length; i++) {
      transitions[i].traj_start = start;
      if (transitions[i].done || transitions[i].truncated) start = i + 1;
    }
  }
  return null;
}

/** The text with its first letter in capitals. */
export function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
