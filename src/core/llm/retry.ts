import { callScope } from './abort';
import { describe, isRetryable } from './errors';
import { LlmError, type ChatMessage, type CompletionOptions, type LlmClient, type Usage } from './types';

/** How `withRetry` waits and how often it tries again. */
export interface RetryOptions {
  /** Attempts after the first; default 3. */
  retries?: number;
  /** First backoff delay, doubled per attempt; default 1000 ms. */
  baseDelayMs?: number;
  /** Cap on the exponential backoff; default 30 000 ms. */
  maxDelayMs?: number;
  /** A Retry-After longer than this fails the call instead of waiting; default 120 000 ms. */
  maxRetryAfterMs?: number;
  /** Waits `ms`, rejecting when `signal` aborts; injectable so tests observe delays without waiting. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Told before each wait, e.g. to show "rate-limited, retrying in 4 s". */
  onRetry?: (info: { attempt: number; delayMs: number; error: LlmError }) => void;
}

/**
 * The wait before retry number `attempt + 1`: the server's Retry-After when it sent one,
 * otherwise `baseDelayMs · 2^attempt` capped at `maxDelayMs`. Undefined means "do not wait that
 * long": the Retry-After exceeds `maxRetryAfterMs` (a daily quota, say).
 */
export function retryDelay(attempt: number, error: LlmError, options: RetryOptions = {}): number | undefined {
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs > (options.maxRetryAfterMs ?? 120_000) ? undefined : error.retryAfterMs;
  }
  return Math.min(options.maxDelayMs ?? 30_000, (options.baseDelayMs ?? 1000) * 2 ** attempt);
}

/**
 * Wraps a client so that rate limits (429), server errors (5xx) and network failures are retried
 * with exponential backoff, honouring Retry-After. Never retried: auth, bad requests, aborts, a
 * timeout. `options.timeoutMs` bounds the whole call, waits included.
 *
 * Retries happen only before the first token reaches the caller. Once text has been yielded the
 * caller has shown or kept it, and a second attempt would sample a different completion that
 * cannot be spliced onto it; so a failure after the first token propagates, and the caller (the
 * search) records the failed call and may start a fresh one. Callers therefore only ever see the
 * text of one attempt.
 */
export function withRetry(client: LlmClient, options: RetryOptions = {}): LlmClient {
  const retries = options.retries ?? 3;
  const sleep = options.sleep ?? abortableSleep;

  async function* complete(messages: ChatMessage[], sampling: CompletionOptions, signal?: AbortSignal): AsyncGenerator<string, Usage | void, void> {
    const scope = callScope(signal, sampling.timeoutMs);
    // The deadline is ours, shared by all attempts; the inner client must not restart it.
    const inner: CompletionOptions = { ...sampling };
    delete inner.timeoutMs;
    try {
      for (let attempt = 0; ; attempt++) {
        let yielded = false;
        let finished = false;
        const stream = client.complete(messages, inner, scope.signal);
        try {
          for (;;) {
            const step = await stream.next();
            if (step.done) {
              finished = true;
              return step.value;
            }
            yielded = true;
            yield step.value;
          }
        } catch (thrown) {
          finished = true;
          const error = scope.explain(thrown, unexpected);
          if (yielded || !isRetryable(error) || attempt >= retries) throw error;
          const delayMs = retryDelay(attempt, error, options);
          if (delayMs === undefined) throw error;
          options.onRetry?.({ attempt: attempt + 1, delayMs, error });
          try {
            await sleep(delayMs, scope.signal);
          } catch (interrupted) {
            throw scope.explain(interrupted, unexpected);
          }
        } finally {
          // The caller stopped early: close the attempt so its connection is released.
          if (!finished) await stream.return(undefined).catch(() => undefined);
        }
      }
    } finally {
      scope.dispose();
    }
  }

  return { info: client.info, complete };
}

/** A thrown value that is not an LlmError is a bug in a client, not a transient failure. */
function unexpected(error: unknown): LlmError {
  return new LlmError('unavailable', `The model client failed unexpectedly (${describe(error)}). Please report this; try another provider meanwhile.`);
}

/** `setTimeout` as a promise that rejects as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
