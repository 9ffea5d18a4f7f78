// Table 3 of Dainese et al., NeurIPS 2024 (arXiv 2405.15383): RTFM accuracy and normalized return
// R, transcribed from the paper; copied from the project's shared paper-results.json (table3_rtfm).

/** The paper's RTFM results per model and budget: accuracy (the paper code's metric) and R. */
export const PAPER_TABLE3_RTFM = [
  { model: 'Llama 3 70B', budget: 50, 'gif-mcts': { accuracy: 0.58, R: -0.11 }, worldcoder: { accuracy: 0.23, R: -0.11 } },
  { model: 'GPT-4 Turbo', budget: 10, 'gif-mcts': { accuracy: 0.71, R: 0.31 }, worldcoder: { accuracy: 0.33, R: 0.22 } },
  { model: 'GPT-4 Turbo', budget: 50, 'gif-mcts': { accuracy: 1.0, R: 1.0 }, worldcoder: { accuracy: 0.64, R: -0.06 } },
] as const;

/** The Table 3 entry of one model, budget and strategy, or undefined. */
export function paperRtfm(model: 'Llama 3 70B' | 'GPT-4 Turbo', budget: number, strategy: string): { accuracy: number; R: number } | undefined {
  const row = PAPER_TABLE3_RTFM.find((r) => r.model === model && r.budget === budget);
  return strategy === 'gif-mcts' || strategy === 'worldcoder' ? row?.[strategy] : undefined;
}
