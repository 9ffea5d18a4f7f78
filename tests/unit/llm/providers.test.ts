import { afterEach, describe, expect, it } from 'vitest';
import { createClient, getPreset, listProviders, LlmError, PAPER_SAMPLING, presets } from '../../../src/core/llm';
import { startFakeOpenAi, type FakeServer } from '../../support/fake-openai';
import { collect, MESSAGES } from './collect';

let fake: FakeServer | undefined;
afterEach(() => fake?.close());

describe('provider registry', () => {
  it('registers the OpenAI-compatible and Anthropic providers', () => {
    expect(listProviders().map((p) => [p.kind, p.needsKey])).toEqual([
      ['openai', false],
      ['anthropic', true],
    ]);
  });

  it('has a preset for every service and local server, with their base URLs', () => {
    expect(presets.map((p) => p.id)).toEqual(['openai', 'anthropic', 'openrouter', 'groq', 'together', 'deepseek', 'ollama', 'lm-studio', 'llama-cpp', 'vllm']);
    expect(getPreset('ollama')).toMatchObject({ baseUrl: 'http://localhost:11434/v1', needsKey: false, local: true, supportsTopK: false });
    expect(getPreset('openai')).toMatchObject({ supportsTopK: false, needsKey: true });
    for (const p of presets) expect(p.local).toBe(!p.needsKey);
  });

  it('refuses missing keys, models and unknown kinds before any request', () => {
    const attempt = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof LlmError ? [e.kind, e.message] : ['other', String(e)];
      }
      return ['none', ''];
    };
    expect(attempt(() => createClient({ kind: 'anthropic', model: 'claude' }))).toEqual(['auth', expect.stringMatching(/needs an API key/)]);
    expect(attempt(() => createClient({ kind: 'openai', model: 'gpt', baseUrl: 'https://api.openai.com/v1' }, true))).toEqual(['auth', expect.stringMatching(/needs an API key/)]);
    expect(attempt(() => createClient({ kind: 'openai', model: ' ' }))).toEqual(['bad-request', expect.stringMatching(/No model name.*gpt-4o-mini/)]);
    expect(attempt(() => createClient({ kind: 'gemini', model: 'g' }))).toEqual(['bad-request', expect.stringMatching(/Unknown provider "gemini".*openai, anthropic/)]);
  });

  it('builds a working client from settings, passing top_k per the preset', async () => {
    fake = await startFakeOpenAi({ script: [{ type: 'stream', text: 'hi' }] });
    const client = createClient({ kind: 'openai', baseUrl: fake.url, model: 'local', supportsTopK: true });
    expect(client.info).toEqual({ kind: 'openai', model: 'local', baseUrl: fake.url });
    expect((await collect(client, MESSAGES, PAPER_SAMPLING)).text).toBe('hi');
    expect(fake.requests[0].body.top_k).toBe(100);
    expect(fake.requests[0].headers.authorization).toBeUndefined();
  });
});
