import { describe, expect, it } from 'vitest';
import { RTFM_TRANSITIONS, rtfmPack } from '../../../envs/rtfm';
import { RtfmSim, findPlayer, validActions } from '../../../envs/rtfm/sim';
import { boardsEqual, scoreRtfmTransition } from '../../../src/core/rtfm/metric';
import { Rng } from '../../../src/core/rng';

describe('RTFM reference simulator', () => {
  it('reproduces every one of the 999 recorded transitions exactly (board, inventory, valid actions, reward, done)', async () => {
    const transitions = await rtfmPack.dataset.load();
    expect(transitions).toHaveLength(RTFM_TRANSITIONS);
    expect(RTFM_TRANSITIONS).toBe(999);
    const sim = new RtfmSim();
    const wrong: number[] = [];
    transitions.forEach((t, i) => {
      sim.setState(t.state);
      const a = sim.answer(t.action);
      const exact =
        boardsEqual(a.next_state.board, t.next_state.board) &&
        a.next_state.inventory === t.next_state.inventory &&
        JSON.stringify(a.valid_actions) === JSON.stringify(t.valid_actions) &&
        a.reward === t.reward &&
        a.done === t.done;
      if (!exact || !scoreRtfmTransition(a, t).full) wrong.push(i);
    });
    expect(wrong).toEqual([]);
  });

  it('has the counts the paper buffer documents: 57 episodes, 7 wins, 49 losses', async () => {
    const transitions = await rtfmPack.dataset.load();
    expect(new Set(transitions.map((t) => t.traj_start)).size).toBe(57);
    expect(transitions.filter((t) => t.reward === 1)).toHaveLength(7);
    expect(transitions.filter((t) => t.reward === -1)).toHaveLength(49);
  });

  it('does not mutate the state it was given and hands out copies', async () => {
    const [t] = await rtfmPack.dataset.load();
    const before = JSON.stringify(t.state);
    const sim = new RtfmSim();
    sim.setState(t.state);
    sim.answer(4);
    expect(JSON.stringify(t.state)).toBe(before);
  });

  it('resets to the scenario with five distinct objects, deterministically per seed', () => {
    const sim = new RtfmSim();
    const a = sim.reset(Rng.seeded(7));
    const b = new RtfmSim().reset(Rng.seeded(7));
    expect(a).toEqual(b);
    const things = a.board
      .flat()
      .map((c) => c[0])
      .filter((s) => s !== 'wall' && s !== 'empty')
      .sort();
    expect(things).toEqual(['cold dragon', 'fire demon', 'grandmasters bow', 'shimmering axe', 'you']);
    expect(findPlayer(a.board)).not.toBeNull();
  });

  it('property: random play never leaves the room, never duplicates the player, removes it only when it dies, and only walls are invalid moves', () => {
    const rng = Rng.seeded(3);
    const sim = new RtfmSim();
    for (let episode = 0; episode < 200; episode++) {
      let state = sim.reset(rng);
      for (let step = 0; step < 100; step++) {
        const valid = validActions(state.board);
        const a = sim.answer(valid[rng.int(valid.length)]);
        const players = a.next_state.board.flat().filter((c) => c[0] === 'you').length;
        expect(players).toBe(a.done && a.next_state.board.flat().filter((c) => c[0].endsWith('dragon') || c[0].endsWith('demon')).length === 2 ? 0 : 1);
        expect(a.next_state.board[0].every((c) => c[0] === 'wall')).toBe(true);
        state = a.next_state;
        if (a.done) break;
      }
    }
  });

  it('wins only with the shimmering axe against the cold dragon; a beaten distractor still loses', () => {
    const sim = new RtfmSim();
    const state = sim.reset(Rng.seeded(1));
    for (const r of [1, 2, 3, 4]) for (const c of [1, 2, 3, 4]) state.board[r][c][0] = 'empty';
    state.board[2][2][0] = 'you';
    state.board[2][3][0] = 'cold dragon';
    for (const [inventory, reward] of [
      ['shimmering axe', 1],
      ['fanatical sword', 1],
      ['grandmasters bow', -1],
      ['empty', -1],
    ] as const) {
      sim.setState({ ...state, inventory });
      expect(sim.answer(4).reward).toBe(reward);
    }
    state.board[2][3][0] = 'fire demon';
    sim.setState({ ...state, inventory: 'grandmasters bow' });
    const killed = sim.answer(4);
    expect(killed).toMatchObject({ reward: -1, done: true });
    expect(killed.next_state.board[2][3][0]).toBe('you');
    sim.setState({ ...state, inventory: 'shimmering axe' });
    const died = sim.answer(4);
    expect(died).toMatchObject({ reward: -1, done: true });
    expect(died.next_state.board[2][3][0]).toBe('fire demon');
    expect(died.next_state.board[2][2][0]).toBe('empty');
  });
});
