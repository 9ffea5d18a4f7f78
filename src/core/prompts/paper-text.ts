import type { PromptContext } from './contract';

/*
 * The paper's prompt structure (GIF-MCTS on CWMB), written for JavaScript in this project's own
 * words: a system text per action; a user message made of the environment's description, a
 * "## Class Definition" section and an "## Important Notes" section; improve and fix then ask for
 * "## Error explanation", a fix suggestion and "## Correct code" before quoting the program.
 */

/** System text of the paper-style generate call. */
export const PAPER_SYSTEM_GENERATE =
  'You are an experienced JavaScript developer. You will be given an incomplete JavaScript program; the user message describes what the program must do.\n' +
  'Write the missing code so that the program does exactly that, without errors. Your reward is the number of test cases your code passes.';

/** System text of the paper-style improve call. */
export const PAPER_SYSTEM_IMPROVE =
  'You are an experienced JavaScript developer. You will be given a JavaScript program that gives wrong results; the user message describes what it must do.\n' +
  'Rewrite the program so that it does exactly that, without errors. Your reward is the number of test cases your code passes.';

/** System text of the paper-style fix call. */
export const PAPER_SYSTEM_FIX =
  'You are an experienced JavaScript developer. You will be given a JavaScript program that fails with an error; the user message describes what it must do.\n' +
  'Rewrite the program so that it does exactly that, without errors. Your reward is the number of test cases your code passes.';

/** "## Class Definition": the program contract in the paper's terms, for JavaScript. */
export const PAPER_CLASS_DEFINITION = `## Class Definition
The class must be called "Environment" and be plain JavaScript (no import, require, export, network or DOM access). It needs at least:

- a constructor that sets the environment up: every variable the documentation above describes, plus anything else needed to keep the environment's state or to make it work.
- a setState method that puts the environment into a given state (you may assume the episode is not over when setState is called; set the internal variables to match). It takes one argument: an observation from the observation space above (a number when that space is discrete, else an array of numbers).
- a step method that advances the environment by one step. Its argument is:
    - an action from the action space above (an integer when that space is discrete, else an array of numbers).

  It returns one array [observation, reward, done]:
    - the next observation, in the observation space above;
    - the reward for taking the action, as the reward section above defines it;
    - a boolean that is true when the episode has ended.`;

/** "## Important Notes": complete code, exact names, no usage example, edge cases. */
export const PAPER_IMPORTANT_NOTES = `## Important Notes
Write only the Environment class, with its constructor, setState and step methods and any helpers they need. Do not add an example of how to use the class, or anything else.
Think about edge cases.
Give every required method exactly the name stated above: a missing or misnamed method fails every test and scores 0.
Implement every method completely; leave nothing undefined or unfinished.
Answer with the whole program in a single \`\`\`javascript code block.`;

/** The answer format of the improve call (the critique comes before the code). */
export const PAPER_IMPROVE_FORMAT = `First, explain how the outputs of step differ from the ground-truth transition in the example below.
Second, point to the part of the code that makes the wrong prediction and say why its logic is wrong.
Third, suggest a concrete fix that can be acted on.
Last, rewrite the whole program following your suggestion. Answer in this format:
## Error explanation
[how the prediction differs from the ground truth]

## Error location and wrong logic
[which code causes it and why]

## Fix suggestion
[how to fix it]

## Correct code
\`\`\`javascript
[the whole corrected program]
\`\`\``;

/** The answer format of the fix call. */
export const PAPER_FIX_FORMAT = `Answer with the WHOLE corrected program, and nothing besides the sections below.

First, explain the error: point to the part of the code that causes it and say why its logic is wrong.
Second, suggest how to fix it, reasoning about the problem.
Last, rewrite the whole program following your suggestion. Answer in this format, starting with the first heading:

## Error explanation
[what goes wrong, where and why]

## Fix suggestion
[how to fix it]

## Correct code
\`\`\`javascript
[the whole corrected program]
\`\`\``;

/**
 * The user message's common head: the description exactly as given (the paper's text is used
 * byte for byte, including its trailing blank lines), then the class definition (a world with its
 * own contract, such as RTFM's boards, states it instead).
 */
export function paperHead(context: PromptContext): string {
  const text = context.description;
  // The paper's texts end with the blank line before the next heading; other texts get one.
  const gap = text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  return text + gap + (context.contract ?? PAPER_CLASS_DEFINITION);
}
