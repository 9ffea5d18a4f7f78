import { callScope } from './abort';
import { errorFromNetwork, malformedChunkError, truncatedStreamError, type ErrorContext } from './errors';
import { resolveFetch, type FetchLike } from './fetch-types';
import { isJsonResponse, joinUrl, postJson } from './http';
import { readSse } from './sse';
import { LlmError, type ChatMessage, type CompletionOptions, type LlmClient, type Usage } from './types';

/** Settings of an OpenAI-compatible chat-completions endpoint. */
export interface OpenAiSettings {
  /** Up to and including `/v1`, e.g. `http://localhost:11434/v1` for Ollama. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` when given; local servers need none. */
  apiKey?: string;
  model: string;
  fetch?: FetchLike;
  /** Calls come from a web page (default), so a refused call may be CORS; false in Node. */
  crossOrigin?: boolean;
  /** Extra request headers (OpenRouter's `HTTP-Referer` / `X-Title`, for example). */
  extraHeaders?: Record<string, string>;
  /** Send `top_k` (OpenAI itself rejects it; vLLM, llama.cpp, OpenRouter, Together accept it). */
  supportsTopK?: boolean;
  /** Stream with SSE (default) or ask for one JSON answer. */
  stream?: boolean;
  /** Ask for token usage in the last chunk (`stream_options.include_usage`); default true. */
  includeUsage?: boolean;
  /** OpenAI's reasoning models want `max_completion_tokens`; everyone else `max_tokens`. */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
  /** Shown in error messages; default "the OpenAI-compatible server". */
  label?: string;
}

interface Chunk {
  choices?: { delta?: { content?: unknown }; message?: { content?: unknown }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: unknown;
}

/** The request body: every sampling setting stated explicitly, never left to server defaults. */
export function openAiRequestBody(settings: OpenAiSettings, messages: ChatMessage[], options: CompletionOptions): Record<string, unknown> {
  const stream = settings.stream ?? true;
  const body: Record<string, unknown> = {
    model: settings.model,
    messages: messages.map((m) => ({ role: m.role, content: m.content })),
    stream,
    temperature: options.temperature,
    top_p: options.topP,
    [settings.maxTokensField ?? 'max_tokens']: options.maxTokens,
  };
  if (stream && (settings.includeUsage ?? true)) body.stream_options = { include_usage: true };
  if (options.seed !== undefined) body.seed = options.seed;
  if (settings.supportsTopK && options.topK !== undefined) body.top_k = options.topK;
  return body;
}

/**
 * An LlmClient for any OpenAI-compatible Chat Completions endpoint (OpenAI, OpenRouter, Groq,
 * Together, DeepSeek, Ollama, LM Studio, llama.cpp, vLLM). Streams `data:` chunks until `[DONE]`.
 * A chunk that is not JSON fails the call with 'bad-response' rather than being skipped: a skipped
 * chunk would silently drop tokens from the program. A stream that ends with neither `[DONE]` nor
 * a finish reason fails with 'network' (a dropped connection), which callers may retry.
 */
export function createOpenAiClient(settings: OpenAiSettings): LlmClient {
  const fetch = resolveFetch(settings.fetch);
  const context: ErrorContext = { provider: settings.label ?? 'the OpenAI-compatible server', model: settings.model, baseUrl: settings.baseUrl, crossOrigin: settings.crossOrigin };
  const headers: Record<string, string> = { accept: 'text/event-stream, application/json', ...settings.extraHeaders };
  if (settings.apiKey) headers.authorization = `Bearer ${settings.apiKey}`;
  const url = joinUrl(settings.baseUrl, 'chat/completions');

  async function* complete(messages: ChatMessage[], options: CompletionOptions, signal?: AbortSignal): AsyncGenerator<string, Usage | void, void> {
    const scope = callScope(signal, options.timeoutMs);
    try {
      const response = await postJson(fetch, url, headers, openAiRequestBody(settings, messages, options), scope.signal, context);
      if (isJsonResponse(response) || !response.body) {
        const whole = parseChunk(await response.text(), context);
        const text = whole.choices?.[0]?.message?.content;
        if (typeof text !== 'string') throw new LlmError('bad-response', `${context.provider} answered without a message. Check that the base URL is an OpenAI-compatible /v1 endpoint.`);
        if (text) yield text;
        return usageOf(whole, whole.choices?.[0]?.finish_reason);
      }
      let usage: Usage | undefined;
      let finish: string | undefined;
      let done = false;
      for await (const event of readSse(response.body)) {
        if (event.data === '[DONE]') {
          done = true;
          break;
        }
        const chunk = parseChunk(event.data, context);
        const choice = chunk.choices?.[0];
        const delta = choice?.delta?.content;
        if (typeof delta === 'string' && delta) yield delta;
        if (choice?.finish_reason) finish = choice.finish_reason;
        if (chunk.usage) usage = usageOf(chunk, finish);
      }
      if (!done && !finish) throw truncatedStreamError(context);
      return usage ? { ...usage, finishReason: finish } : finish ? { finishReason: finish } : undefined;
    } catch (error) {
      throw scope.explain(error, (e) => errorFromNetwork(e, context));
    } finally {
      scope.dispose();
    }
  }

  return { info: { kind: 'openai', model: settings.model, baseUrl: settings.baseUrl }, complete };
}

function parseChunk(data: string, context: ErrorContext): Chunk {
  let chunk: Chunk;
  try {
    chunk = JSON.parse(data) as Chunk;
  } catch {
    throw malformedChunkError(data, context);
  }
  if (chunk === null || typeof chunk !== 'object') throw malformedChunkError(data, context);
  // OpenRouter and vLLM report failures that happen after the 200 as an `error` chunk.
  if (chunk.error) {
    const e = chunk.error as { message?: unknown; code?: unknown };
    const said = typeof e === 'string' ? e : typeof e.message === 'string' ? e.message : JSON.stringify(e);
    throw new LlmError(
      'server',
      `${context.provider} failed mid-answer: ${said}. The call can be retried; if it persists, pick another model.`,
      undefined,
      typeof e.code === 'number' ? e.code : undefined,
    );
  }
  return chunk;
}

function usageOf(chunk: Chunk, finish: string | null | undefined): Usage {
  const usage: Usage = {};
  if (typeof chunk.usage?.prompt_tokens === 'number') usage.promptTokens = chunk.usage.prompt_tokens;
  if (typeof chunk.usage?.completion_tokens === 'number') usage.completionTokens = chunk.usage.completion_tokens;
  if (finish) usage.finishReason = finish;
  return usage;
}
