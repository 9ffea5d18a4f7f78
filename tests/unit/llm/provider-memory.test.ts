import { describe, expect, it } from 'vitest';
import { createProviderMemory, PROVIDER_STORAGE_NAME } from '../../../src/state/llm/provider-memory';

function fakeStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
}

describe('provider memory', () => {
  it('round-trips base URL, model and kind per provider, and never stores a key', () => {
    const storage = fakeStorage();
    const memory = createProviderMemory(storage);
    const settings = {
      kind: 'anthropic' as const,
      openai: { baseUrl: 'http://localhost:11434/v1', model: 'qwen2.5-coder:7b' },
      anthropic: { baseUrl: 'https://api.anthropic.com', model: 'claude-x' },
    };
    memory.write({ ...settings, openai: { ...settings.openai, key: 'sk-secret' } as never });
    expect(createProviderMemory(storage).read()).toEqual(settings);
    expect(storage.map.get(PROVIDER_STORAGE_NAME)).toContain('qwen2.5-coder:7b');
    expect(storage.map.get(PROVIDER_STORAGE_NAME)).not.toContain('sk-secret');
  });

  it('reads a hand-edited or foreign entry as defaults, field by field', () => {
    const read = (text: string) => createProviderMemory(fakeStorage({ [PROVIDER_STORAGE_NAME]: text })).read();
    expect(read('not json')).toEqual({});
    expect(read('null')).toEqual({ kind: undefined, openai: undefined, anthropic: undefined });
    expect(read('{"kind":"gpt","openai":{"baseUrl":3,"model":"m"},"anthropic":{"baseUrl":"u","model":"m"}}')).toEqual({ kind: undefined, openai: undefined, anthropic: { baseUrl: 'u', model: 'm' } });
    expect(createProviderMemory(null).read()).toEqual({ kind: undefined, openai: undefined, anthropic: undefined });
  });
});
