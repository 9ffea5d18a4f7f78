import { describe, expect, it } from 'vitest';
import type { EvalResult } from '../../../src/core/cwm/types';
import type { ChatMessage, LlmClient } from '../../../src/core/llm/types';
import { CRASH_BUG, guardInFlight, type InFlight, type InFlightStore } from '../../../src/core/run/index';

function memoryStore(initial: InFlight | null = null): InFlightStore & { value: InFlight | null; writes: number } {
  const s = {
    value: initial,
    writes: 0,
    read: () => s.value,
    write: (v: InFlight) => {
      s.value = v;
      s.writes++;
    },
    clear: () => {
      s.value = null;
    },
  };
  return s;
}

function scriptedLlm(answers: string[]): LlmClient & { calls: number } {
  const llm = {
    info: { kind: 'scripted', model: 'test' },
    calls: 0,
    async *complete() {
      const text = answers[llm.calls++];
      yield text.slice(0, 3);
      yield text.slice(3);
      return { finishReason: 'stop' };
    },
  };
  return llm;
}

const result = (score: number): EvalResult => ({ score, accuracy: score, correct: 0, total: 5, bug: null, firstFailure: null, breakdown: { state: score, reward: score, done: score }, solved: false });
const ask: ChatMessage[] = [{ role: 'user', content: 'write the world' }];

async function call(llm: LlmClient, messages = ask): Promise<string> {
  let text = '';
  for await (const chunk of llm.complete(messages, { temperature: 1, topP: 1, maxTokens: 10 })) text += chunk;
  return text;
}

describe('the in-flight candidate', () => {
  it('is written before scoring and cleared after, with the call that wrote it', async () => {
    const store = memoryStore();
    let seen: InFlight | null = null;
    const guard = guardInFlight(scriptedLlm(['program A']), async () => ((seen = store.value), result(0.5)), 5, store);
    const completion = await call(guard.llm);
    expect(await guard.evaluate('A')).toEqual(result(0.5));
    expect(seen).toEqual({ messages: ask, completion, program: 'A' });
    expect(store.value).toBeNull();
  });

  it('is cleared when scoring fails or is cancelled', async () => {
    const store = memoryStore();
    const guard = guardInFlight(
      scriptedLlm(['x']),
      async () => {
        throw new Error('aborted');
      },
      5,
      store,
    );
    await expect(guard.evaluate('A')).rejects.toThrow('aborted');
    expect(store.value).toBeNull();
  });

  it('after a crash, answers the same call from the store and records the program as a bug without running it', async () => {
    const store = memoryStore({ messages: ask, completion: 'program A', program: 'A' });
    const llm = scriptedLlm(['a different answer']);
    let ran = 0;
    const guard = guardInFlight(llm, async () => (ran++, result(1)), 5, store);
    expect(await call(guard.llm)).toBe('program A');
    expect(llm.calls).toBe(0);
    const crashed = await guard.evaluate('A');
    expect(crashed).toMatchObject({ score: 0, total: 5, bug: CRASH_BUG });
    expect(ran).toBe(0);
    expect(store.value).toBeNull();
    // The next candidate runs as usual.
    expect(await call(guard.llm, [{ role: 'user', content: 'next' }])).toBe('a different answer');
    expect((await guard.evaluate('B')).score).toBe(1);
    expect(ran).toBe(1);
  });

  it('asks the model as usual when the resumed run asks something else', async () => {
    const store = memoryStore({ messages: [{ role: 'user', content: 'old question' }], completion: 'old', program: 'OLD' });
    const llm = scriptedLlm(['fresh answer']);
    const guard = guardInFlight(llm, async () => result(0.2), 5, store);
    expect(await call(guard.llm)).toBe('fresh answer');
    expect((await guard.evaluate('fresh')).score).toBe(0.2);
  });
});
