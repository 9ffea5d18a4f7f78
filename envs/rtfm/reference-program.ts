/**
 * The reference simulator written as a candidate program (plain JavaScript, the RTFM contract),
 * so that `cwm eval --env rtfm` and the page can score it like any program a model writes.
 * Same rules as `RtfmSim` in sim.ts.
 */
export const REFERENCE_PROGRAM = `class Environment {
  constructor() {
    // The manual: which modifiers beat which element, and each monster's group.
    this.beats = { cold: ['fanatical', 'shimmering'], fire: ['grandmasters', 'soldiers'], lightning: ['arcane', 'blessed'], poison: ['gleaming', 'mysterious'] };
    this.groups = { demon: 'rebel enclave', spider: 'rebel enclave', bandit: 'rebel enclave', mage: 'star alliance', goblin: 'star alliance', jinn: 'star alliance', dragon: 'order of the forest', medusa: 'order of the forest', wolf: 'order of the forest' };
    this.items = ['axe', 'bow', 'daggers', 'hammer', 'polearm', 'shield', 'staff', 'sword'];
    this.goal = 'order of the forest';
    this.moves = [[0, 0], [-1, 0], [1, 0], [0, -1], [0, 1]];
    this.board = [];
    this.inventory = 'empty';
  }

  setState(state) {
    this.board = state.board.map((row) => row.map((cell) => [cell[0], cell[1]]));
    this.inventory = state.inventory;
  }

  player() {
    for (let r = 0; r < 6; r++) for (let c = 0; c < 6; c++) if (this.board[r][c][0] === 'you') return [r, c];
    return null;
  }

  validActions() {
    const at = this.player();
    if (!at) return [0, 1, 2, 3, 4];
    return [0, 1, 2, 3, 4].filter((a) => a === 0 || this.board[at[0] + this.moves[a][0]][at[1] + this.moves[a][1]][0] !== 'wall');
  }

  step(action) {
    const at = this.player();
    let reward = 0;
    let done = false;
    if (at && action !== 0) {
      const r = at[0] + this.moves[action][0];
      const c = at[1] + this.moves[action][1];
      const target = this.board[r][c][0];
      if (target !== 'wall') {
        this.board[at[0]][at[1]][0] = 'empty';
        const [first, ...rest] = target.split(' ');
        const name = rest.join(' ');
        if (first in this.beats && name in this.groups) {
          done = true;
          const wins = this.beats[first].includes(this.inventory.split(' ')[0]);
          // A beaten monster leaves its cell to the player; otherwise the player dies and leaves the board.
          if (wins) this.board[r][c][0] = 'you';
          reward = wins && this.groups[name] === this.goal ? 1 : -1;
        } else {
          if (this.items.includes(name)) this.inventory = target;
          this.board[r][c][0] = 'you';
        }
      }
    }
    const board = this.board.map((row) => row.map((cell) => [cell[0], cell[1]]));
    return [{ board, inventory: this.inventory }, this.validActions(), reward, done];
  }
}
`;
