import type { EvalResult } from '../cwm/types';

/** One board cell: two channels of object names (`"wall"`, `"empty"`, `"you"`, `"cold dragon"`…). */
export type RtfmCell = [string, string];
/** The 6×6 board (a 4×4 room inside walls), `board[row][col]`. */
export type RtfmBoard = RtfmCell[][];

/** The state a candidate's `setState` receives and its `step` predicts. */
export interface RtfmState {
  board: RtfmBoard;
  /** The held item (`"shimmering axe"`) or `"empty"`. */
  inventory: string;
}

/** RTFM actions: 0 Stay, 1 Up (row−1), 2 Down (row+1), 3 Left (col−1), 4 Right (col+1). */
export const RTFM_ACTIONS = ['Stay', 'Up', 'Down', 'Left', 'Right'] as const;

/** One recorded RTFM step, as in the paper's replay buffer. */
export interface RtfmTransition {
  state: RtfmState;
  action: number;
  next_state: RtfmState;
  /** The actions valid in `next_state`. */
  valid_actions: number[];
  /** 1 win, −1 loss, 0 otherwise. */
  reward: number;
  done: boolean;
  /** Index of the first transition of this transition's episode. */
  traj_start: number;
}

/** What `step(action)` returned, once its shape is checked: `[nextState, validActions, reward, done]`. */
export interface RtfmAnswer {
  next_state: RtfmState;
  valid_actions: number[];
  reward: number;
  done: boolean;
}

/** Which compared parts of one answer match the recorded transition (terminal ones compare reward and done only). */
export interface RtfmParts {
  board: boolean | null;
  inventory: boolean | null;
  validActions: boolean | null;
  reward: boolean;
  done: boolean;
}

/** The first transition an RTFM program gets wrong, with everything the page and the improve prompt show. */
export interface RtfmFailure {
  index: number;
  transition: RtfmTransition;
  answer: RtfmAnswer;
  parts: RtfmParts;
}

/** How the transitions are chosen: each once (default), or the paper's draws with replacement. */
export type RtfmProtocol = { kind: 'all' } | { kind: 'paper-draws'; draws: number; seed: number };

/**
 * The score of one program on RTFM: the shared result (score, accuracy, bug, first failure as the
 * prompts show it) plus the mean match of each RTFM part and the typed first failure.
 */
export interface RtfmEvalResult extends EvalResult {
  /** Mean match per part: board, inventory and valid actions over non-terminal transitions, reward and done over all. */
  parts: { board: number; inventory: number; validActions: number; reward: number; done: number };
  rtfmFailure: RtfmFailure | null;
  protocol: RtfmProtocol;
}
