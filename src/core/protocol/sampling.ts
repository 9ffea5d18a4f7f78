import { PAPER_SAMPLING, type CompletionOptions } from '../llm/types';
import type { ProtocolId } from './protocols';

/** The two sampling set-ups of the paper's runs. */
export type SamplingPresetId = 'open-weights' | 'openai';

/** A provider's sampling and budget under the paper protocol. */
export interface SamplingPreset {
  id: SamplingPresetId;
  label: string;
  sampling: CompletionOptions;
  /** LLM calls per environment in the paper's runs with such a model. */
  budget: number;
}

/**
 * The paper's presets: open-weights models through Hugging Face (Llama 3 70B: temperature 1.0,
 * top_p 0.8, top_k 100, at most 1500 new tokens, 50 calls per environment) and OpenAI models
 * (GPT-4 Turbo: temperature 0.6, top_p 0.8, at most 4096 tokens, 10 calls per environment).
 */
export const SAMPLING_PRESETS: Record<SamplingPresetId, SamplingPreset> = {
  'open-weights': {
    id: 'open-weights',
    label: 'open-weights model (the paper’s Llama 3 70B setting)',
    sampling: PAPER_SAMPLING,
    budget: 50,
  },
  openai: {
    id: 'openai',
    label: 'hosted API model (the paper’s GPT-4 Turbo setting)',
    sampling: { temperature: 0.6, topP: 0.8, maxTokens: 4096 },
    budget: 10,
  },
};

/** What decides a preset: the provider kind, model name and server. */
export interface ProviderInfo {
  kind: string;
  model: string;
  baseUrl?: string;
}

const OPENAI_MODEL = /^(gpt-|o\d|chatgpt)/i;

/**
 * The paper preset a provider falls under. OpenAI's own models (by name, or anything on OpenAI's
 * server) take the GPT-4 Turbo setting, and so do other hosted closed models (Anthropic), whose
 * providers state no open-weights sampling; models in the browser or on a local or open-weights
 * server take the Hugging Face setting.
 */
export function presetFor(provider: ProviderInfo): SamplingPresetId {
  if (provider.kind === 'anthropic') return 'openai';
  if (provider.kind === 'openai' && (OPENAI_MODEL.test(provider.model) || (provider.baseUrl ?? '').includes('api.openai.com'))) return 'openai';
  return 'open-weights';
}

/** Sampling of a run: the provider's paper preset under the paper protocol, the playground's one otherwise. */
export function protocolSampling(protocol: ProtocolId, provider: ProviderInfo): CompletionOptions {
  return { ...(protocol === 'paper' ? SAMPLING_PRESETS[presetFor(provider)].sampling : PAPER_SAMPLING) };
}

/** The paper's budget for this provider (50 calls for open-weights models, 10 for OpenAI's). */
export function paperBudget(provider: ProviderInfo): number {
  return SAMPLING_PRESETS[presetFor(provider)].budget;
}

/** Sampling settings in the words of the paper's appendix: "temperature 1, top_p 0.8, …". */
export function samplingText(s: CompletionOptions | undefined): string {
  if (!s) return 'not recorded';
  const parts = [`temperature ${s.temperature}`, `top_p ${s.topP}`];
  if (s.topK !== undefined) parts.push(`top_k ${s.topK}`);
  parts.push(`max_tokens ${s.maxTokens}`);
  return parts.join(', ');
}
