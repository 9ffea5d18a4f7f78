import { ANTHROPIC_BASE_URL, createAnthropicClient } from './anthropic';
import type { FetchLike } from './fetch-types';
import { createOpenAiClient } from './openai';
import { LlmError, type LlmClient } from './types';

/** What a user sets for a remote model. The key is held by the caller, never recorded. */
export interface ProviderSettings {
  /** A registered provider kind: 'openai' (any OpenAI-compatible server) or 'anthropic'. */
  kind: string;
  baseUrl?: string;
  apiKey?: string;
  model: string;
  /** OpenAI-compatible only: send `top_k` (the preset knows whether the server accepts it). */
  supportsTopK?: boolean;
  /** Anthropic only: see `AnthropicSettings.sampling`. */
  sampling?: 'temperature' | 'temperature+top_p';
  extraHeaders?: Record<string, string>;
  fetch?: FetchLike;
}

/** One way to reach a model, under a stable key of the registry. */
export interface ProviderDef {
  kind: string;
  label: string;
  needsKey: boolean;
  defaultBaseUrl?: string;
  create(settings: ProviderSettings): LlmClient;
}

/** A ready-made configuration of a provider for a known service or local server. */
export interface ProviderPreset {
  id: string;
  label: string;
  kind: 'openai' | 'anthropic';
  baseUrl: string;
  needsKey: boolean;
  /** A model name that works there, shown as the field's placeholder. */
  model: string;
  supportsTopK: boolean;
  /** Runs on the user's machine (CORS must be enabled for the page to reach it). */
  local: boolean;
  note?: string;
}

const registry = new Map<string, ProviderDef>();

/** Adds a provider to the registry (the page adds in-browser WebLLM this way). */
export function registerProvider(def: ProviderDef): void {
  registry.set(def.kind, def);
}

/** The registered providers, in registration order. */
export function listProviders(): ProviderDef[] {
  return [...registry.values()];
}

/** The provider registered under `kind`, or undefined. */
export function getProvider(kind: string): ProviderDef | undefined {
  return registry.get(kind);
}

/** Where an OpenAI-compatible provider without a base URL sends its calls. */
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

registerProvider({
  kind: 'openai',
  label: 'OpenAI-compatible',
  needsKey: false,
  defaultBaseUrl: OPENAI_BASE_URL,
  create: (s) => createOpenAiClient({ baseUrl: s.baseUrl ?? OPENAI_BASE_URL, apiKey: s.apiKey, model: s.model, supportsTopK: s.supportsTopK, extraHeaders: s.extraHeaders, fetch: s.fetch }),
});

registerProvider({
  kind: 'anthropic',
  label: 'Anthropic',
  needsKey: true,
  defaultBaseUrl: ANTHROPIC_BASE_URL,
  create: (s) => createAnthropicClient({ baseUrl: s.baseUrl, apiKey: s.apiKey ?? '', model: s.model, sampling: s.sampling, fetch: s.fetch }),
});

/**
 * Builds a client from settings, refusing up front what cannot work: an unknown kind, no model,
 * or no key where the service needs one (so no request is wasted finding out).
 */
export function createClient(settings: ProviderSettings, needsKey?: boolean): LlmClient {
  const def = registry.get(settings.kind);
  if (!def) {
    throw new LlmError('bad-request', `Unknown provider "${settings.kind}". Choose one of: ${[...registry.keys()].join(', ')}.`);
  }
  if (!settings.model.trim()) throw new LlmError('bad-request', `No model name is set for ${def.label}. Enter the model's name (for example "${presetsFor(def.kind)[0]?.model ?? 'the model id'}").`);
  if ((needsKey ?? def.needsKey) && !settings.apiKey) {
    throw new LlmError('auth', `${def.label} needs an API key. Paste it in the provider settings (it stays in this tab unless you tick "remember on this device").`);
  }
  return def.create(settings);
}

/**
 * Known services and local servers. `supportsTopK`: OpenAI, Groq, DeepSeek and Ollama's
 * OpenAI-compatible endpoint do not take `top_k`; OpenRouter, Together, LM Studio, llama.cpp and
 * vLLM do.
 */
export const presets: readonly ProviderPreset[] = [
  { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: OPENAI_BASE_URL, needsKey: true, model: 'gpt-4o-mini', supportsTopK: false, local: false },
  {
    id: 'anthropic',
    label: 'Anthropic',
    kind: 'anthropic',
    baseUrl: ANTHROPIC_BASE_URL,
    needsKey: true,
    model: 'claude-sonnet-4-5',
    supportsTopK: false,
    local: false,
    note: 'Only temperature is sent: Claude 4.5 models reject temperature and top_p together.',
  },
  { id: 'openrouter', label: 'OpenRouter', kind: 'openai', baseUrl: 'https://openrouter.ai/api/v1', needsKey: true, model: 'qwen/qwen-2.5-coder-32b-instruct', supportsTopK: true, local: false },
  { id: 'groq', label: 'Groq', kind: 'openai', baseUrl: 'https://api.groq.com/openai/v1', needsKey: true, model: 'llama-3.3-70b-versatile', supportsTopK: false, local: false },
  { id: 'together', label: 'Together AI', kind: 'openai', baseUrl: 'https://api.together.xyz/v1', needsKey: true, model: 'Qwen/Qwen2.5-Coder-32B-Instruct', supportsTopK: true, local: false },
  { id: 'deepseek', label: 'DeepSeek', kind: 'openai', baseUrl: 'https://api.deepseek.com/v1', needsKey: true, model: 'deepseek-chat', supportsTopK: false, local: false },
  {
    id: 'ollama',
    label: 'Ollama (local)',
    kind: 'openai',
    baseUrl: 'http://localhost:11434/v1',
    needsKey: false,
    model: 'qwen2.5-coder:7b',
    supportsTopK: false,
    local: true,
    note: 'Start it with OLLAMA_ORIGINS=* so the page may call it.',
  },
  {
    id: 'lm-studio',
    label: 'LM Studio (local)',
    kind: 'openai',
    baseUrl: 'http://localhost:1234/v1',
    needsKey: false,
    model: 'qwen2.5-coder-7b-instruct',
    supportsTopK: true,
    local: true,
    note: 'Turn on "Enable CORS" in the server settings.',
  },
  {
    id: 'llama-cpp',
    label: 'llama.cpp server (local)',
    kind: 'openai',
    baseUrl: 'http://localhost:8080/v1',
    needsKey: false,
    model: 'default',
    supportsTopK: true,
    local: true,
    note: 'llama-server allows cross-origin calls by default.',
  },
  {
    id: 'vllm',
    label: 'vLLM (local)',
    kind: 'openai',
    baseUrl: 'http://localhost:8000/v1',
    needsKey: false,
    model: 'Qwen/Qwen2.5-Coder-7B-Instruct',
    supportsTopK: true,
    local: true,
    note: 'Allows all origins unless started with --allowed-origins.',
  },
];

/** The presets of one provider kind. */
export function presetsFor(kind: string): ProviderPreset[] {
  return presets.filter((p) => p.kind === kind);
}

/** The preset with this id, or undefined. */
export function getPreset(id: string): ProviderPreset | undefined {
  return presets.find((p) => p.id === id);
}
