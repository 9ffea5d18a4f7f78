import { describe, expect, test } from 'vitest';
import type { EvalResult } from '../../../src/core/cwm/types';
import { GifMctsSession, childPrefix } from '../../../src/core/search/gif-mcts';
import type { SearchEvent } from '../../../src/core/search/types';
import { continuation, program, scriptedEvaluate, toyContext } from './scripted';
import { scenarioA, SCENARIO_A_TRACE, SCENARIO_A_TREE } from './scenario-a';
import { actionTrace, treeTable } from './trace';

const paperContext = (script: Parameters<typeof toyContext>[0], budget: number, events?: SearchEvent[]) => ({ ...toyContext(script, budget, 1, events), protocol: 'paper' as const });

describe('the paper prefix rule', () => {
  test('counts the empty root as one line and ends a child only when it adds fewer than L lines', () => {
    // Root children: 1 + L lines; terminal below 3 lines (the playground: 2 lines, terminal at ≤ 2).
    expect(childPrefix('paper', 0, 2, 3)).toEqual({ lines: 3, terminal: false });
    expect(childPrefix('paper', 0, 2, 2)).toEqual({ lines: 3, terminal: true });
    expect(childPrefix('playground', 0, 2, 3)).toEqual({ lines: 2, terminal: false });
    expect(childPrefix('playground', 0, 2, 2)).toEqual({ lines: 2, terminal: true });
    // Deeper: a program exactly L lines longer than its parent's prefix goes on under the paper's rule.
    expect(childPrefix('paper', 3, 2, 5)).toEqual({ lines: 5, terminal: false });
    expect(childPrefix('playground', 3, 2, 5)).toEqual({ lines: 5, terminal: true });
  });
});

describe('GIF-MCTS golden scenario A under the paper protocol', () => {
  /*
   * Every prefix is one line longer than under the playground rule (the root counts as a line), and
   * "terminal below parent + L" on the longer prefix is "terminal at or below parent + L" on the
   * shorter one, so terminal flags, selections, values and the value model come out as in the
   * playground golden; the generate at it7 continues n5's 5-line prefix instead of 4 lines.
   */
  test('pins actions, tree, prefixes and prompts', async () => {
    const events: SearchEvent[] = [];
    const ctx = paperContext(scenarioA, 20, events);
    const record = await new GifMctsSession(ctx).run();
    expect(actionTrace(events)).toEqual(SCENARIO_A_TRACE);
    expect(treeTable(record)).toEqual(SCENARIO_A_TREE);
    expect(record.nodes.map((n) => (n.prefix === '' ? 0 : n.prefix!.split('\n').length))).toEqual([0, 3, 3, 5, 6, 5, 6, 7, 5, 7, 8, 9]);
    expect(record.nodes[7].program.split('\n').slice(0, 5)).toEqual(record.nodes[5].program.split('\n').slice(0, 5));
    expect(record.nodes[7].program.split('\n')[5]).toBe('  // G');
    expect(record).toMatchObject({ protocol: 'paper', descriptionVariant: 'hinted', best: { nodeId: 11, score: 1 } });
    // Prompts: the paper's sections; the generate at it7 quotes n5's 5-line prefix before the notes.
    const generate = ctx.llm.requests[6][1].content;
    expect(generate.indexOf('## Class Definition')).toBeGreaterThan(0);
    expect(generate.indexOf('## Code to complete')).toBeGreaterThan(generate.indexOf('## Class Definition'));
    expect(generate.endsWith('in a single ```javascript code block.')).toBe(true);
    expect(generate).toContain('```javascript\n' + record.nodes[5].program.split('\n').slice(0, 5).join('\n') + '\n```');
    expect(ctx.llm.requests[0][1].content).not.toContain('## Code to complete');
    const fix = ctx.llm.requests[2][1].content;
    expect(fix).toContain('The program raised an error: boom\nFix it, or avoid it, in the new version.');
    const improve = ctx.llm.requests[4][1].content;
    expect(improve).toContain('## Inputs of step\nInitial state:\n[0.5,1]\nAction: 1\n');
    expect(improve).toContain('## Ground-truth transition\nNext state:\n[1,2]\nReward: 1\nDone: false\n');
    expect(improve).toContain("## Step's wrong outputs\nNext state:\n[1,3]\nReward: 1\nDone: false\n");
  });

  test('stops only at a score of exactly 1: a correct program below 1 (time-limit cut-offs) does not end the search', async () => {
    // "CORRECT x": every transition that can be predicted is right, but cut-offs keep the score at x.
    const evaluate = async (p: string): Promise<EvalResult> => {
      const last = [...p.matchAll(/\/\/ (SCORE|BUG|CORRECT) ?(.*)$/gm)].pop();
      return last?.[1] === 'CORRECT' ? { ...(await scriptedEvaluate(p)), solved: true, score: Number(last[2]) } : scriptedEvaluate(p);
    };
    const script = [program('A', 'CORRECT 0.98'), program('B', 'SCORE 0.5'), program('C', 'SCORE 1')];
    const playground = await new GifMctsSession({ ...toyContext(script, 5), evaluate }).run();
    expect(playground.calls).toHaveLength(1);
    const paper = await new GifMctsSession({ ...paperContext(script, 5), evaluate }).run();
    expect(paper.calls).toHaveLength(3);
    expect(paper.best).toEqual({ nodeId: 3, score: 1 });
  });

  test('keeps the critique of a paper-format fix on its node, and takes the program only after "## Correct code"', async () => {
    const answer = [
      '## Error explanation',
      'The velocity is not updated.',
      '',
      'It fails in step, line 2: ```js\nclass Environment { /* quoted, not the answer */ }\n```',
      '',
      '## Fix suggestion',
      'Add the update.',
      '',
      '## Correct code',
      '```javascript',
      program('B', 'SCORE 0.9'),
      '```',
    ].join('\n');
    const ctx = paperContext([program('A', 'BUG boom', 6), answer], 2);
    const record = await new GifMctsSession(ctx).run();
    expect(record.nodes.map((n) => n.action)).toEqual(['root', 'generate', 'fix']);
    expect(record.nodes[2].program).toBe(program('B', 'SCORE 0.9'));
    expect(record.nodes[2].critique).toBe(
      '## Error explanation\nThe velocity is not updated.\n\nIt fails in step, line 2: ```js\nclass Environment { /* quoted, not the answer */ }\n```\n\n## Fix suggestion\nAdd the update.',
    );
    expect(record.nodes[1].critique).toBeUndefined();
  });

  test('a continued paper run keeps the paper protocol whatever the caller passes', async () => {
    const first = new GifMctsSession(paperContext(scenarioA, 20));
    await first.step();
    await first.step();
    const saved = first.snapshot();
    const ctx = toyContext(scenarioA.slice(2), 20); // names no protocol
    const next = new GifMctsSession(ctx, saved);
    await next.step();
    expect(ctx.llm.requests[0][0].content).toMatch(/^You are an experienced JavaScript developer/);
    expect(next.snapshot()).toMatchObject({ protocol: 'paper', descriptionVariant: 'hinted' });
  });
});
