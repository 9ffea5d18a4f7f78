import { describe, expect, it } from 'vitest';
import { buildTable, tableCsv, tableMarkdown, type BenchResult } from '../../../src/core/bench/table';

const result = (envId: string, extra: Partial<BenchResult>): BenchResult => ({
  envId,
  discrete: true,
  strategy: 'gif-mcts',
  seed: 0,
  accuracyPaper: 0.5,
  accuracyTolerant: 0.5,
  R: 0.5,
  calls: 10,
  bestByCall: [0.5],
  ...extra,
});

describe('the RTFM row of the benchmark table (paper Table 3)', () => {
  const table = buildTable([
    result('rtfm', { table: 'rtfm', accuracyPaper: 0.9, accuracyTolerant: 0.8, R: 0.25 }),
    result('rtfm', { table: 'rtfm', seed: 1, accuracyPaper: 0.7, accuracyTolerant: 0.6, R: 0.75 }),
    result('cartpole', { gymId: 'CartPole-v1', accuracyPaper: 1, accuracyTolerant: 1, R: 1 }),
  ]);

  it("sits beside the paper's Table 3 numbers and stays out of the CWMB group means", () => {
    const rtfm = table.rows.find((r) => r.envId === 'rtfm')!;
    expect(rtfm.paper).toEqual({ gpt4: { accuracy: 0.71, R: 0.31 }, llama: { accuracy: 0.58, R: -0.11 }, gpt4b50: { accuracy: 1, R: 1 } });
    expect(rtfm.accuracyPaper?.mean).toBeCloseTo(0.8, 12);
    expect(table.groups).toHaveLength(1);
    expect(table.groups[0].accuracyPaper?.mean).toBe(1);
  });

  it('prints the row and explains the RTFM columns in Markdown and CSV', () => {
    const md = tableMarkdown(table);
    expect(md).toMatch(/\| rtfm \| gif-mcts \| playground \| hinted \| 0\.80 ± 0\.10 \|/);
    expect(md).toMatch(/\| 0\.71 \/ 0\.31( †)? \| 0\.58 \/ -0\.11( †)? \|/);
    expect(md).toContain('paper GPT-4 Turbo budget 50: gif-mcts 1.00 / 1.00');
    expect(tableCsv(table)).toContain('env,rtfm,gif-mcts,playground,hinted,0.8,');
  });
});
