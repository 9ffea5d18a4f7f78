import { PROTOCOLS } from '../protocol/protocols';
import { samplingText } from '../protocol/sampling';
import { PAPER_RESULTS } from './paper';
import type { BenchLine } from './run';
import { buildTable, tableCsv, tableMarkdown, type BenchTable } from './table';

/** What produced a table: the header a reader needs to know whether two tables compare. */
export interface BenchMeta {
  protocols: string[];
  descriptions: string[];
  models: string[];
  /** Provider settings sent with every call, as text. */
  sampling: string[];
  budgets: number[];
  seeds: number[];
  strategies: string[];
}

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

/** The header of a set of results (each field lists every value that occurs, in order). */
export function benchMeta(lines: readonly BenchLine[]): BenchMeta {
  return {
    protocols: uniq(lines.map((l) => PROTOCOLS[l.protocol ?? 'playground'].label)),
    descriptions: uniq(lines.map((l) => `${l.description ?? 'hinted'} description`)),
    models: uniq(lines.map((l) => l.model)),
    sampling: uniq(lines.map((l) => samplingText(l.sampling))),
    budgets: uniq(lines.map((l) => l.budget)),
    seeds: uniq(lines.map((l) => l.seed)).sort((a, b) => a - b),
    strategies: uniq(lines.map((l) => l.strategy)),
  };
}

/** The header as Markdown lines. */
export function metaMarkdown(meta: BenchMeta): string {
  const or = (xs: readonly (string | number)[]) => (xs.length ? xs.join('; ') : '—');
  return [
    `- protocol: ${or(meta.protocols)}`,
    `- description: ${or(meta.descriptions)}`,
    `- model: ${or(meta.models)}`,
    `- provider settings: ${or(meta.sampling)}`,
    `- budget: ${or(meta.budgets)} LLM calls per search`,
    `- seeds: ${or(meta.seeds)}`,
    `- strategies: ${or(meta.strategies)}`,
  ].join('\n');
}

/** The title of a report: which protocol produced it, in words. */
function title(meta: BenchMeta): string {
  return `# CWMB benchmark: ${meta.protocols.join(' and ') || 'no results'}`;
}

/**
 * The benchmark report as Markdown: title and header (protocol, description, model, provider
 * settings, budget, seeds), the paper-format table with † where a paper column was run under
 * another protocol, and the source of the paper's numbers. Nothing in it depends on when or how
 * often the cells ran, so a resumed or replayed benchmark writes the same file. `settings` is the
 * header's lines alone, as the benchmark page shows them.
 */
export function benchReport(lines: readonly BenchLine[]): { markdown: string; settings: string; csv: string; json: string; table: BenchTable } {
  const table = buildTable(lines);
  const meta = benchMeta(lines);
  const settings = metaMarkdown(meta);
  const markdown = `${title(meta)}\n\n${settings}\n\n${tableMarkdown(table)}\nPaper columns: ${PAPER_RESULTS.source}\n`;
  const runs = lines.map((l) => ({ ...l, finishedAt: undefined, replayed: undefined }));
  const json = JSON.stringify({ meta, table, results: runs }, null, 2) + '\n';
  return { markdown, settings, csv: tableCsv(table), json, table };
}
