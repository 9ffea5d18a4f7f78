import type { CandidateError } from './types';

/** Longest error message kept in a bug report; models do not need a wall of text. */
const MAX_MESSAGE = 400;

/** The text of line `line` (1-based) of a program, trimmed, or undefined when out of range. */
export function lineOf(program: string, line: number | undefined): string | undefined {
  if (!line || line < 1) return undefined;
  const text = program.split('\n')[line - 1];
  return text === undefined ? undefined : text.trim();
}

/**
 * Turns a runner's error into the cleaned bug string the fix prompt shows: the message, the line
 * number in the candidate's own code and that line's text, e.g.
 * `TypeError: x is not a function (line 12: const y = x(state);)`.
 */
export function formatBug(error: CandidateError, program: string): string {
  let message = error.message.replace(/\s+/g, ' ').trim() || 'unknown error';
  if (message.length > MAX_MESSAGE) message = message.slice(0, MAX_MESSAGE) + '…';
  const text = error.lineText ?? lineOf(program, error.line);
  if (!error.line) return message;
  return text ? `${message} (line ${error.line}: ${text})` : `${message} (line ${error.line})`;
}
