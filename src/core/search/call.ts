import type { ChatMessage, CompletionOptions, LlmClient, Usage } from '../llm/types';
import type { CallRecord, CallKind } from '../run/types';
import type { SearchEvent } from './types';

/**
 * Runs one model call, streaming `tokens` events, and fills `call` in place (completion, ms,
 * tokens) so a failure mid-stream still leaves what arrived. Throws what the client throws.
 */
export async function streamCall(llm: LlmClient, call: CallRecord, sampling: CompletionOptions, emit: (event: SearchEvent) => void, signal?: AbortSignal): Promise<void> {
  const started = Date.now();
  let chunks = 0;
  try {
    const stream = llm.complete(call.messages, sampling, signal);
    let usage: Usage | void = undefined;
    for (;;) {
      const next = await stream.next();
      if (next.done) {
        usage = next.value;
        break;
      }
      chunks++;
      call.completion += next.value;
      emit({ type: 'tokens', callId: call.id, chunk: next.value, text: call.completion });
    }
    // Why chunks as a fallback: streaming providers send about one token per chunk.
    call.tokens = usage?.completionTokens ?? chunks;
  } finally {
    call.ms = Date.now() - started;
    if (!call.tokens) call.tokens = chunks;
  }
}

/** A new call record for a prompt. */
export function newCall(id: number, kind: CallKind, messages: ChatMessage[]): CallRecord {
  return { id, kind, messages: messages.map((m) => ({ ...m })), completion: '', ms: 0, tokens: 0 };
}

/** A plain copy of a call record. */
export function copyCall(call: CallRecord): CallRecord {
  return { ...call, messages: call.messages.map((m) => ({ ...m })) };
}

/** The message of anything thrown, for records and events. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
