import type { RunRecord } from '../run/types';
import { LlmError, type ChatMessage, type CompletionOptions, type LlmClient, type Usage } from './types';

/** How strictly a replay checks that the search asks what it asked the first time. */
export interface ReplayOptions {
  /** Fail when a prompt differs from the recorded one (default true): the replay has diverged. */
  verifyMessages?: boolean;
  /** Start at this recorded call, e.g. to continue a run; default 0. */
  startAt?: number;
}

/** A replay client also tells how far it got, so a caller can continue with a live model. */
export interface ReplayClient extends LlmClient {
  /** Index of the next recorded call to answer. */
  readonly position: number;
  /** Recorded calls not yet answered. */
  readonly remaining: number;
}

/**
 * An LlmClient that answers the i-th call with the i-th recorded completion of `record`, so a run
 * rebuilds the same tree with no model (the search's RNG is seeded from the record too). A call
 * that failed in the original run fails again ('unavailable', never retried), so the search takes
 * the same path. Never wrap it in `withRetry`: a retry would consume the next recorded answer.
 */
export function createReplayClient(record: Pick<RunRecord, 'calls' | 'provider'>, options: ReplayOptions = {}): ReplayClient {
  const calls = record.calls;
  let position = options.startAt ?? 0;
  const verify = options.verifyMessages ?? true;

  async function* complete(messages: ChatMessage[], _options: CompletionOptions, signal?: AbortSignal): AsyncGenerator<string, Usage | void, void> {
    if (signal?.aborted) throw new LlmError('aborted', 'The model call was cancelled.');
    const index = position;
    const call = calls[index];
    if (!call) {
      throw new LlmError('unavailable', `The recorded run has ${calls.length} model calls and call ${index + 1} was requested. Continue the run with a live provider to go further.`);
    }
    if (verify) {
      const difference = firstDifference(call.messages, messages);
      if (difference) {
        throw new LlmError(
          'bad-request',
          `Replay diverged at call ${index + 1} (${call.kind}): ${difference}. The record was made by another version of the prompts or a different dataset; replay it without verification, or re-run it with a live model.`,
        );
      }
    }
    position++;
    if (call.error) throw new LlmError('unavailable', `Recorded failure of call ${index + 1}: ${call.error}`);
    if (call.completion) yield call.completion;
    return { completionTokens: call.tokens };
  }

  return {
    info: { ...record.provider, kind: 'replay' },
    complete,
    get position() {
      return position;
    },
    get remaining() {
      return Math.max(0, calls.length - position);
    },
  };
}

/** Describes the first way two prompts differ, or returns undefined when they are equal. */
function firstDifference(recorded: ChatMessage[], asked: ChatMessage[]): string | undefined {
  if (recorded.length !== asked.length) return `the recorded prompt has ${recorded.length} messages, the new one ${asked.length}`;
  for (let i = 0; i < recorded.length; i++) {
    const a = recorded[i];
    const b = asked[i];
    if (a.role !== b.role) return `message ${i + 1} was from "${a.role}", now from "${b.role}"`;
    if (a.content !== b.content) {
      let at = 0;
      while (at < a.content.length && a.content[at] === b.content[at]) at++;
      return `message ${i + 1} (${a.role}) differs from character ${at + 1}: recorded ${JSON.stringify(a.content.slice(at, at + 40))}, now ${JSON.stringify(b.content.slice(at, at + 40))}`;
    }
  }
  return undefined;
}
