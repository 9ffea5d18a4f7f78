import { RTFM_ACTIONS, type RtfmAnswer, type RtfmBoard, type RtfmFailure, type RtfmState } from './types';

/** A board as text, one row a line, cells padded to a column; a non-empty second channel shows as `a+b`. */
export function formatBoard(board: RtfmBoard): string {
  const cells = board.map((row) => row.map((cell) => (cell[1] && cell[1] !== 'empty' ? `${cell[0]}+${cell[1]}` : cell[0])));
  const width = Math.max(...cells.flat().map((s) => s.length));
  return cells
    .map((row) =>
      row
        .map((s) => s.padEnd(width))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function formatState(state: RtfmState): string {
  return `Board:\n${formatBoard(state.board)}\nInventory: ${state.inventory}`;
}

function formatOutcome(a: Pick<RtfmAnswer, 'next_state' | 'valid_actions' | 'reward' | 'done'>): string {
  return [formatState(a.next_state), `Valid actions: ${JSON.stringify(a.valid_actions)}`, `Reward: ${a.reward}`, `Done: ${a.done}`].join('\n');
}

/**
 * The first failing RTFM transition as the improve prompt shows it (the paper's
 * `get_and_format_*`: board, "Inventory:", "Valid actions:", "Reward:", "Done:"), followed by
 * the parts that did not match.
 */
export function formatRtfmFailure(failure: RtfmFailure): string {
  const t = failure.transition;
  const wrong = Object.entries(failure.parts)
    .filter(([, ok]) => ok === false)
    .map(([part]) => (part === 'validActions' ? 'valid actions' : part));
  return [
    'Input state:',
    formatState(t.state),
    `Action: ${t.action} (${RTFM_ACTIONS[t.action] ?? 'unknown'})`,
    '',
    'Expected (recorded from the real environment):',
    formatOutcome(t),
    '',
    'Predicted by the program:',
    formatOutcome(failure.answer),
    '',
    `Wrong: ${wrong.join(', ')}.${t.done ? ' (The episode ends here, so the next state and valid actions are not compared.)' : ''}`,
  ].join('\n');
}
