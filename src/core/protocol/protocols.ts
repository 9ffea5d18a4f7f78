import type { RewardMode } from '../cwm/types';

/** How a search is run: the paper's benchmark protocol, or this playground's own defaults. */
export type ProtocolId = 'paper' | 'playground';

/** Which description of an environment the model reads. */
export type DescriptionVariant = 'paper' | 'hinted';

/** What a run record says about its description: a pack variant, or a custom environment's own text. */
export type RecordedDescription = DescriptionVariant | 'custom';

/**
 * Everything a protocol fixes about a run apart from the model: the text the model reads, how a
 * candidate is scored during search, how prompts are worded, GIF-MCTS's prefix rule and when the
 * search stops. Sampling and budget presets live in `sampling.ts`.
 */
export interface Protocol {
  id: ProtocolId;
  /** How tables, records and the page name it. */
  label: string;
  /** The description variant a new run starts with. */
  description: DescriptionVariant;
  /** Reward comparison of the score that guides the search. */
  searchReward: RewardMode;
  /** Prompt wording: the paper's sections (critique, then "## Correct code") or the playground's. */
  prompts: ProtocolId;
  /**
   * GIF-MCTS prefix rule. playground: a child's prefix is its parent's lines + L, and it is
   * terminal when its program has no more lines than that. paper (the paper's code): the empty
   * root counts as one line, and a child is terminal only when it adds fewer than L new lines.
   */
  prefixRule: ProtocolId;
  /** When the search stops early: score exactly 1 (paper) or a correct program (playground). */
  stopRule: 'score-one' | 'correct';
}

/** The two protocols, keyed by id. */
export const PROTOCOLS: Record<ProtocolId, Protocol> = {
  paper: {
    id: 'paper',
    label: 'paper protocol',
    description: 'paper',
    searchReward: 'paper',
    prompts: 'paper',
    prefixRule: 'paper',
    stopRule: 'score-one',
  },
  playground: {
    id: 'playground',
    label: 'playground protocol',
    description: 'hinted',
    searchReward: 'tolerant',
    prompts: 'playground',
    prefixRule: 'playground',
    stopRule: 'correct',
  },
};

/** Every protocol id, for forms, links and validation. */
export const PROTOCOL_IDS: readonly ProtocolId[] = ['paper', 'playground'];

/** Every description variant a pack can offer. */
export const DESCRIPTION_VARIANTS: readonly DescriptionVariant[] = ['paper', 'hinted'];

/** What records may say about their description. */
export const RECORDED_DESCRIPTIONS: readonly RecordedDescription[] = ['paper', 'hinted', 'custom'];

/** Whether `id` names a protocol. */
export function isProtocolId(id: unknown): id is ProtocolId {
  return id === 'paper' || id === 'playground';
}

/** Whether `id` names a description variant. */
export function isDescriptionVariant(id: unknown): id is DescriptionVariant {
  return id === 'paper' || id === 'hinted';
}

/** The protocol with this id; a wrong id gets a message listing the right ones. */
export function getProtocol(id: string): Protocol {
  if (!isProtocolId(id)) throw new Error(`unknown protocol "${id}"; use paper or playground`);
  return PROTOCOLS[id];
}

/** The protocol a record was made with; records from before protocols existed are playground runs. */
export function recordProtocol(record: { protocol?: ProtocolId }): ProtocolId {
  return record.protocol ?? 'playground';
}

/**
 * The description a record's model read; records from before variants existed used the hinted
 * text (or, on a custom environment, the user's own).
 */
export function recordDescription(record: { descriptionVariant?: RecordedDescription; env: { custom?: unknown } }): RecordedDescription {
  return record.descriptionVariant ?? (record.env.custom ? 'custom' : 'hinted');
}

/** A short label of a run's protocol and description: "paper protocol · paper description". */
export function protocolLabel(protocol: ProtocolId, description: RecordedDescription, edited = false): string {
  return `${PROTOCOLS[protocol].label} · ${description} description${edited ? ' (edited)' : ''}`;
}
