import { describe, expect, test } from 'vitest';
import { extractCode, fencedBlocks } from '../../../src/core/prompts/extract';
import { joinPrefix } from '../../../src/core/prompts/prefix';
import { programFromCompletion } from '../../../src/core/prompts/program';

const PROGRAM = ['class Environment {', '  constructor() { this.g = 9.8; }', '  setState(s) { this.s = s; }', '  step(a) { return [this.s, 1, false]; }', '}'].join('\n');

describe('extractCode', () => {
  test('prose around one fenced block', () => {
    expect(extractCode(`Sure! Here is the simulator:\n\n\`\`\`javascript\n${PROGRAM}\n\`\`\`\n\nIt uses Euler steps.`)).toBe(PROGRAM);
  });

  test('language tags, tildes and CRLF line ends', () => {
    expect(extractCode(`\`\`\`js\r\n${PROGRAM.replace(/\n/g, '\r\n')}\r\n\`\`\``)).toBe(PROGRAM);
    expect(extractCode(`~~~\n${PROGRAM}\n~~~`)).toBe(PROGRAM);
    expect(extractCode(`\`\`\`\n${PROGRAM}\n\`\`\``)).toBe(PROGRAM);
  });

  test('several blocks: the one defining class Environment wins over snippets before and after', () => {
    const text = `The bug is here:\n\`\`\`js\nconst force = 10;\n\`\`\`\nFixed program:\n\`\`\`javascript\n${PROGRAM}\n\`\`\`\nUsage:\n\`\`\`js\nconst env = new Environment();\nenv.setState([0, 0]);\n\`\`\``;
    expect(extractCode(text)).toBe(PROGRAM);
  });

  test('several blocks defining Environment: the last one (the final answer)', () => {
    const draft = PROGRAM.replace('9.8', '10');
    expect(extractCode(`Draft:\n\`\`\`js\n${draft}\n\`\`\`\nCorrected:\n\`\`\`js\n${PROGRAM}\n\`\`\``)).toBe(PROGRAM);
  });

  test('no block defines Environment: the longest block, the later one on a tie', () => {
    expect(extractCode('```\nshort()\n```\n```\na much longer snippet()\n```')).toBe('a much longer snippet()');
    expect(extractCode('```\naaa\n```\n```\nbbb\n```')).toBe('bbb');
  });

  test('missing fences: prose before and after the program is dropped', () => {
    const text = `Here is my answer.\nI modelled the physics carefully:\n\n// CartPole\nconst G = 9.8;\n${PROGRAM}\n\nThis program matches the description.\nLet me know if you need changes.`;
    expect(extractCode(text)).toBe(`// CartPole\nconst G = 9.8;\n${PROGRAM}`);
  });

  test('no fences and no Environment: the text as it is (scoring then reports the bug)', () => {
    expect(extractCode('I cannot write this program.  \n')).toBe('I cannot write this program.');
  });

  test('truncated output: an unterminated fence runs to the end', () => {
    const cut = PROGRAM.split('\n').slice(0, 3).join('\n');
    expect(extractCode(`Here you go:\n\`\`\`javascript\n${cut}`)).toBe(cut);
    expect(fencedBlocks(`\`\`\`js\n${cut}`)).toEqual([{ code: cut, truncated: true }]);
  });

  test('a closing fence glued to the last line still closes the block', () => {
    expect(extractCode(`\`\`\`js\n${PROGRAM}\`\`\`\nDone.`)).toBe(PROGRAM);
  });

  test('reasoning sections are ignored', () => {
    expect(extractCode(`<think>Maybe \`\`\`js\nclass Environment { wrong }\n\`\`\`</think>\n\`\`\`js\n${PROGRAM}\n\`\`\``)).toBe(PROGRAM);
  });

  test('trailing spaces and blank edge lines are trimmed, inner blank lines kept', () => {
    expect(extractCode('```js\n\n\nclass Environment {   \n\n  step(a) {}\n}\n\n```')).toBe('class Environment {\n\n  step(a) {}\n}');
  });
});

describe('joinPrefix: a generate program always starts with the prefix, never twice', () => {
  const prefix = ['class Environment {', '  constructor() {', '    this.g = 9.8;'].join('\n');
  const rest = ['    this.tau = 0.02;', '  }', '  step(a) { return [0, 1, false]; }', '}'];
  const whole = `${prefix}\n${rest.join('\n')}`;

  test('an empty prefix takes the program as is', () => {
    expect(joinPrefix('', PROGRAM)).toBe(PROGRAM);
  });

  test('the model repeats the prefix and continues (indentation may differ)', () => {
    expect(joinPrefix(prefix, whole)).toBe(whole);
    expect(joinPrefix(prefix, whole.replace('    this.g', '  this.g'))).toBe(whole);
  });

  test('the model continues right after the prefix', () => {
    expect(joinPrefix(prefix, rest.join('\n'))).toBe(whole);
  });

  test('the model rewrites the prefix with changes: the prefix is kept verbatim, its copy dropped', () => {
    const rewritten = ['class Environment {', '  constructor() {', '    // gravity', '    this.g = 9.81;', ...rest].join('\n');
    // The copy's last prefix line differs ("9.81"), so the rewrite resumes after the line where it should end.
    expect(joinPrefix(prefix, rewritten)).toBe(`${prefix}\n    this.g = 9.81;\n${rest.join('\n')}`);
    const inserted = ['class Environment {', '  // a comment the model added', '  constructor() {', '    this.g = 9.8;', ...rest].join('\n');
    expect(joinPrefix(prefix, inserted)).toBe(whole);
    const dropped = ['class Environment {', '    this.g = 9.8;', ...rest].join('\n');
    expect(joinPrefix(prefix, dropped)).toBe(whole);
  });

  test('the model repeats only the last prefix line', () => {
    expect(joinPrefix(prefix, ['    this.g = 9.8;', ...rest].join('\n'))).toBe(whole);
  });

  test('a short repeated line such as "}" is not taken for an overlap', () => {
    const p = 'class Environment {\n  a() {\n  }';
    expect(joinPrefix(p, '  }\n}')).toBe(`${p}\n  }\n}`);
  });

  test('the model returns only the prefix: the program is the prefix', () => {
    expect(joinPrefix(prefix, prefix)).toBe(prefix);
  });

  test('programFromCompletion: generate joins the prefix, improve and fix take the whole program', () => {
    const completion = `Continuing:\n\`\`\`js\n${rest.join('\n')}\n\`\`\``;
    expect(programFromCompletion('generate', completion, prefix)).toBe(whole);
    expect(programFromCompletion('improve', `\`\`\`js\n${PROGRAM}\n\`\`\``, prefix)).toBe(PROGRAM);
    expect(programFromCompletion('fix', PROGRAM)).toBe(PROGRAM);
    expect(programFromCompletion('generate', `Here:\n\`\`\`js\n${whole}\n\`\`\``, prefix)).toBe(whole);
  });
});
