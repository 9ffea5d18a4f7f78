import { buggyResult } from '../cwm/metric';
import type { EvalResult } from '../cwm/types';
import type { ChatMessage, LlmClient } from '../llm/types';

/** The candidate being scored right now, with the call that wrote it: saved before it runs. */
export interface InFlight {
  messages: ChatMessage[];
  completion: string;
  program: string;
}

/** Where the in-flight candidate is kept: storage that outlives a crashed page. */
export interface InFlightStore {
  read(): InFlight | null;
  write(value: InFlight): void;
  clear(): void;
}

/** The bug a candidate gets when the page died while it was being scored. */
export const CRASH_BUG =
  'crashed the evaluator: the page stopped (out of memory or killed) while scoring this program, so it was not run again; do not allocate unbounded arrays or objects, and keep step() small and fast';

const sameMessages = (a: ChatMessage[], b: ChatMessage[]) => a.length === b.length && a.every((m, i) => m.role === b[i].role && m.content === b[i].content);

/**
 * Wraps a run's model and evaluator so that a candidate that takes the page down cannot do it
 * twice. Before a candidate is scored it is written to `store` with the call that produced it;
 * after scoring it is cleared. When a run resumes with a candidate still in the store, its call
 * is answered from the store (no model call) and the candidate, instead of running again, gets
 * the bug `CRASH_BUG`.
 */
export function guardInFlight(
  llm: LlmClient,
  evaluate: (program: string, signal?: AbortSignal) => Promise<EvalResult>,
  total: number,
  store: InFlightStore,
): { llm: LlmClient; evaluate: (program: string, signal?: AbortSignal) => Promise<EvalResult> } {
  let crashed: InFlight | null | undefined;
  let last: { messages: ChatMessage[]; completion: string } | null = null;
  const pending = () => (crashed === undefined ? (crashed = store.read()) : crashed);
  const guarded: LlmClient = {
    info: llm.info,
    async *complete(messages, options, signal) {
      const lost = pending();
      if (lost && sameMessages(messages, lost.messages)) {
        last = { messages, completion: lost.completion };
        yield lost.completion;
        return;
      }
      let completion = '';
      const stream = llm.complete(messages, options, signal);
      for (;;) {
        const next = await stream.next();
        if (next.done) {
          last = { messages, completion };
          return next.value;
        }
        completion += next.value;
        yield next.value;
      }
    },
  };
  return {
    llm: guarded,
    async evaluate(program, signal) {
      const lost = pending();
      if (lost && program === lost.program) {
        crashed = null;
        store.clear();
        return buggyResult(total, CRASH_BUG);
      }
      store.write({ messages: last?.messages ?? [], completion: last?.completion ?? '', program });
      try {
        return await evaluate(program, signal);
      } finally {
        store.clear(); // reached unless the page itself died, which is what the store is for
      }
    },
  };
}
