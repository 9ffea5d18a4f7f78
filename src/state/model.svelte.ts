import { checkReachable, createClient, createReplayClient, getPreset, presets, withRetry, type LlmClient, type ProviderPreset, type ProviderSettings } from '../core/llm';
import { importRunFile } from '../core/run';
import type { RunRecord } from '../core/run/types';
import { keyStore, webLlm } from './llm';
import { providerMemory, type RememberedProviders } from './llm/provider-memory';

/** The four ways to reach a model, as the provider select offers them. */
export type ProviderKind = 'webllm' | 'openai' | 'anthropic' | 'replay';

/** Settings of one remote provider kind; the key is held here, in memory, unless remembered. */
interface RemoteSettings {
  baseUrl: string;
  model: string;
  key: string;
}

/** How the last "test connection" went. */
export interface ConnectionTest {
  status: 'testing' | 'ok' | 'failed';
  message: string;
}

function fromPreset(preset: ProviderPreset): RemoteSettings {
  return { baseUrl: preset.baseUrl, model: preset.model, key: '' };
}

function sameUrl(a: string, b: string): boolean {
  const norm = (u: string) => u.trim().replace(/\/+$/, '').toLowerCase();
  return norm(a) === norm(b);
}

/**
 * The model panel's state: which provider, its URL, model and key, the in-browser model and its
 * download, a replay file, and the connection test. `createClient()` builds the LlmClient a run uses.
 */
export class ModelState {
  kind = $state<ProviderKind>('openai');
  openai = $state<RemoteSettings>(fromPreset(getPreset('openai')!));
  anthropic = $state<RemoteSettings>(fromPreset(getPreset('anthropic')!));
  /** Keep the key in this browser's storage; otherwise it is forgotten when the tab closes. */
  remember = $state(false);
  replayRecord = $state.raw<RunRecord | null>(null);
  replayName = $state('');
  replayError = $state<string | null>(null);
  test = $state<ConnectionTest | null>(null);
  /** The kind chosen by the user, so the WebGPU probe does not override a choice. */
  private chosen = false;

  /** The remote settings shown in the form, for the OpenAI-compatible and Anthropic kinds. */
  remote = $derived(this.kind === 'anthropic' ? this.anthropic : this.openai);
  presetsOfKind = $derived(presets.filter((p) => p.kind === this.kind));
  /** The known service at the typed base URL, if any: it says whether a key is needed and top_k works. */
  preset = $derived(this.presetsOfKind.find((p) => sameUrl(p.baseUrl, this.remote.baseUrl)));
  /** A custom URL (a local or private server) may work without a key; Anthropic never does. */
  needsKey = $derived(this.preset?.needsKey ?? this.kind === 'anthropic');
  /** Provider, model and server of the next run: they pick the paper's sampling preset. */
  providerInfo = $derived.by((): { kind: string; model: string; baseUrl?: string } => {
    if (this.kind === 'webllm') return { kind: 'webllm', model: webLlm.modelId || '' };
    if (this.kind === 'replay') return this.replayRecord?.provider ?? { kind: 'replay', model: '' };
    return { kind: this.kind, model: this.remote.model.trim(), baseUrl: this.remote.baseUrl.trim() };
  });
  /** One line for the run controls: which model a run would use. */
  summary = $derived(
    this.kind === 'webllm' ? `in-browser ${webLlm.modelId || 'model'}` : this.kind === 'replay' ? `replay of ${this.replayName || 'a run file'}` : `${this.remote.model} at ${this.remote.baseUrl}`,
  );

  constructor() {
    const saved = providerMemory.read();
    for (const kind of ['openai', 'anthropic'] as const) {
      const remembered = saved[kind];
      if (remembered) Object.assign(this[kind], { baseUrl: remembered.baseUrl, model: remembered.model });
    }
    if (saved.kind) {
      this.kind = saved.kind;
      this.chosen = true;
    }
    this.openai.key = keyStore.read('openai') ?? '';
    this.anthropic.key = keyStore.read('anthropic') ?? '';
    this.remember = Boolean(this.openai.key || this.anthropic.key);
    // Base URL, model and the chosen provider survive a reload (keys only when the user asks).
    $effect.root(() => {
      $effect(() => providerMemory.write(this.remembered()));
    });
  }

  /** What is written to this device for the next visit: never a key. */
  private remembered(): RememberedProviders {
    return {
      kind: this.kind === 'replay' || !this.chosen ? undefined : this.kind, // a replay file is not kept
      openai: { baseUrl: this.openai.baseUrl, model: this.openai.model },
      anthropic: { baseUrl: this.anthropic.baseUrl, model: this.anthropic.model },
    };
  }

  /** Picks the in-browser model when WebGPU works, unless the user already chose a provider. */
  async probe(): Promise<void> {
    const usable = await webLlm.probe();
    if (usable && !this.chosen) this.kind = 'webllm';
  }

  setKind(kind: ProviderKind): void {
    this.kind = kind;
    this.chosen = true;
    this.test = null;
  }

  /** Fills base URL and model from a known service or local server. */
  applyPreset(id: string): void {
    const preset = getPreset(id);
    if (!preset) {
      this.remote.baseUrl = ''; // "Other": the user types the server's URL
      return;
    }
    Object.assign(this.remote, { baseUrl: preset.baseUrl, model: preset.model });
  }

  /** Stores or forgets the keys on this device, following the checkbox. */
  saveKeys(): void {
    for (const kind of ['openai', 'anthropic'] as const) {
      if (this.remember && this[kind].key) keyStore.write(kind, this[kind].key);
      else keyStore.forget(kind);
    }
  }

  /** Reads a run file for the replay provider; a malformed one gets a message saying why. */
  async loadReplay(file: File): Promise<void> {
    this.replayError = null;
    try {
      const result = importRunFile(await file.text());
      if (!result.ok) throw new Error(result.error);
      this.replayRecord = result.record;
      this.replayName = file.name;
    } catch (e) {
      this.replayRecord = null;
      this.replayError = `${file.name} is not a run file this app can replay: ${(e as Error).message}. Export a run from this app (or the cwm command) and choose that file.`;
    }
  }

  /**
   * Whether the remote provider answers at its base URL: null when it does (or the provider is
   * in-browser or a replay, which need no network), else the short "Cannot reach …" message.
   */
  async unreachable(signal?: AbortSignal): Promise<string | null> {
    if (this.kind !== 'openai' && this.kind !== 'anthropic') return null;
    const error = await checkReachable(this.remoteSettings(), undefined, signal);
    return error ? error.message : null;
  }

  private remoteSettings(): ProviderSettings {
    const settings = { kind: this.kind, baseUrl: this.remote.baseUrl.trim(), apiKey: this.remote.key.trim() || undefined, model: this.remote.model.trim(), supportsTopK: this.preset?.supportsTopK };
    if (!/^https?:\/\/[^/]/.test(settings.baseUrl))
      throw new Error(`The base URL "${settings.baseUrl}" is not a web address. Enter one starting with http:// or https://, e.g. ${this.presetsOfKind[0]?.baseUrl}.`);
    return settings;
  }

  /**
   * The model client for a run, with retries unless `retry` is false (the connection test wants
   * one quick answer); throws a message saying what to set when something is missing.
   */
  createClient(retry = true): LlmClient {
    if (this.kind === 'webllm') return webLlm.client();
    if (this.kind === 'replay') {
      if (!this.replayRecord) throw new Error('Replay needs a run file: choose one under "Pick a model", or switch to another provider.');
      return createReplayClient(this.replayRecord); // never retried: a retry would skip a recorded answer
    }
    const client = createClient(this.remoteSettings(), this.needsKey);
    return retry ? withRetry(client) : client;
  }

  /** Sends a tiny prompt and reports, in words, whether the model answered. */
  async testConnection(): Promise<void> {
    this.test = { status: 'testing', message: `Checking that ${this.kind === 'webllm' || this.kind === 'replay' ? 'the model' : this.remote.baseUrl} answers…` };
    try {
      const down = await this.unreachable();
      if (down) throw new Error(down);
      this.test = { status: 'testing', message: 'Asking the model to say "ok"…' };
      const client = this.createClient(false);
      let text = '';
      const stream = client.complete([{ role: 'user', content: 'Reply with the single word: ok' }], { temperature: 0, topP: 1, maxTokens: 8, timeoutMs: 30_000 });
      for await (const chunk of stream) text += chunk;
      this.test = { status: 'ok', message: `Connected: ${client.info.model} answered “${text.trim().slice(0, 40)}”.` };
    } catch (e) {
      this.test = { status: 'failed', message: (e as Error).message };
    }
  }
}

/** The one model choice of the page, shared by every environment. */
export const model = new ModelState();
