import type { Obs, Transition } from '../types';
import { RowProblem, cap, toBoolean, toNumber, where, type RowError } from './rows';

/**
 * The CSV column convention for custom environments, header row required, any order:
 * - `state` for a single-number observation, or `state_0`, `state_1`, … for a vector;
 * - `action`, or `action_0`, `action_1`, … for a vector action;
 * - `next_state` or `next_state_0`, … (same shape as the state);
 * - `reward` (number), `done` (true/false or 1/0);
 * - optional `truncated` (time-limit cut-off) and `traj_start` (index of the trajectory's first row).
 * Separator: comma, or semicolon/tab when the header has no comma. No quoted fields: every cell
 * is a number or a boolean.
 */
export const CSV_COLUMNS = 'state_0..state_k (or state), action (or action_0..), next_state_0..next_state_k (or next_state), reward, done[, truncated, traj_start]';

interface Layout {
  state: number[];
  action: number[];
  next: number[];
  reward: number;
  done: number;
  truncated: number;
  trajStart: number;
  /** Whether each observation group is a scalar column (`state`) rather than indexed ones. */
  scalar: { state: boolean; action: boolean; next: boolean };
}

function group(header: string[], name: string): { cols: number[]; scalar: boolean } | string {
  const plain = header.indexOf(name);
  const indexed: Array<[number, number]> = [];
  header.forEach((h, col) => {
    const m = new RegExp(`^${name}_(\\d+)$`).exec(h);
    if (m) indexed.push([Number(m[1]), col]);
  });
  if (plain >= 0 && indexed.length) return `the header has both "${name}" and "${name}_0…"; use one form`;
  if (plain >= 0) return { cols: [plain], scalar: true };
  if (!indexed.length) return `the header has no "${name}" or "${name}_0" column`;
  indexed.sort((a, b) => a[0] - b[0]);
  const missing = indexed.findIndex(([k], i) => k !== i);
  if (missing >= 0) return `the header has ${name}_${indexed[missing][0]} but no ${name}_${missing}; number the columns from 0 without gaps`;
  return { cols: indexed.map(([, col]) => col), scalar: false };
}

function layout(header: string[]): Layout | string {
  const state = group(header, 'state');
  const action = group(header, 'action');
  const next = group(header, 'next_state');
  for (const g of [state, action, next]) if (typeof g === 'string') return g;
  const [s, a, n] = [state, action, next] as Array<{ cols: number[]; scalar: boolean }>;
  if (s.cols.length !== n.cols.length) return `the header has ${s.cols.length} state column(s) but ${n.cols.length} next_state column(s); they must match`;
  for (const name of ['reward', 'done']) if (!header.includes(name)) return `the header has no "${name}" column`;
  return {
    state: s.cols,
    action: a.cols,
    next: n.cols,
    reward: header.indexOf('reward'),
    done: header.indexOf('done'),
    truncated: header.indexOf('truncated'),
    trajStart: header.indexOf('traj_start'),
    scalar: { state: s.scalar, action: a.scalar, next: n.scalar },
  };
}

function obs(cells: string[], cols: number[], scalar: boolean, header: string[]): Obs {
  const values = cols.map((c) => toNumber(cells[c], header[c]));
  return scalar ? values[0] : values;
}

/** Parses CSV transitions by the column convention; stops at `maxErrors` errors, each with its line. */
export function parseCsv(text: string, maxRows: number, maxErrors = 20): { transitions: Transition[]; errors: RowError[]; lineOf: (row: number) => number } {
  const lines = text.split(/\r?\n/);
  const headerLine = lines.findIndex((l) => l.trim() !== '');
  const errors: RowError[] = [];
  const transitions: Transition[] = [];
  const lineNumbers: number[] = [];
  const lineOf = (row: number) => lineNumbers[row];
  if (headerLine < 0) return { transitions, errors: [{ row: 0, message: 'The CSV is empty. Paste a header line and one transition per line.' }], lineOf };
  const raw = lines[headerLine];
  const sep = raw.includes(',') ? ',' : raw.includes(';') ? ';' : '\t';
  const header = raw.split(sep).map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
  const cols = layout(header);
  if (typeof cols === 'string') return { transitions, errors: [{ row: 0, line: headerLine + 1, message: `Line ${headerLine + 1} (header): ${cols}. Expected columns: ${CSV_COLUMNS}.` }], lineOf };
  for (let i = headerLine + 1; i < lines.length && errors.length < maxErrors; i++) {
    if (lines[i].trim() === '') continue;
    const row = transitions.length + errors.length;
    if (row >= maxRows) {
      errors.push({ row, line: i + 1, message: `Line ${i + 1}: more than ${maxRows} transitions; at most ${maxRows} are accepted. Keep a sample of the trajectories.` });
      break;
    }
    const cells = lines[i].split(sep);
    try {
      if (cells.length !== header.length) throw new RowProblem(`it has ${cells.length} cells but the header has ${header.length}`);
      const t: Transition = {
        state: obs(cells, cols.state, cols.scalar.state, header),
        action: obs(cells, cols.action, cols.scalar.action, header),
        next_state: obs(cells, cols.next, cols.scalar.next, header),
        reward: toNumber(cells[cols.reward], 'reward'),
        done: toBoolean(cells[cols.done], 'done'),
      };
      if (cols.truncated >= 0 && cells[cols.truncated].trim() !== '') t.truncated = toBoolean(cells[cols.truncated], 'truncated');
      if (cols.trajStart >= 0) t.traj_start = toNumber(cells[cols.trajStart], 'traj_start');
      lineNumbers.push(i + 1);
      transitions.push(t);
    } catch (e) {
      if (!(e instanceof RowProblem)) throw e;
      errors.push({ row, line: i + 1, message: `${cap(where(row, i + 1))}: ${e.message}.` });
    }
  }
  return { transitions, errors, lineOf };
}
