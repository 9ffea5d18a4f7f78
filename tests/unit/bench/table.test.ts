import { describe, expect, it } from 'vitest';
import { buildTable, meanSe, tableCsv, tableMarkdown, type BenchResult } from '../../../src/core/bench/index';
import { benchReport } from '../../../src/core/bench/report';

const result = (over: Partial<BenchResult>): BenchResult => ({
  envId: 'cartpole',
  gymId: 'CartPole-v1',
  discrete: true,
  strategy: 'gif-mcts',
  seed: 0,
  accuracyPaper: 1,
  accuracyTolerant: 1,
  R: 1,
  calls: 3,
  bestByCall: [0.5, 1, 1],
  ...over,
});

describe('mean and standard error', () => {
  it('uses the sample standard deviation over √n', () => {
    expect(meanSe([1, 2, 3, 4])).toEqual({ mean: 2.5, se: Math.sqrt(((1.5 ** 2 + 0.5 ** 2) * 2) / 3 / 4), n: 4 });
    expect(meanSe([0.7])).toEqual({ mean: 0.7, se: 0, n: 1 });
    expect(meanSe([])).toBeNull();
  });
});

describe('benchmark table', () => {
  const results = [
    result({ seed: 0, accuracyPaper: 1, R: 1.1 }),
    result({ seed: 1, accuracyPaper: 0.8, accuracyTolerant: 0.9, R: 0.9 }),
    result({ envId: 'mountaincar', gymId: 'MountainCar-v0', R: null }),
    result({ envId: 'pendulum', gymId: 'Pendulum-v1', discrete: false, accuracyPaper: 0.34, accuracyTolerant: 0.9, R: 0.5 }),
  ];
  const table = buildTable(results);

  it('aggregates per environment and strategy across seeds', () => {
    const cartpole = table.rows.find((r) => r.envId === 'cartpole')!;
    expect(cartpole.accuracyPaper).toEqual({ mean: 0.9, se: 0.09999999999999998, n: 2 });
    expect(cartpole.R!.mean).toBeCloseTo(1.0, 12);
    expect(cartpole.paper).toEqual({ gpt4: { accuracy: 1, R: 0.99 }, llama: { accuracy: 1, R: 1.11 } });
    expect(table.rows.find((r) => r.envId === 'mountaincar')!.R).toBeNull();
  });

  it('averages discrete and continuous environments apart, each environment once', () => {
    const discrete = table.groups.find((g) => g.group === 'discrete')!;
    expect(discrete.accuracyPaper!.mean).toBeCloseTo((0.9 + 1) / 2, 12);
    expect(discrete.R!.n).toBe(1); // MountainCar's R is N/A and does not count
    expect(table.groups.find((g) => g.group === 'continuous')!.accuracyTolerant!.mean).toBe(0.9);
  });

  it('prints Markdown and CSV with the paper beside ours', () => {
    const md = tableMarkdown(table);
    // Results without a protocol are playground runs with the hinted description: marked † against the paper.
    expect(md).toContain('| cartpole | gif-mcts | playground | hinted | 0.90 ± 0.10 | 0.95 ± 0.05 | 1.00 ± 0.10 | 1.00 / 0.99 † | 1.00 / 1.11 † |');
    expect(md).toContain('| mountaincar | gif-mcts | playground | hinted | 1.00 | 1.00 | N/A | 1.00 / N/A † | 1.00 / N/A † |');
    const csv = tableCsv(table).split('\n');
    expect(csv[0].split(',')).toHaveLength(20);
    expect(csv[1]).toBe(
      'env,cartpole,gif-mcts,playground,hinted,0.9,0.09999999999999998,2,0.95,0.04999999999999999,2,1,0.10000000000000003,2,1,0.99,1,1.11,"playground protocol; hinted description","playground protocol; hinted description"',
    );
  });
});

describe('benchmark table across protocols', () => {
  const paper = (over: Partial<BenchResult>) => result({ protocol: 'paper', description: 'paper', ...over });

  it('keeps protocols and descriptions in separate rows and group means', () => {
    const table = buildTable([paper({ accuracyPaper: 0.5 }), result({ accuracyPaper: 1 }), paper({ envId: 'taxi', gymId: 'Taxi-v3', accuracyPaper: 0.7 })]);
    expect(table.rows.map((r) => [r.envId, r.protocol, r.description, r.accuracyPaper!.mean])).toEqual([
      ['cartpole', 'paper', 'paper', 0.5],
      ['cartpole', 'playground', 'hinted', 1],
      ['taxi', 'paper', 'paper', 0.7],
    ]);
    expect(table.groups.map((g) => [g.group, g.protocol, g.accuracyPaper!.mean, g.accuracyPaper!.n])).toEqual([
      ['discrete', 'paper', 0.6, 2],
      ['discrete', 'playground', 1, 1],
    ]);
  });

  it("marks a paper cell only where the set-up differs: protocol, description or that column's budget", () => {
    const [row] = buildTable([paper({ budget: 10 })]).rows;
    expect(row.differs).toEqual({ gpt4: [], llama: ['budget 10 (paper 50)'] });
    const md = tableMarkdown(buildTable([paper({ budget: 10 })]));
    expect(md).toContain('| cartpole | gif-mcts | paper | paper | 1.00 | 1.00 | 1.00 | 1.00 / 0.99 | 1.00 / 1.11 † |');
    expect(md).toContain('- cartpole · gif-mcts vs paper Llama 3 70B: budget 10 (paper 50)');
    expect(buildTable([paper({ budget: 10, reducedPlanner: true })]).rows[0].differs.gpt4).toEqual(['reduced planner (R)']);
    const hinted = buildTable([paper({ budget: 50, description: 'hinted' })]).rows[0];
    expect(hinted.differs).toEqual({ gpt4: ['hinted description', 'budget 50 (paper 10)'], llama: ['hinted description'] });
  });
});

describe('benchmark report', () => {
  it('gives the header settings on their own, exactly as the Markdown report has them', () => {
    const line = {
      ...result({}),
      budget: 3,
      model: 'openai:fake-model',
      protocol: 'paper' as const,
      description: 'paper' as const,
      program: 'class Environment {}',
      finishedAt: '2026-12-04T00:00:00Z',
    };
    const report = benchReport([line, { ...line, seed: 1 }]);
    expect(report.settings.split('\n')[0]).toBe('- protocol: paper protocol');
    expect(report.settings).toContain('- seeds: 0; 1');
    expect(report.markdown.split('\n\n')[1]).toBe(report.settings);
  });
});
