/**
 * The program contract of RTFM in the words the model sees: the paper's "Class Definition" of
 * data/prompts/rtfm/generate.md, restated for a JavaScript class (setState/step, plain arrays).
 */
export const RTFM_CONTRACT = [
  'Write a JavaScript program (plain script: no import, require, export, network or DOM) that defines:',
  '',
  '```javascript',
  'class Environment {',
  '  constructor() { /* every variable the manual and the goal describe, plus any you need */ }',
  '  setState(state) { /* state = { board, inventory }; the game is not done after setState */ }',
  '  step(action) { /* advance one step */ return [nextState, validActions, reward, done]; }',
  '}',
  '```',
  '',
  'board is a 6×6 array of cells (board[row][col]); each cell is an array of two strings (the two channels), e.g. ["cold dragon", "empty"], ["wall", "empty"], ["you", "empty"].',
  'inventory is a single string: the held item (e.g. "shimmering axe") or "empty".',
  'action is an integer: 0 Stay, 1 Up (row − 1), 2 Down (row + 1), 3 Left (col − 1), 4 Right (col + 1).',
  '',
  'step returns:',
  '- nextState = { board, inventory }: the new board (same format) and inventory after the action;',
  '- validActions: an array of the integers of the actions the player can take in the next state;',
  '- reward: 1 if the player wins, -1 if the player loses, 0 otherwise;',
  '- done: a boolean, true when the game is over.',
  '',
  'Be careful about edge cases, such as the player moving out of the board or trying to move into a wall: the player then stays in the same cell.',
  'The program is scored by calling setState on a recorded state, then step on the recorded action, and comparing the result with what the real game did: board and inventory exactly, reward, done, and validActions (every action you list must be valid, and the list must not be empty).',
].join('\n');
