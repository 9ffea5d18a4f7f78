import type { EnvSpec } from '../../src/core/env/types';
import { paperDescription } from './description-paper';

/** Taxi-v3 as in Gymnasium 0.29.1 (time limit 200). */
export const spec: EnvSpec = {
  id: 'taxi',
  title: 'Taxi',
  gymId: 'Taxi-v3',
  paperDescription,
  description: `A taxi drives on a 5x5 grid with walls, picks up a passenger at one of four marked stands and drops them off at another.

Map (rows top to bottom, "|" is a wall the taxi cannot cross, ":" is an open boundary between two cells):
+---------+
|R: | : :G|
| : | : : |
| : : : : |
| | : | : |
|Y| : |B: |
+---------+
Row 0 is the top row, column 0 the left column. The four stands are R = (row 0, col 0), G = (row 0, col 4), Y = (row 4, col 0), B = (row 4, col 3), numbered 0 = R, 1 = G, 2 = Y, 3 = B.
Walls in the interior block east-west moves between these cells: (row 0, col 1)|(row 0, col 2), (row 1, col 1)|(row 1, col 2), (row 3, col 0)|(row 3, col 1), (row 3, col 2)|(row 3, col 3), (row 4, col 0)|(row 4, col 1), (row 4, col 2)|(row 4, col 3). The outer border blocks every move off the grid. North-south moves are never blocked by walls, only by the border.

State: one integer encoding (taxi_row, taxi_col, passenger, destination) as state = ((taxi_row * 5 + taxi_col) * 5 + passenger) * 4 + destination, where passenger is 0..3 for the stand the passenger waits at or 4 when the passenger is inside the taxi, and destination is 0..3 (a stand). There are 500 states. Decode with destination = s % 4, passenger = floor(s / 4) % 5, taxi_col = floor(s / 20) % 5, taxi_row = floor(s / 100).

Actions: 0 = south (row + 1), 1 = north (row - 1), 2 = east (col + 1), 3 = west (col - 1), 4 = pick up, 5 = drop off.

Dynamics are deterministic. Every step has reward -1 and done false unless stated otherwise:
- moves: south/north change the row, clamped to 0..4; east/west change the column only if no wall or border is in the way, else the taxi stays put (still reward -1);
- pick up: if the passenger is waiting (passenger < 4) at the taxi's cell, the passenger enters the taxi (passenger becomes 4), reward -1; otherwise nothing changes and the reward is -10;
- drop off: if the passenger is in the taxi and the taxi is at the destination stand, the passenger is left there (passenger becomes the destination index), reward +20 and done is true; else if the passenger is in the taxi and the taxi is at one of the other stands, the passenger is left at that stand (passenger becomes that stand's index), reward -1, done false; otherwise nothing changes and the reward is -10.
The episode is cut off after 200 steps by a time limit, which is not part of the dynamics.`,
  observation: { kind: 'discrete', n: 500 },
  action: { kind: 'discrete', n: 6, labels: ['south', 'north', 'east', 'west', 'pick up', 'drop off'] },
  stateComparison: 'exact',
  episodeLimit: 200,
  planner: 'mcts',
  hasSimulator: true,
  cwmb: true,
  keys: { ArrowDown: 0, ArrowUp: 1, ArrowRight: 2, ArrowLeft: 3, p: 4, d: 5 },
};
