import { LlmError } from './types';

/** One call's cancellation: the caller's signal and an optional timeout merged into one signal. */
export interface CallScope {
  readonly signal: AbortSignal;
  /** True once the timeout, not the caller, aborted the call. */
  timedOut(): boolean;
  /** The LlmError that explains an abort ('timeout' or 'aborted'), or `error` unchanged. */
  explain(error: unknown, fallback: (error: unknown) => LlmError): LlmError;
  /** Clears the timer and listeners; call in `finally`. */
  dispose(): void;
}

/** Links `outer` and a `timeoutMs` timer into one signal for one model call. */
export function callScope(outer?: AbortSignal, timeoutMs?: number): CallScope {
  const controller = new AbortController();
  let expired = false;
  const onAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener('abort', onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (timeoutMs !== undefined && timeoutMs > 0 && !controller.signal.aborted) {
    timer = setTimeout(() => {
      expired = true;
      controller.abort('timeout');
    }, timeoutMs);
  }
  return {
    signal: controller.signal,
    timedOut: () => expired,
    explain(error, fallback) {
      // An abort surfaces as whatever the transport throws (AbortError, "terminated", a reader
      // error); the signal says what really happened, so it wins over the error's own kind.
      if (controller.signal.aborted) return expired ? timeoutError(timeoutMs ?? 0) : abortedError();
      return error instanceof LlmError ? error : fallback(error);
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}

/** The error for a call cancelled by its caller. */
export function abortedError(): LlmError {
  return new LlmError('aborted', 'The model call was cancelled.');
}

/** The error for a call that outlived its time limit. */
export function timeoutError(timeoutMs: number): LlmError {
  return new LlmError('timeout', `The model did not finish within ${Math.round(timeoutMs / 1000)} s. Raise the per-call timeout, lower max tokens, or pick a faster model.`);
}
