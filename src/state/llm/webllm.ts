import { abortedError, callScope, LlmError, type ChatMessage, type CompletionOptions, type LlmClient, type Usage } from '../../core/llm';
import { parseProgress, type DownloadProgress } from './progress';
import { webLlmError } from './webllm-errors';

/** The slice of WebLLM's engine this wrapper drives (a `WebWorkerMLCEngine`, or a fake in tests). */
export interface EngineLike {
  chat: { completions: { create(request: Record<string, unknown>): Promise<AsyncIterable<EngineChunk>> } };
  interruptGenerate(): void;
  unload(): Promise<void>;
}

/** One streamed chunk, in WebLLM's OpenAI-shaped format. */
export interface EngineChunk {
  choices: { delta?: { content?: string | null }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
}

/** Starts an engine for one model, reporting progress; the default one loads WebLLM lazily. */
export type EngineLoader = (modelId: string, onProgress: (report: { progress: number; timeElapsed: number; text: string }) => void) => Promise<{ engine: EngineLike; dispose(): void }>;

/**
 * Loads WebLLM only when a model is first loaded: a static import would put ~2 MB (gzip) into
 * the main chunk. The engine runs in its own module worker (src/workers/webllm.worker.ts).
 */
export const loadWebLlmEngine: EngineLoader = async (modelId, onProgress) => {
  const webllm = await import('@mlc-ai/web-llm');
  const worker = new Worker(new URL('../../workers/webllm.worker.ts', import.meta.url), { type: 'module' });
  try {
    const engine = await webllm.CreateWebWorkerMLCEngine(worker, modelId, { initProgressCallback: onProgress });
    return { engine: engine as unknown as EngineLike, dispose: () => worker.terminate() };
  } catch (error) {
    worker.terminate();
    throw error;
  }
};

/** WebLLM's Cache Storage bucket for weights (web-llm cache_util: "webllm/model"). */
const WEIGHTS_CACHE = 'webllm/model';

/**
 * Whether WebLLM has this model's weights in the browser cache. When no WebLLM cache exists at
 * all (a first visit), answers without importing WebLLM, so showing the model list stays cheap.
 */
export async function hasCachedModel(modelId: string): Promise<boolean> {
  const anyCached = (await globalThis.caches?.has(WEIGHTS_CACHE).catch(() => true)) ?? true;
  if (!anyCached) return false;
  const webllm = await import('@mlc-ai/web-llm');
  return webllm.hasModelInCache(modelId);
}

/** Deletes this model's weights, config and wasm from the browser cache. */
export async function deleteCachedModel(modelId: string): Promise<void> {
  const webllm = await import('@mlc-ai/web-llm');
  await webllm.deleteModelAllInfoInCache(modelId);
}

/**
 * One in-browser model at a time: load (with progress and cancel), answer calls as an LlmClient,
 * interrupt, unload. Plain TS so that it runs in unit tests with a fake engine.
 */
export class WebLlmRuntime {
  private current: { modelId: string; engine: EngineLike; dispose(): void } | null = null;
  private loading: { cancel(): void } | null = null;

  constructor(private readonly loader: EngineLoader = loadWebLlmEngine) {}

  /** The loaded model's id, or null. */
  get modelId(): string | null {
    return this.current?.modelId ?? null;
  }

  /**
   * Loads `modelId` (downloading it unless cached), replacing any loaded model. Cancelling via
   * `signal` stops waiting at once and tears the half-loaded engine down.
   */
  async load(modelId: string, onProgress: (progress: DownloadProgress) => void, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortedError();
    this.loading?.cancel();
    await this.unload();
    if (signal?.aborted) throw abortedError();
    let cancelled = false;
    let cancel = () => undefined as void;
    const started = this.loader(modelId, (report) => cancelled || onProgress(parseProgress(report)));
    const aborted = new Promise<never>((_, reject) => {
      cancel = () => {
        cancelled = true;
        reject(abortedError());
      };
    });
    aborted.catch(() => undefined); // settled only by a cancel, which the race below reports
    this.loading = { cancel };
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      const loaded = await Promise.race([started, aborted]);
      this.current = { modelId, ...loaded };
    } catch (error) {
      // A cancelled load may still finish later: dispose of it then.
      if (cancelled)
        started.then(
          (late) => late.dispose(),
          () => undefined,
        );
      throw webLlmError(error, modelId);
    } finally {
      signal?.removeEventListener('abort', cancel);
      this.loading = null;
    }
  }

  /** Stops a load in progress. */
  cancelLoad(): void {
    this.loading?.cancel();
  }

  /** Interrupts the generation in progress; its call ends with what was generated so far. */
  interrupt(): void {
    this.current?.engine.interruptGenerate();
  }

  /** Frees the GPU memory and the worker. */
  async unload(): Promise<void> {
    const current = this.current;
    this.current = null;
    if (!current) return;
    await current.engine.unload().catch(() => undefined);
    current.dispose();
  }

  /** The loaded model as an LlmClient; throws 'unavailable' when none is loaded. */
  client(): LlmClient {
    const loaded = this.current;
    if (!loaded) throw new LlmError('unavailable', 'No in-browser model is loaded yet: pick one under "Pick a model" and press Load (or choose an API provider).');
    const runtime = this;
    // A function expression, not a declaration: hoisting would lose the narrowing of `loaded`.
    const complete = async function* (messages: ChatMessage[], options: CompletionOptions, signal?: AbortSignal): AsyncGenerator<string, Usage | void, void> {
      if (runtime.current !== loaded) throw new LlmError('unavailable', `${loaded.modelId} was unloaded. Load it again to continue.`);
      const scope = callScope(signal, options.timeoutMs);
      // WebLLM cannot abort a request; interrupting the engine ends the stream early instead.
      const interrupt = () => loaded.engine.interruptGenerate();
      scope.signal.addEventListener('abort', interrupt, { once: true });
      try {
        if (scope.signal.aborted) throw abortedError();
        const request: Record<string, unknown> = {
          messages: messages.map((m) => ({ role: m.role, content: m.content })),
          stream: true,
          stream_options: { include_usage: true },
          temperature: options.temperature,
          top_p: options.topP,
          max_tokens: options.maxTokens,
        };
        // WebLLM's request has no top_k (it keeps the model's own); seed is supported.
        if (options.seed !== undefined) request.seed = options.seed;
        const usage: Usage = {};
        for await (const chunk of await loaded.engine.chat.completions.create(request)) {
          if (scope.signal.aborted) break;
          const choice = chunk.choices[0];
          const text = choice?.delta?.content;
          if (text) yield text;
          if (choice?.finish_reason) usage.finishReason = choice.finish_reason;
          if (chunk.usage) {
            usage.promptTokens = chunk.usage.prompt_tokens;
            usage.completionTokens = chunk.usage.completion_tokens;
          }
        }
        if (scope.signal.aborted) throw abortedError();
        return usage;
      } catch (error) {
        throw scope.explain(error, (e) => webLlmError(e, loaded.modelId));
      } finally {
        scope.signal.removeEventListener('abort', interrupt);
        scope.dispose();
      }
    };
    return { info: { kind: 'webllm', model: loaded.modelId }, complete };
  }
}
