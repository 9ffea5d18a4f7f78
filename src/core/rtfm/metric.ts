import type { RtfmAnswer, RtfmBoard, RtfmParts, RtfmTransition } from './types';

/** Weights of the paper's RTFM check on a non-terminal transition (next state split over board and inventory). */
export const RTFM_WEIGHTS = { board: 0.125, inventory: 0.125, reward: 0.25, done: 0.25, validActions: 0.25 } as const;

/** All 72 strings equal, as the paper's `state_matches_rtfm` requires. */
export function boardsEqual(a: RtfmBoard, b: RtfmBoard): boolean {
  for (let r = 0; r < b.length; r++) {
    for (let c = 0; c < b[r].length; c++) {
      if (a[r]?.[c]?.[0] !== b[r][c][0] || a[r]?.[c]?.[1] !== b[r][c][1]) return false;
    }
  }
  return a.length === b.length && a.every((row, r) => row.length === b[r].length);
}

/** The paper's valid-actions check: the prediction is non-empty and every predicted action is valid (a subset passes). */
export function validActionsMatch(predicted: readonly number[], truth: readonly number[]): boolean {
  return predicted.length > 0 && predicted.every((a) => truth.includes(a));
}

/** Score of one answer (the paper's RTFM weights) and which parts match. */
export interface RtfmTransitionScore {
  acc: number;
  parts: RtfmParts;
  /** Every compared part matches. */
  full: boolean;
}

/**
 * Scores one answer as the paper's `check_transition_via_enum` does for RTFM: a non-terminal
 * transition weighs board 0.125, inventory 0.125, reward 0.25, done 0.25 and valid actions 0.25;
 * a terminal one ignores the next state and the valid actions and weighs reward and done by half.
 */
export function scoreRtfmTransition(answer: RtfmAnswer, truth: RtfmTransition): RtfmTransitionScore {
  const reward = answer.reward === truth.reward;
  const done = answer.done === truth.done;
  if (truth.done) {
    const parts: RtfmParts = { board: null, inventory: null, validActions: null, reward, done };
    return { acc: 0.5 * Number(reward) + 0.5 * Number(done), parts, full: reward && done };
  }
  const board = boardsEqual(answer.next_state.board, truth.next_state.board);
  const inventory = answer.next_state.inventory === truth.next_state.inventory;
  const validActions = validActionsMatch(answer.valid_actions, truth.valid_actions);
  const w = RTFM_WEIGHTS;
  const acc = w.board * Number(board) + w.inventory * Number(inventory) + w.reward * Number(reward) + w.done * Number(done) + w.validActions * Number(validActions);
  return { acc, parts: { board, inventory, validActions, reward, done }, full: board && inventory && validActions && reward && done };
}
