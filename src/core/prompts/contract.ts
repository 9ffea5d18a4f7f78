import type { EnvSpec, Space } from '../env/types';

/** What every prompt builder needs: the environment's spec and the description the model reads. */
export interface PromptContext {
  spec: Pick<EnvSpec, 'title' | 'observation' | 'action' | 'stateComparison'>;
  /** The natural-language description (the pack's, or the user's edit). */
  description: string;
  /** The whole contract text, for worlds whose states are not numeric spaces (RTFM boards). */
  contract?: string;
}

/** The system message of every call: who the model is and how it answers. */
export const SYSTEM_PROMPT =
  'You are an expert programmer who writes exact simulators of reinforcement-learning environments in JavaScript. ' +
  'You always answer with the complete program in a single ```javascript code block.';

/** One space in words: its type in JavaScript and the meaning and bounds of each element. */
export function describeSpace(space: Space, what: 'observation' | 'action'): string {
  switch (space.kind) {
    case 'discrete': {
      const head = `a single integer in 0..${space.n - 1} (a number, not an array)`;
      const labels = space.labels?.length ? `\n${space.labels.map((l, i) => `  ${i}: ${l}`).join('\n')}` : '';
      return `The ${what} is ${head}.${labels}`;
    }
    case 'multi-discrete': {
      const rows = space.nvec.map((n, i) => `  [${i}] ${space.labels?.[i] ?? 'element'}: integer in 0..${n - 1}`);
      return `The ${what} is an array of ${space.nvec.length} integers:\n${rows.join('\n')}`;
    }
    case 'box': {
      const rows = space.low.map((low, i) => `  [${i}] ${space.labels?.[i] ?? 'element'}: in [${low}, ${space.high[i]}]`);
      return `The ${what} is an array of ${space.shape[0]} numbers:\n${rows.join('\n')}`;
    }
  }
}

/**
 * The program contract (class Environment with setState and step) in the words the model sees, with the observation
 * and action formats of this environment.
 */
export function contractText(context: PromptContext): string {
  if (context.contract) return context.contract;
  const { spec } = context;
  const tolerance = spec.stateComparison === 'exact' ? 'Next states are compared exactly.' : 'Next states and rewards are compared with recorded float32 values to a tolerance of 1e-5.';
  return [
    'Write a JavaScript program (plain script: no import, require, export, network or DOM) that defines:',
    '',
    '```javascript',
    'class Environment {',
    '  constructor() { /* constants and internal state */ }',
    '  setState(state) { /* state: an observation exactly as recorded */ }',
    '  step(action) { /* advance one step */ return [nextState, reward, done]; }',
    '}',
    '```',
    '',
    describeSpace(spec.observation, 'observation'),
    describeSpace(spec.action, 'action'),
    '',
    'nextState has the same format as an observation, reward is a number, done is a boolean that is true when the episode terminates.',
    `The program is scored by calling setState on a recorded observation, then step on the recorded action, and comparing the result with what the real environment did. ${tolerance}`,
  ].join('\n');
}

/** The environment section shared by every prompt: title and description. */
export function environmentText(context: PromptContext): string {
  return `Environment: ${context.spec.title}\n\n${context.description.trim()}`;
}
