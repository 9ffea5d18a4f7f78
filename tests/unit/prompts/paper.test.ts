import { describe, expect, it } from 'vitest';
import { pack as taxi } from '../../../envs/taxi';
import { buildPaperFixPrompt, buildPaperGeneratePrompt, buildPaperImprovePrompt, PAPER_CLASS_DEFINITION, PAPER_IMPORTANT_NOTES, parsePaperCompletion, splitCritique } from '../../../src/core/prompts';

const context = { spec: taxi.spec, description: taxi.spec.paperDescription! };
const failure = { index: 4, state: 328, action: 1, expected: { next_state: 228, reward: -1, done: false }, predicted: { next_state: 428, reward: -1, done: false } };

describe('paper-style prompts (JavaScript)', () => {
  it('generate: description byte for byte, class definition, important notes last', () => {
    const [system, user] = buildPaperGeneratePrompt(context, '');
    expect(system.role).toBe('system');
    expect(system.content).toMatch(/experienced JavaScript developer/);
    expect(user.content).toBe(taxi.spec.paperDescription + PAPER_CLASS_DEFINITION + '\n\n' + PAPER_IMPORTANT_NOTES);
    expect(PAPER_IMPORTANT_NOTES).toMatch(/Do not add an example/);
    expect(PAPER_IMPORTANT_NOTES).toMatch(/exactly the name/);
    expect(PAPER_IMPORTANT_NOTES).toMatch(/edge cases/);
    expect(PAPER_IMPORTANT_NOTES).toMatch(/Implement every method completely/);
  });

  it('generate with a prefix quotes it before the notes', () => {
    const user = buildPaperGeneratePrompt(context, 'class Environment {\n  constructor() {')[1].content;
    expect(user).toContain(
      '## Code to complete\nThe program so far is below. Write the complete program: start with exactly these lines, unchanged, then continue it.\n```javascript\nclass Environment {\n  constructor() {\n```\n\n## Important Notes',
    );
    expect(user.endsWith(PAPER_IMPORTANT_NOTES)).toBe(true);
  });

  it('a text without a trailing blank line still gets one before the class definition', () => {
    const user = buildPaperGeneratePrompt({ ...context, description: 'Hinted text.' }, '')[1].content;
    expect(user.startsWith('Hinted text.\n\n## Class Definition\n')).toBe(true);
  });

  it('a world with its own contract and failure wording (RTFM) keeps them under the paper protocol', () => {
    const own = { ...context, contract: '## Class Definition\nsetState(board) and step(action) on 6×6 boards.' };
    const user = buildPaperGeneratePrompt(own, '')[1].content;
    expect(user).toContain('setState(board) and step(action) on 6×6 boards.');
    expect(user).not.toContain(PAPER_CLASS_DEFINITION);
    const improve = buildPaperImprovePrompt(own, 'class Environment {}', { ...failure, text: 'Board before:\n. @ .\nExpected board after:\n. . @' })[1].content;
    expect(improve.endsWith('Its step method also predicts this transition wrongly.\nBoard before:\n. @ .\nExpected board after:\n. . @')).toBe(true);
    expect(improve).not.toContain('## Inputs of step');
  });

  it('improve: explanation, location, fix suggestion, correct code, then the program and the failing transition', () => {
    const [system, user] = buildPaperImprovePrompt(context, 'class Environment {}', failure);
    expect(system.content).toMatch(/gives wrong results/);
    const at = (s: string) => user.content.indexOf(s);
    const order = [
      '## Important Notes',
      '## Error explanation',
      '## Error location and wrong logic',
      '## Fix suggestion',
      '## Correct code',
      '## Incorrect code',
      '## Inputs of step',
      '## Ground-truth transition',
      "## Step's wrong outputs",
    ].map(at);
    expect(order.every((x, i) => x > 0 && (i === 0 || x > order[i - 1]))).toBe(true);
    expect(user.content.endsWith("## Step's wrong outputs\nNext state:\n428\nReward: -1\nDone: false\n")).toBe(true);
  });

  it('fix: explanation, fix suggestion, correct code, then the program and the error', () => {
    const [system, user] = buildPaperFixPrompt(context, 'class Environment {}', 'TypeError: x is undefined (line 3: x.y)');
    expect(system.content).toMatch(/fails with an error/);
    expect(user.content).not.toContain('## Error location');
    expect(user.content.indexOf('## Fix suggestion')).toBeLessThan(user.content.indexOf('## Correct code'));
    expect(
      user.content.endsWith(
        '## Incorrect code\nThis is the program to correct:\n```javascript\nclass Environment {}\n```\n\nThe program raised an error: TypeError: x is undefined (line 3: x.y)\nFix it, or avoid it, in the new version.',
      ),
    ).toBe(true);
  });
});

describe('critique parsing', () => {
  const code = 'class Environment {\n  step(a) { return [0, 0, false]; }\n}';
  it('splits at "## Correct code", ignoring code quoted in the critique', () => {
    const text = `## Error explanation\nWrong.\n\`\`\`javascript\nclass Environment { bad() {} }\n\`\`\`\n## Fix suggestion\nFix.\n## Correct code\n\`\`\`javascript\n${code}\n\`\`\`\nDone.`;
    expect(splitCritique(text)).toEqual({ program: code, critique: '## Error explanation\nWrong.\n```javascript\nclass Environment { bad() {} }\n```\n## Fix suggestion\nFix.' });
  });

  it('takes the critique from the start when the model skipped the first heading (the paper prefilled it)', () => {
    expect(splitCritique(`The index is off by one.\n\n## Fix suggestion\nAdd one.\n\n## Correct code\n\`\`\`js\n${code}\n\`\`\``)).toEqual({
      program: code,
      critique: 'The index is off by one.\n\n## Fix suggestion\nAdd one.',
    });
  });

  it('without "## Correct code" the program comes from the whole answer; prose counts as critique only under its heading', () => {
    expect(splitCritique(`## Error explanation\nOops.\n\`\`\`javascript\n${code}\n\`\`\``)).toEqual({ program: code, critique: '## Error explanation\nOops.' });
    expect(splitCritique(`Here you go:\n\`\`\`javascript\n${code}\n\`\`\``)).toEqual({ program: code, critique: null });
    expect(splitCritique('<think>## Correct code</think>\r\n## Correct code\r\n```js\r\nclass Environment {}\r\n```')).toEqual({ program: 'class Environment {}', critique: null });
  });

  it('generate keeps the prefix and has no critique', () => {
    expect(parsePaperCompletion('generate', '```js\nclass Environment {\n  x() {}\n}\n```', 'class Environment {')).toEqual({ program: 'class Environment {\n  x() {}\n}', critique: null });
  });
});
