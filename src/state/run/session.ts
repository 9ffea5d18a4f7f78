import { datasetHash } from '../../core/env/dataset';
import type { Transition } from '../../core/env/types';
import type { LlmClient } from '../../core/llm/types';
import { PROTOCOLS, protocolSampling, recordProtocol } from '../../core/protocol';
import { Rng } from '../../core/rng';
import type { RunRecord } from '../../core/run/types';
import { strategies } from '../../core/search';
import type { SearchEvent, SearchSession } from '../../core/search/types';
import type { EnvState } from '../env.svelte';
import { browserRunner } from '../evaluator';
import { model } from '../model.svelte';
import { guardedScoring } from '../runs/guarded-scoring';
import type { SearchSettings } from './search-settings.svelte';

/** What a page search is made of: the environment as shown, the run controls' settings. */
export interface SessionRequest {
  env: EnvState;
  /** The dataset shown, which the search scores on. */
  transitions: Transition[];
  settings: Pick<SearchSettings, 'strategy' | 'protocol' | 'budget' | 'seed' | 'params'>;
  /** The saved run continued, if any: it keeps its own strategy and protocol. */
  resume?: RunRecord;
  /** The run replayed, if any: its recorded sampling settings are asked again. */
  replay: RunRecord | null;
  onEvent(event: SearchEvent): void;
}

/**
 * Builds a search session in the page: the chosen model's client, the sandboxed scorer (guarded
 * against a candidate that takes the page down), the seeded RNG, the protocol's reward and
 * sampling, and the record's environment (with the dataset and, for the user's own environment,
 * the environment itself). Returns the session and its samples per transition, or why the
 * model cannot be used; throws when `resume`'s search state is malformed.
 */
export function openSession(r: SessionRequest): { ok: true; session: SearchSession; samples: number } | { ok: false; error: string } {
  let llm: LlmClient;
  try {
    llm = model.createClient();
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const { budget, seed, params } = r.settings;
  const strategy = r.resume ? strategies[r.resume.strategy] : r.settings.strategy;
  const protocol = r.resume ? recordProtocol(r.resume) : r.settings.protocol;
  const spec = r.env.spec;
  const runner = browserRunner(); // one sandbox and worker pool for the page
  // The record names the dataset, and a custom environment travels inside it.
  const env: RunRecord['env'] = { id: spec.id, datasetHash: datasetHash(r.transitions), dataset: r.env.datasetId };
  if (r.env.custom) env.custom = r.env.custom;
  const reward = PROTOCOLS[protocol].searchReward;
  const sampling = (r.replay?.sampling && { ...r.replay.sampling }) || { ...protocolSampling(protocol, llm.info), seed };
  const scoring = guardedScoring({ llm, runner, transitions: r.transitions, spec, reward, seed, saved: r.resume ?? r.replay });
  const session = strategy.create(
    {
      spec,
      description: r.env.description,
      protocol,
      descriptionVariant: r.env.recordedVariant,
      descriptionEdited: r.env.descriptionEdited,
      transitions: r.transitions,
      llm: scoring.llm,
      evaluate: scoring.evaluate,
      rng: Rng.seeded(seed),
      sampling,
      budget,
      seed,
      params: { ...params },
      onEvent: r.onEvent,
      env,
    },
    r.resume,
  );
  scoring.named(session.snapshot().createdAt);
  return { ok: true, session, samples: scoring.samples };
}

/** Why the chosen model cannot be used (the remote provider does not answer), or null when it can. */
export async function modelProblem(): Promise<string | null> {
  try {
    return await model.unreachable();
  } catch (e) {
    return (e as Error).message;
  }
}
