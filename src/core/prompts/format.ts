import type { Action, Obs } from '../env/types';
import type { FailureReport, Prediction } from '../cwm/types';

/** A value as the model reads it: JSON, so arrays stay arrays and numbers keep their digits. */
export function formatValue(value: Obs | Action | number | boolean | undefined): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

function formatPrediction(p: Prediction): string {
  return `next state: ${formatValue(p.next_state)}\nreward: ${formatValue(p.reward)}\ndone: ${formatValue(p.done)}`;
}

/** The first failing transition as the improve prompt shows it: inputs, truth, prediction. */
export function formatFailure(failure: FailureReport): string {
  if (failure.text) return failure.text;
  return [
    `Input state: ${formatValue(failure.state)}`,
    `Action: ${formatValue(failure.action)}`,
    '',
    'Expected (recorded from the real environment):',
    formatPrediction(failure.expected),
    '',
    'Predicted by the program:',
    formatPrediction(failure.predicted),
  ].join('\n');
}

/** A program inside a fenced block, as every prompt quotes it. */
export function fenced(program: string): string {
  return '```javascript\n' + program + '\n```';
}
