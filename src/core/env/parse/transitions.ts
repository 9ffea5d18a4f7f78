import type { Space, Transition } from '../types';
import { parseCsv } from './csv';
import { parseJsonArray, parseJsonLines } from './json';
import { checkShapes, type RowError } from './rows';
import { describeSpace, inferSpaces } from './spaces';

/** Formats accepted for a custom environment's transitions. */
export type TransitionFormat = 'json' | 'jsonl' | 'csv';

/** More than 100,000 rows is refused (the page scores every row for every candidate). */
export const MAX_ROWS = 100_000;

/** What the editor shows before saving: counts, shapes, spaces and the first rows. */
export interface TransitionPreview {
  format: TransitionFormat;
  rows: number;
  trajectories: number;
  terminals: number;
  observation: Space;
  action: Space;
  summary: string;
  first: Transition[];
}

/** Parsed transitions with a preview, or the errors, each pointing at its line or row. */
export type ParseResult = { ok: true; transitions: Transition[]; preview: TransitionPreview } | { ok: false; format: TransitionFormat; errors: RowError[] };

/** Guesses the format: `[` or `{"transitions"` → JSON, `{` per line → JSONL, else CSV. */
export function detectFormat(text: string): TransitionFormat {
  const start = text.trimStart();
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) {
    const firstLine = start.split(/\r?\n/, 1)[0].trim();
    try {
      const first = JSON.parse(firstLine) as { transitions?: unknown };
      return Array.isArray(first?.transitions) ? 'json' : 'jsonl';
    } catch {
      return 'json';
    }
  }
  return 'csv';
}

/**
 * Parses transitions pasted or uploaded for a custom environment: JSON array (CWMB's layout), JSONL
 * or CSV (see `CSV_COLUMNS`). Validates every row (numbers, booleans, required fields, equal shapes,
 * at most `maxRows`), infers the spaces and returns a preview; errors name the line to fix.
 */
export function parseTransitions(text: string, format: TransitionFormat = detectFormat(text), maxRows = MAX_ROWS): ParseResult {
  if (text.trim() === '') return { ok: false, format, errors: [{ row: 0, message: 'No transitions yet. Paste or upload JSON, JSONL or CSV transitions.' }] };
  const parsed = format === 'csv' ? parseCsv(text, maxRows) : format === 'jsonl' ? parseJsonLines(text, maxRows) : parseJsonArray(text, maxRows);
  if (parsed.errors.length) return { ok: false, format, errors: parsed.errors };
  if (parsed.transitions.length === 0) return { ok: false, format, errors: [{ row: 0, message: 'The data has a header or brackets but no transitions. Add at least one transition.' }] };
  const shapeError = checkShapes(parsed.transitions, parsed.lineOf);
  if (shapeError) return { ok: false, format, errors: [shapeError] };
  const transitions = parsed.transitions;
  const spaces = inferSpaces(transitions);
  const trajectories = new Set(transitions.map((t) => t.traj_start)).size;
  const terminals = transitions.filter((t) => t.done).length;
  const summary = `${transitions.length} transitions in ${trajectories} trajectories (${terminals} terminal); observation ${describeSpace(spaces.observation)}, action ${describeSpace(spaces.action)}.`;
  return {
    ok: true,
    transitions,
    preview: { format, rows: transitions.length, trajectories, terminals, observation: spaces.observation, action: spaces.action, summary, first: transitions.slice(0, 5) },
  };
}
