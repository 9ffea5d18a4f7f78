import { LlmError, type LlmClient, type ChatMessage, type CompletionOptions, type Usage } from '../../../src/core/llm';

/** The chunks a call yields, its return value (usage) or the LlmError it threw. */
export interface Collected {
  chunks: string[];
  text: string;
  usage?: Usage | void;
  error?: LlmError;
}

/** Runs one call to the end and keeps everything it produced. Non-LlmErrors fail the test. */
export async function collect(client: LlmClient, messages: ChatMessage[], options: CompletionOptions, signal?: AbortSignal, onChunk?: (chunk: string) => void): Promise<Collected> {
  const chunks: string[] = [];
  const stream = client.complete(messages, options, signal);
  try {
    for (;;) {
      const step = await stream.next();
      if (step.done) return { chunks, text: chunks.join(''), usage: step.value };
      chunks.push(step.value);
      onChunk?.(step.value);
    }
  } catch (error) {
    if (!(error instanceof LlmError)) throw error;
    return { chunks, text: chunks.join(''), error };
  }
}

export const MESSAGES: ChatMessage[] = [
  { role: 'system', content: 'You write JavaScript.' },
  { role: 'user', content: 'Write step(state, action) for CartPole. Ünïcödé ✓' },
];
