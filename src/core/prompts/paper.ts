import type { FailureReport } from '../cwm/types';
import type { ChatMessage } from '../llm/types';
import type { PromptContext } from './contract';
import { fenced, formatValue } from './format';
import { PAPER_FIX_FORMAT, PAPER_IMPORTANT_NOTES, PAPER_IMPROVE_FORMAT, PAPER_SYSTEM_FIX, PAPER_SYSTEM_GENERATE, PAPER_SYSTEM_IMPROVE, paperHead } from './paper-text';

function chat(system: string, user: string): ChatMessage[] {
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

/**
 * The paper-style generate prompt: description, class definition, the code so far (when there is
 * a prefix), and the important notes last. The paper put the prefix in a prefilled assistant turn;
 * chat APIs do not all continue one, so the prefix is quoted here and joined to the answer after.
 */
export function buildPaperGeneratePrompt(context: PromptContext, prefix: string): ChatMessage[] {
  const code = prefix.trim() ? `\n\n## Code to complete\nThe program so far is below. Write the complete program: start with exactly these lines, unchanged, then continue it.\n${fenced(prefix)}` : '';
  return chat(PAPER_SYSTEM_GENERATE, `${paperHead(context)}${code}\n\n${PAPER_IMPORTANT_NOTES}`);
}

/**
 * Inputs, ground truth and prediction of the first failing transition, in the paper's three
 * sections; a world that words its own failures (RTFM's boards) gives its text instead.
 */
function failureSections(failure: FailureReport | null): string {
  if (!failure) return 'Its step method does not yet reproduce every recorded transition.';
  if (failure.text)
    return `Its step method also predicts this transition wrongly.
${failure.text}`;
  const outputs = (p: FailureReport['expected']) => `Next state:\n${formatValue(p.next_state)}\nReward: ${formatValue(p.reward)}\nDone: ${formatValue(p.done)}\n`;
  return [
    'Its step method also predicts this transition wrongly.',
    '## Inputs of step',
    `Initial state:\n${formatValue(failure.state)}\nAction: ${formatValue(failure.action)}\n`,
    '## Ground-truth transition',
    outputs(failure.expected),
    "## Step's wrong outputs",
    outputs(failure.predicted),
  ].join('\n');
}

/** The paper-style improve prompt: critique, location, fix suggestion, then "## Correct code". */
export function buildPaperImprovePrompt(context: PromptContext, program: string, failure: FailureReport | null): ChatMessage[] {
  const user = [
    `${paperHead(context)}\n\n${PAPER_IMPORTANT_NOTES}`,
    '',
    PAPER_IMPROVE_FORMAT,
    '',
    '## Incorrect code',
    'This is the program to correct:',
    fenced(program),
    failureSections(failure),
  ].join('\n');
  return chat(PAPER_SYSTEM_IMPROVE, user);
}

/** The paper-style fix prompt: error explanation, fix suggestion, then "## Correct code". */
export function buildPaperFixPrompt(context: PromptContext, program: string, bug: string): ChatMessage[] {
  const user = [
    `${paperHead(context)}\n\n${PAPER_IMPORTANT_NOTES}`,
    '',
    PAPER_FIX_FORMAT,
    '',
    '## Incorrect code',
    'This is the program to correct:',
    fenced(program),
    '',
    `The program raised an error: ${bug}\nFix it, or avoid it, in the new version.`,
  ].join('\n');
  return chat(PAPER_SYSTEM_FIX, user);
}
