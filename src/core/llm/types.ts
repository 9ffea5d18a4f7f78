/** One chat message, as every provider takes it. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Sampling settings sent explicitly with every request (the paper's defaults). */
export interface CompletionOptions {
  temperature: number;
  topP: number;
  /** Only where the provider supports it. */
  topK?: number;
  maxTokens: number;
  seed?: number;
  /** Per-call timeout in milliseconds. */
  timeoutMs?: number;
}

/** The paper's sampling defaults: temperature 1.0, top_p 0.8, top_k 100, 1500 new tokens. */
export const PAPER_SAMPLING: CompletionOptions = { temperature: 1, topP: 0.8, topK: 100, maxTokens: 1500 };

/** Token counts reported by a provider, when it reports them. */
export interface Usage {
  promptTokens?: number;
  completionTokens?: number;
  /** Why the model stopped, as the provider says it ('stop', 'length', 'end_turn', 'max_tokens'…). */
  finishReason?: string;
}

/**
 * A language model: `complete` streams the completion as text chunks. The iterator's return
 * value carries usage where the provider reports it. Errors are `LlmError`s.
 */
export interface LlmClient {
  /** Describes the provider for the run record; never includes a key. */
  readonly info: { kind: string; model: string; baseUrl?: string };
  complete(messages: ChatMessage[], options: CompletionOptions, signal?: AbortSignal): AsyncGenerator<string, Usage | void, void>;
}

/** Why a call failed, so callers can decide to retry, ask for a key, or give up. */
export type LlmErrorKind = 'auth' | 'rate-limit' | 'server' | 'network' | 'timeout' | 'aborted' | 'bad-response' | 'bad-request' | 'unavailable';

/** A failed model call with a message that says what to do next. */
export class LlmError extends Error {
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly retryAfterMs?: number,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'LlmError';
  }
}
