import type { FailureReport } from '../cwm/types';
import type { ChatMessage } from '../llm/types';
import { SYSTEM_PROMPT, contractText, environmentText, type PromptContext } from './contract';
import { fenced, formatFailure } from './format';

function messages(user: string): ChatMessage[] {
  return [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: user },
  ];
}

/**
 * The generate prompt (GIF-MCTS "generate"): write a whole program that starts with `prefix`.
 * An empty prefix asks for a program from scratch (the root, best-of-N, WorldCoder's first call).
 */
export function buildGeneratePrompt(context: PromptContext, prefix: string): ChatMessage[] {
  const task = prefix.trim()
    ? [
        'Complete the program whose first lines are given below. Answer with the whole program in one ```javascript block;',
        'it must start with exactly these lines, unchanged:',
        '',
        fenced(prefix),
      ].join('\n')
    : 'Write the whole program in one ```javascript block.';
  return messages([environmentText(context), contractText(context), task].join('\n\n'));
}

/**
 * The improve prompt (GIF-MCTS "improve"): the program, the first transition it gets wrong, and
 * the request to explain the error, locate it, suggest a fix, then write the corrected program.
 */
export function buildImprovePrompt(context: PromptContext, program: string, failure: FailureReport | null): ChatMessage[] {
  const report = failure
    ? [`It predicts this transition incorrectly (transition #${failure.index} of the recorded data):`, '', formatFailure(failure)]
    : ['It does not yet reproduce every recorded transition.'];
  const task = [
    'Here is a program for this environment:',
    '',
    fenced(program),
    '',
    ...report,
    '',
    'First explain what is wrong in the prediction. Then locate the part of the code that causes it and say how to fix it.',
    'Finally write the whole corrected program in one ```javascript block.',
  ].join('\n');
  return messages([environmentText(context), contractText(context), task].join('\n\n'));
}

/** The fix prompt (GIF-MCTS "fix"): the program and its cleaned error (message, line, line text). */
export function buildFixPrompt(context: PromptContext, program: string, bug: string): ChatMessage[] {
  const task = [
    'Here is a program for this environment:',
    '',
    fenced(program),
    '',
    'Running it failed with this error:',
    '',
    bug,
    '',
    'Find the cause, fix it, and write the whole corrected program in one ```javascript block.',
  ].join('\n');
  return messages([environmentText(context), contractText(context), task].join('\n\n'));
}
