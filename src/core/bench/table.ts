import type { ProtocolId, RecordedDescription } from '../protocol/protocols';
import type { StrategyId } from '../run/types';
import { PAPER_RESULTS } from './paper';
import { paperRtfm } from './paper-rtfm';
import { formatStat, meanSe, type Stat } from './stats';

/** One finished benchmark run: the best program's accuracy both ways and its normalized return. */
export interface BenchResult {
  envId: string;
  /** Gymnasium id, e.g. `CartPole-v1`; links our rows to the paper's. */
  gymId?: string;
  /** Discrete or continuous action space: the paper averages each group apart. */
  discrete: boolean;
  /**
   * `rtfm` for the RTFM row of Table 3: kept out of the CWMB group means, compared with Table 3;
   * its `accuracyPaper` is the paper protocol (1000 draws with replacement), `accuracyTolerant`
   * each transition once (RTFM rewards are integers, so the reward comparison does not differ).
   */
  table?: 'rtfm';
  strategy: StrategyId;
  seed: number;
  /** Weighted metric of the best program with exact reward comparison (the paper's numbers). */
  accuracyPaper: number;
  /** The same with tolerant reward comparison. */
  accuracyTolerant: number;
  /** Normalized return of the best program, null where N/A or not measured. */
  R: number | null;
  calls: number;
  /** Best score after each LLM call, for the score-against-calls plot. */
  bestByCall: number[];
  /** The protocol of the search; results from before protocols existed are playground runs. */
  protocol?: ProtocolId;
  /** The description the model read; older results used the hinted one. */
  description?: RecordedDescription;
  /** LLM calls each search was given. */
  budget?: number;
  /** Set when R came from fewer planning episodes or a smaller planner than the paper's. */
  reducedPlanner?: boolean;
}

/** The paper's numbers for one environment (GPT-4 Turbo budget 10, Llama 3 70B budget 50). */
export interface PaperReference {
  gpt4?: { accuracy: number | null; R: number | null };
  llama?: { accuracy: number | null; R: number | null };
  /** Table 3 only: GPT-4 Turbo with budget 50. */
  gpt4b50?: { accuracy: number | null; R: number | null };
}

/** How a row's set-up differs from the paper run it stands beside (empty: like for like). */
export interface PaperDifferences {
  gpt4: string[];
  llama: string[];
}

/** One row of the table: an environment × strategy × protocol × description across seeds. */
export interface BenchRow {
  envId: string;
  discrete: boolean;
  table?: 'rtfm';
  strategy: StrategyId;
  protocol: ProtocolId;
  description: RecordedDescription;
  accuracyPaper: Stat | null;
  accuracyTolerant: Stat | null;
  R: Stat | null;
  paper: PaperReference;
  differs: PaperDifferences;
}

/** Group means (discrete / continuous) per strategy and protocol, as Table 2 of the paper. */
export interface BenchGroup {
  group: 'discrete' | 'continuous';
  strategy: StrategyId;
  protocol: ProtocolId;
  description: RecordedDescription;
  accuracyPaper: Stat | null;
  accuracyTolerant: Stat | null;
  R: Stat | null;
}

/** The whole table. */
export interface BenchTable {
  rows: BenchRow[];
  groups: BenchGroup[];
}

/** The paper's budgets per column: GPT-4 Turbo ran 10 calls per environment, Llama 3 70B 50. */
export const PAPER_BUDGETS = { gpt4: 10, llama: 50 } as const;

function paperName(gymId: string | undefined): string | undefined {
  return gymId?.replace(/-v\d+$/, '');
}

function paperReference(gymId: string | undefined, strategy: StrategyId): PaperReference {
  const name = paperName(gymId);
  if (!name || (strategy !== 'gif-mcts' && strategy !== 'worldcoder')) return {};
  const gpt4 = (PAPER_RESULTS.table11_per_env_gpt4turbo_budget10 as Record<string, Record<string, PaperReference['gpt4']>>)[name];
  const llama = (PAPER_RESULTS.table10_per_env_llama3_70b_budget50_seed1 as Record<string, Record<string, PaperReference['llama']>>)[name];
  return { gpt4: gpt4?.[strategy], llama: llama?.[strategy] };
}

/** What separates a group of results from the paper's protocol at a given budget. */
function differences(results: readonly BenchResult[], paperBudget: number): string[] {
  const out: string[] = [];
  const protocols = new Set(results.map((r) => r.protocol ?? 'playground'));
  const descriptions = new Set(results.map((r) => r.description ?? 'hinted'));
  const budgets = new Set(results.map((r) => r.budget).filter((b): b is number => b !== undefined));
  if ([...protocols].some((p) => p !== 'paper')) out.push('playground protocol');
  for (const d of descriptions) if (d !== 'paper') out.push(`${d} description`);
  for (const b of budgets) if (b !== paperBudget) out.push(`budget ${b} (paper ${paperBudget})`);
  if (results.some((r) => r.reducedPlanner)) out.push('reduced planner (R)');
  return out;
}

function rtfmReference(strategy: StrategyId): PaperReference {
  const gpt4 = paperRtfm('GPT-4 Turbo', 10, strategy);
  const llama = paperRtfm('Llama 3 70B', 50, strategy);
  const gpt4b50 = paperRtfm('GPT-4 Turbo', 50, strategy);
  return gpt4 || llama ? { gpt4, llama, gpt4b50 } : {};
}

const values = (results: BenchResult[], pick: (r: BenchResult) => number | null) => results.map(pick).filter((x): x is number => x !== null && Number.isFinite(x));

/**
 * Aggregates results into the paper's table format: per environment, strategy, protocol and
 * description the mean ± standard error across seeds, then means over discrete and continuous
 * environments (each environment's mean counts once, as in the paper). Rows come in the order
 * their first result comes, so sorted input gives the same table however it was produced.
 */
export function buildTable(results: readonly BenchResult[]): BenchTable {
  const keyed = new Map<string, BenchResult[]>();
  for (const r of results) {
    const key = [r.envId, r.strategy, r.protocol ?? 'playground', r.description ?? 'hinted'].join('\u0000');
    keyed.set(key, [...(keyed.get(key) ?? []), r]);
  }
  const rows: BenchRow[] = [...keyed.values()].map((group) => {
    const paper = group[0].table === 'rtfm' ? rtfmReference(group[0].strategy) : paperReference(group[0].gymId, group[0].strategy);
    return {
      envId: group[0].envId,
      discrete: group[0].discrete,
      ...(group[0].table ? { table: group[0].table } : {}),
      strategy: group[0].strategy,
      protocol: group[0].protocol ?? 'playground',
      description: group[0].description ?? 'hinted',
      accuracyPaper: meanSe(values(group, (r) => r.accuracyPaper)),
      accuracyTolerant: meanSe(values(group, (r) => r.accuracyTolerant)),
      R: meanSe(values(group, (r) => r.R)),
      paper,
      differs: {
        gpt4: paper.gpt4 ? differences(group, PAPER_BUDGETS.gpt4) : [],
        llama: paper.llama ? differences(group, PAPER_BUDGETS.llama) : [],
      },
    };
  });
  const groups: BenchGroup[] = [];
  const setups = [...new Map(rows.map((r) => [`${r.strategy}\u0000${r.protocol}\u0000${r.description}`, r])).values()];
  for (const group of ['discrete', 'continuous'] as const) {
    for (const { strategy, protocol, description } of setups) {
      const members = rows.filter((r) => r.strategy === strategy && !r.table && r.protocol === protocol && r.description === description && r.discrete === (group === 'discrete'));
      if (members.length === 0) continue;
      const means = (pick: (r: BenchRow) => Stat | null) =>
        meanSe(
          members
            .map(pick)
            .filter((s): s is Stat => s !== null)
            .map((s) => s.mean),
        );
      groups.push({ group, strategy, protocol, description, accuracyPaper: means((r) => r.accuracyPaper), accuracyTolerant: means((r) => r.accuracyTolerant), R: means((r) => r.R) });
    }
  }
  return { rows, groups };
}

const cell = (x: number | null | undefined) => (x === null || x === undefined ? 'N/A' : x.toFixed(2));

/** A paper column's cell: its accuracy / R, marked † when our row was run differently. */
export function paperCell(ref: PaperReference['gpt4'], differs: string[]): string {
  if (!ref) return '—';
  return `${cell(ref.accuracy)} / ${cell(ref.R)}${differs.length ? ' †' : ''}`;
}

/** The notes that explain every † of a table, one per marked cell. */
export function differenceNotes(table: BenchTable): string[] {
  const notes: string[] = [];
  for (const r of table.rows) {
    if (r.differs.gpt4.length) notes.push(`${r.envId} · ${r.strategy} vs paper GPT-4 Turbo: ${r.differs.gpt4.join(', ')}`);
    if (r.differs.llama.length) notes.push(`${r.envId} · ${r.strategy} vs paper Llama 3 70B: ${r.differs.llama.join(', ')}`);
  }
  return notes;
}

/** The table as Markdown, with the paper's published numbers beside ours and † where set-ups differ. */
export function tableMarkdown(table: BenchTable): string {
  const head = '| environment | strategy | protocol | description | accuracy (paper reward) | accuracy (tolerant) | R | paper GPT-4 Turbo acc / R | paper Llama 3 70B acc / R |';
  const rule = '|---|---|---|---|---|---|---|---|---|';
  const rows = table.rows.map(
    (r) =>
      `| ${r.envId} | ${r.strategy} | ${r.protocol} | ${r.description} | ${formatStat(r.accuracyPaper)} | ${formatStat(r.accuracyTolerant)} | ${formatStat(r.R)} | ` +
      `${paperCell(r.paper.gpt4, r.differs.gpt4)} | ${paperCell(r.paper.llama, r.differs.llama)} |`,
  );
  const groups = table.groups.map(
    (g) => `| **${g.group} mean** | ${g.strategy} | ${g.protocol} | ${g.description} | ${formatStat(g.accuracyPaper)} | ${formatStat(g.accuracyTolerant)} | ${formatStat(g.R)} | | |`,
  );
  const notes = differenceNotes(table);
  const legend = notes.length ? `\n† Not like for like with the paper's run:\n${notes.map((n) => `- ${n}`).join('\n')}\n` : '';
  const rtfm = table.rows.filter((r) => r.table === 'rtfm');
  const rtfmNote = rtfm.length
    ? '\nRTFM (paper Table 3): "accuracy (paper reward)" is the paper protocol (1000 transitions drawn with replacement), "accuracy (tolerant)" each of the 999 transitions once; ' +
      `paper GPT-4 Turbo budget 50: ${rtfm.map((r) => `${r.strategy} ${r.paper.gpt4b50 ? `${cell(r.paper.gpt4b50.accuracy)} / ${cell(r.paper.gpt4b50.R)}` : '—'}`).join(', ')}. ` +
      "R uses this project's breadth-first planner (the paper's RTFM planning code was not released).\n"
    : '';
  return [head, rule, ...rows, ...groups].join('\n') + '\n' + legend + rtfmNote;
}

/** The table as CSV (one row per environment × strategy × protocol × description, then the group means). */
export function tableCsv(table: BenchTable): string {
  const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));
  const stat = (s: Stat | null) => [num(s?.mean), num(s?.se), num(s?.n)];
  const list = (xs: string[]) => (xs.length ? `"${xs.join('; ')}"` : '');
  const lines = [
    [
      'row',
      'environment',
      'strategy',
      'protocol',
      'description',
      'acc_paper_mean',
      'acc_paper_se',
      'acc_paper_n',
      'acc_tolerant_mean',
      'acc_tolerant_se',
      'acc_tolerant_n',
      'R_mean',
      'R_se',
      'R_n',
      'paper_gpt4_acc',
      'paper_gpt4_R',
      'paper_llama_acc',
      'paper_llama_R',
      'differs_from_paper_gpt4',
      'differs_from_paper_llama',
    ].join(','),
    ...table.rows.map((r) =>
      [
        'env',
        r.envId,
        r.strategy,
        r.protocol,
        r.description,
        ...stat(r.accuracyPaper),
        ...stat(r.accuracyTolerant),
        ...stat(r.R),
        num(r.paper.gpt4?.accuracy),
        num(r.paper.gpt4?.R),
        num(r.paper.llama?.accuracy),
        num(r.paper.llama?.R),
        list(r.differs.gpt4),
        list(r.differs.llama),
      ].join(','),
    ),
    ...table.groups.map((g) => [`${g.group}-mean`, '', g.strategy, g.protocol, g.description, ...stat(g.accuracyPaper), ...stat(g.accuracyTolerant), ...stat(g.R), '', '', '', '', '', ''].join(',')),
  ];
  return lines.join('\n') + '\n';
}
