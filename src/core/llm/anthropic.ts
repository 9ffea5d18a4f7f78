import { callScope } from './abort';
import { errorFromNetwork, malformedChunkError, truncatedStreamError, type ErrorContext } from './errors';
import { resolveFetch, type FetchLike } from './fetch-types';
import { isJsonResponse, joinUrl, postJson } from './http';
import { readSse } from './sse';
import { LlmError, type ChatMessage, type CompletionOptions, type LlmClient, type Usage } from './types';

/** The Messages API version header; the only stable version (docs.anthropic.com, "Versions"). */
export const ANTHROPIC_VERSION = '2023-06-01';

/** Settings of the Anthropic Messages API, called directly from the page. */
export interface AnthropicSettings {
  /** Default `https://api.anthropic.com`; a trailing `/v1` is accepted. */
  baseUrl?: string;
  apiKey: string;
  model: string;
  fetch?: FetchLike;
  /** Calls come from a web page (default), so a refused call may be CORS; false in Node. */
  crossOrigin?: boolean;
  /**
   * Which nucleus settings to send. Claude Sonnet 4.5 and later answer HTTP 400 "`temperature`
   * and `top_p` cannot both be specified for this model", so by default only temperature is sent
   * (top_p 0.8 is dropped, and the run's params say so); older models accept 'temperature+top_p'.
   */
  sampling?: 'temperature' | 'temperature+top_p';
  /** Send `top_k` too (accepted by the API, off by default for the same reason). */
  sendTopK?: boolean;
  /** Stream with named SSE events (default) or ask for one JSON answer. */
  stream?: boolean;
}

/** The default Messages API host. */
export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

/** The request body: system prompt apart from the turns, sampling stated explicitly. */
export function anthropicRequestBody(settings: AnthropicSettings, messages: ChatMessage[], options: CompletionOptions): Record<string, unknown> {
  const system = messages
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .join('\n\n');
  const body: Record<string, unknown> = {
    model: settings.model,
    max_tokens: options.maxTokens,
    messages: messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role, content: m.content })),
    stream: settings.stream ?? true,
    temperature: options.temperature,
  };
  if (system) body.system = system;
  if (settings.sampling === 'temperature+top_p') body.top_p = options.topP;
  if (settings.sendTopK && options.topK !== undefined) body.top_k = options.topK;
  return body;
}

interface AnthropicEvent {
  type?: string;
  message?: { usage?: { input_tokens?: number; output_tokens?: number } };
  delta?: { type?: string; text?: unknown; stop_reason?: string | null };
  usage?: { input_tokens?: number; output_tokens?: number };
  error?: { type?: string; message?: string };
  content?: { type?: string; text?: unknown }[];
  stop_reason?: string | null;
}

/**
 * An LlmClient for Anthropic's Messages API from the browser (the
 * `anthropic-dangerous-direct-browser-access` header opts in to CORS). Reads the named SSE events:
 * message_start (input tokens), content_block_delta text_delta (the text), message_delta (output
 * tokens, stop reason), message_stop (the end), ping (ignored) and error (mid-stream failure).
 */
export function createAnthropicClient(settings: AnthropicSettings): LlmClient {
  const fetch = resolveFetch(settings.fetch);
  const baseUrl = (settings.baseUrl ?? ANTHROPIC_BASE_URL).replace(/\/+$/, '');
  const url = joinUrl(baseUrl, baseUrl.endsWith('/v1') ? 'messages' : 'v1/messages');
  const context: ErrorContext = { provider: 'Anthropic', model: settings.model, baseUrl, crossOrigin: settings.crossOrigin };
  const headers = {
    accept: 'text/event-stream, application/json',
    'x-api-key': settings.apiKey,
    'anthropic-version': ANTHROPIC_VERSION,
    'anthropic-dangerous-direct-browser-access': 'true',
  };

  async function* complete(messages: ChatMessage[], options: CompletionOptions, signal?: AbortSignal): AsyncGenerator<string, Usage | void, void> {
    const scope = callScope(signal, options.timeoutMs);
    try {
      const response = await postJson(fetch, url, headers, anthropicRequestBody(settings, messages, options), scope.signal, context);
      if (isJsonResponse(response) || !response.body) {
        const whole = parseEvent(await response.text(), context);
        const text = (whole.content ?? []).map((b) => (b.type === 'text' && typeof b.text === 'string' ? b.text : '')).join('');
        if (text) yield text;
        return { promptTokens: whole.usage?.input_tokens, completionTokens: whole.usage?.output_tokens, finishReason: whole.stop_reason ?? undefined };
      }
      const usage: Usage = {};
      let stopped = false;
      for await (const event of readSse(response.body)) {
        const data = parseEvent(event.data, context);
        const type = data.type ?? event.event;
        if (type === 'message_start') {
          usage.promptTokens = data.message?.usage?.input_tokens;
        } else if (type === 'content_block_delta') {
          if (data.delta?.type === 'text_delta' && typeof data.delta.text === 'string' && data.delta.text) yield data.delta.text;
        } else if (type === 'message_delta') {
          if (typeof data.usage?.output_tokens === 'number') usage.completionTokens = data.usage.output_tokens;
          if (data.delta?.stop_reason) usage.finishReason = data.delta.stop_reason;
        } else if (type === 'message_stop') {
          stopped = true;
          break;
        } else if (type === 'error') {
          throw streamError(data, context);
        }
      }
      if (!stopped) throw truncatedStreamError(context);
      return usage;
    } catch (error) {
      throw scope.explain(error, (e) => errorFromNetwork(e, context));
    } finally {
      scope.dispose();
    }
  }

  return { info: { kind: 'anthropic', model: settings.model, baseUrl }, complete };
}

function parseEvent(data: string, context: ErrorContext): AnthropicEvent {
  try {
    const value = JSON.parse(data) as AnthropicEvent;
    if (value && typeof value === 'object') return value;
  } catch {
    // fall through
  }
  throw malformedChunkError(data, context);
}

/** An `error` event after the 200: overloaded/api errors are transient, the rest are not. */
function streamError(data: AnthropicEvent, context: ErrorContext): LlmError {
  const type = data.error?.type ?? 'error';
  const said = data.error?.message ?? type;
  if (type === 'overloaded_error' || type === 'api_error') {
    return new LlmError('server', `${context.provider} failed mid-answer (${type}: ${said}). The call can be retried; if it persists, try again later.`);
  }
  if (type === 'rate_limit_error') return new LlmError('rate-limit', `${context.provider} is rate-limiting requests (${said}). Wait and retry, or lower the request rate.`);
  if (type === 'authentication_error' || type === 'permission_error') return new LlmError('auth', `${context.provider} rejected the API key (${said}). Check the key in the provider settings.`);
  return new LlmError('bad-request', `${context.provider} refused the request (${type}: ${said}). Check the model name "${context.model}" and the sampling settings.`);
}
