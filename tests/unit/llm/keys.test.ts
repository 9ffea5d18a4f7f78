import { describe, expect, it } from 'vitest';
import { createOpenAiClient, createAnthropicClient } from '../../../src/core/llm';
import { createKeyStore, KEY_STORAGE_NAME, type StorageLike } from '../../../src/state/llm/keys';

function memoryStorage(): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

describe('key store', () => {
  it('keeps remembered keys under one clearly named entry and removes it when empty', () => {
    const storage = memoryStorage();
    const keys = createKeyStore(storage);
    keys.write('openai', 'sk-1');
    keys.write('anthropic', 'sk-ant-2');
    expect([...storage.map.keys()]).toEqual([KEY_STORAGE_NAME]);
    expect(JSON.parse(storage.map.get(KEY_STORAGE_NAME)!)).toEqual({ openai: 'sk-1', anthropic: 'sk-ant-2' });
    expect(keys.read('openai')).toBe('sk-1');
    keys.forget('openai');
    expect(keys.read('openai')).toBeUndefined();
    keys.forgetAll();
    expect(storage.map.size).toBe(0);
  });

  it('survives corrupt, blocked or missing storage', () => {
    const corrupt = memoryStorage();
    corrupt.map.set(KEY_STORAGE_NAME, '{not json');
    expect(createKeyStore(corrupt).read('openai')).toBeUndefined();
    const blocked: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(() => createKeyStore(blocked).write('openai', 'k')).not.toThrow();
    const none = createKeyStore(null);
    none.write('openai', 'k');
    expect(none.read('openai')).toBeUndefined();
  });

  it('never lets a key into the provider info that run records keep', () => {
    const infos = [createOpenAiClient({ baseUrl: 'http://localhost:1/v1', apiKey: 'sk-secret-1', model: 'm' }).info, createAnthropicClient({ apiKey: 'sk-secret-2', model: 'c' }).info];
    expect(JSON.stringify(infos)).not.toMatch(/secret/);
  });
});
