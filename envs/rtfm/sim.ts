import type { Rng } from '../../src/core/rng';
import type { RtfmAnswer, RtfmBoard, RtfmState } from '../../src/core/rtfm/types';
import { GOAL_GROUP, SCENARIO, itemBeats, parseThing } from './rules';

/** Board side: a 4×4 room inside a ring of walls. */
export const SIZE = 6;
/** Row and column offsets of the actions Stay, Up, Down, Left, Right. */
export const MOVES: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [-1, 0],
  [1, 0],
  [0, -1],
  [0, 1],
];

/** A deep copy of a state, so callers never share cells with the simulator. */
export function copyState(state: RtfmState): RtfmState {
  return { board: state.board.map((row) => row.map((cell) => [cell[0], cell[1]] as [string, string])), inventory: state.inventory };
}

/** Where the player stands (the first channel says `you`), or null once the player has lost. */
export function findPlayer(board: RtfmBoard): [number, number] | null {
  for (let r = 0; r < board.length; r++) for (let c = 0; c < board[r].length; c++) if (board[r][c][0] === 'you') return [r, c];
  return null;
}

/** Actions valid on a board: Stay and every move that does not walk into a wall; all five once the player is gone. */
export function validActions(board: RtfmBoard): number[] {
  const at = findPlayer(board);
  if (!at) return [0, 1, 2, 3, 4];
  return [0, 1, 2, 3, 4].filter((a) => a === 0 || board[at[0] + MOVES[a][0]]?.[at[1] + MOVES[a][1]]?.[0] !== 'wall');
}

/** An empty room: walls around, `empty` inside, both channels. */
export function emptyBoard(): RtfmBoard {
  return Array.from({ length: SIZE }, (_, r) => Array.from({ length: SIZE }, (_, c) => [r === 0 || c === 0 || r === SIZE - 1 || c === SIZE - 1 ? 'wall' : 'empty', 'empty'] as [string, string]));
}

/**
 * The reference RTFM simulator of `groups_simple_stationary-v0`, written from the rules and the
 * manual: the player moves one cell (walls block); stepping on an item picks it up, the held one
 * vanishes; stepping on a monster fights it and ends the game: with an item that beats its element the
 * player kills it and takes its cell, otherwise the player dies and leaves the board; the reward is
 * +1 only for killing the goal group's monster, −1 for any other fight. Monsters never move. Implements the structured contract `setState`/`step`.
 */
export class RtfmSim {
  private state: RtfmState = { board: emptyBoard(), inventory: 'empty' };

  setState(state: RtfmState): void {
    this.state = copyState(state);
  }

  /** The current state (a copy). */
  current(): RtfmState {
    return copyState(this.state);
  }

  /** One step: `[nextState, validActions, reward, done]`. */
  step(action: number): [RtfmState, number[], number, boolean] {
    const a = this.answer(action);
    return [a.next_state, a.valid_actions, a.reward, a.done];
  }

  /** One step as a typed answer. */
  answer(action: number): RtfmAnswer {
    const { board } = this.state;
    const at = findPlayer(board);
    let reward = 0;
    let done = false;
    const move = MOVES[action] ?? MOVES[0];
    if (at && action !== 0) {
      const [r, c] = [at[0] + move[0], at[1] + move[1]];
      const target = parseThing(board[r]?.[c]?.[0] ?? 'wall');
      if (target.kind !== 'wall') {
        board[at[0]][at[1]][0] = 'empty';
        if (target.kind === 'monster') {
          done = true;
          reward = target.group === GOAL_GROUP && itemBeats(this.state.inventory, target) ? 1 : -1;
          // A beaten monster leaves its cell to the player; otherwise the player dies and leaves the board.
          if (itemBeats(this.state.inventory, target)) board[r][c][0] = 'you';
        } else {
          if (target.kind === 'item') this.state.inventory = board[r][c][0];
          board[r][c][0] = 'you';
        }
      }
    }
    const next = copyState(this.state);
    return { next_state: next, valid_actions: validActions(next.board), reward, done };
  }

  /** A new episode: the scenario's two monsters, two items and the player on distinct random cells. */
  reset(rng: Rng): RtfmState {
    const board = emptyBoard();
    const cells = Array.from({ length: 16 }, (_, i) => [1 + Math.floor(i / 4), 1 + (i % 4)] as const);
    for (let i = cells.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [cells[i], cells[j]] = [cells[j], cells[i]];
    }
    const things = [SCENARIO.target, SCENARIO.distractor, SCENARIO.winningItem, SCENARIO.distractorItem, 'you'];
    things.forEach((thing, i) => (board[cells[i][0]][cells[i][1]][0] = thing));
    this.state = { board, inventory: 'empty' };
    return this.current();
  }
}
