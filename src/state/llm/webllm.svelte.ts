import type { LlmClient } from '../../core/llm';
import { defaultModelFor, getWebLlmModel, modelsFor, type WebLlmModel } from './models';
import { describeProgress, type DownloadProgress } from './progress';
import { probeWebGpu, type WebGpuStatus } from './webgpu';
import { deleteCachedModel, hasCachedModel, WebLlmRuntime } from './webllm';
import { webLlmError } from './webllm-errors';

/**
 * The in-browser model as the page shows it: the WebGPU probe, the models this GPU can run,
 * the chosen one, its download, which models are cached, and errors in words. The work is done
 * by `WebLlmRuntime`; this class only holds what the UI reads.
 */
export class WebLlmState {
  gpu = $state.raw<WebGpuStatus | null>(null);
  /** The chosen model id (loaded or not). */
  modelId = $state('');
  /** The model the runtime has loaded, or null. */
  loadedId = $state<string | null>(null);
  progress = $state.raw<DownloadProgress | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  /** Model id → whether its weights are in the browser cache (filled by `refreshCache`). */
  cached = $state<Record<string, boolean>>({});

  models: WebLlmModel[] = $derived(modelsFor(this.gpu));
  progressText = $derived(this.progress ? describeProgress(this.progress) : '');

  constructor(private readonly runtime = new WebLlmRuntime()) {}

  /** Probes WebGPU once; true when some in-browser model can run. Picks a default model. */
  async probe(): Promise<boolean> {
    this.gpu ??= await probeWebGpu();
    if (!this.modelId || !this.models.some((m) => m.id === this.modelId)) this.modelId = this.gpu.usable ? defaultModelFor(this.gpu) : '';
    return this.gpu.usable;
  }

  /** Downloads (unless cached) and loads the chosen model onto the GPU. */
  async load(modelId = this.modelId): Promise<void> {
    this.modelId = modelId;
    this.error = null;
    this.loading = true;
    this.progress = null;
    try {
      await this.runtime.load(modelId, (p) => (this.progress = p));
      this.loadedId = modelId;
      this.cached = { ...this.cached, [modelId]: true };
    } catch (error) {
      this.loadedId = this.runtime.modelId;
      const e = webLlmError(error, getWebLlmModel(modelId)?.label ?? modelId);
      if (e.kind !== 'aborted') this.error = e.message;
    } finally {
      this.loading = false;
    }
  }

  /** Stops a download, or interrupts the generation in progress. */
  cancel(): void {
    if (this.loading) this.runtime.cancelLoad();
    else this.runtime.interrupt();
  }

  /** Frees the GPU memory. */
  async unload(): Promise<void> {
    await this.runtime.unload();
    this.loadedId = null;
  }

  /** Checks which curated models have cached weights. */
  async refreshCache(): Promise<void> {
    const entries = await Promise.all(this.models.map(async (m) => [m.id, await hasCachedModel(m.id).catch(() => false)] as const));
    this.cached = Object.fromEntries(entries);
  }

  /** Deletes a model's cached weights (unloading it first if it is the loaded one). */
  async deleteCached(modelId: string): Promise<void> {
    this.error = null;
    try {
      if (this.loadedId === modelId) await this.unload();
      await deleteCachedModel(modelId);
      this.cached = { ...this.cached, [modelId]: false };
    } catch (error) {
      this.error = `Could not delete the cached ${modelId}: ${webLlmError(error, modelId).message}`;
    }
  }

  /** The loaded model as an LlmClient; throws a message saying to load one first. */
  client(): LlmClient {
    return this.runtime.client();
  }
}

/** The page's one in-browser model. */
export const webLlm = new WebLlmState();
