import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiClient, PAPER_SAMPLING } from '../../../src/core/llm';
import { startFakeOpenAi, type FakeServer } from '../../support/fake-openai';
import { collect, MESSAGES } from './collect';

let fake: FakeServer;
beforeEach(async () => {
  fake = await startFakeOpenAi({ apiKey: 'sk-test' });
});
afterEach(() => fake.close());

const client = (extra: Partial<Parameters<typeof createOpenAiClient>[0]> = {}) => createOpenAiClient({ baseUrl: fake.url, apiKey: 'sk-test', model: 'fake-coder', ...extra });

const PROGRAM = 'function step(s, a) {\n  return { ...s, x: s.x + 1 }; // ✓ π\n}\n';

describe('OpenAI-compatible client over HTTP', () => {
  it('streams the text in the server chunks and returns usage from the final chunk', async () => {
    fake.push({ type: 'stream', text: PROGRAM, chunks: 5 });
    const result = await collect(client(), MESSAGES, { ...PAPER_SAMPLING, seed: 7 });
    expect(result.error).toBeUndefined();
    expect(result.text).toBe(PROGRAM);
    expect(result.chunks).toHaveLength(5);
    expect(result.usage).toEqual({ promptTokens: 11, completionTokens: 5, finishReason: 'stop' });
  });

  it('states every sampling setting explicitly, top_k only when supported, and makes exactly one request', async () => {
    fake.push({ type: 'stream', text: 'a' }, { type: 'stream', text: 'b' });
    await collect(client(), MESSAGES, { ...PAPER_SAMPLING, seed: 3 });
    await collect(client({ supportsTopK: true }), MESSAGES, PAPER_SAMPLING);
    expect(fake.requests).toHaveLength(2);
    const [first, second] = fake.requests;
    expect(first.path).toBe('/v1/chat/completions');
    expect(first.headers.authorization).toBe('Bearer sk-test');
    expect(first.body).toEqual({
      model: 'fake-coder',
      messages: MESSAGES,
      stream: true,
      stream_options: { include_usage: true },
      temperature: 1,
      top_p: 0.8,
      max_tokens: 1500,
      seed: 3,
    });
    expect(second.body.top_k).toBe(100);
    expect(second.body.seed).toBeUndefined();
  });

  it('tolerates CRLF line ends, ":" keep-alive comments and frames split across byte-sized writes', async () => {
    fake.push({ type: 'stream', text: PROGRAM, chunks: 7, crlf: true, comments: true, writeBytes: 5 });
    const result = await collect(client(), MESSAGES, PAPER_SAMPLING);
    expect(result.error).toBeUndefined();
    expect(result.text).toBe(PROGRAM);
  });

  it('reads a non-streamed answer, asked for or not', async () => {
    fake.push({ type: 'json', text: PROGRAM, usage: { prompt: 20, completion: 30 } }, { type: 'json', text: 'x' });
    const asked = await collect(client({ stream: false }), MESSAGES, PAPER_SAMPLING);
    expect(asked.text).toBe(PROGRAM);
    expect(asked.usage).toEqual({ promptTokens: 20, completionTokens: 30, finishReason: 'stop' });
    expect(fake.requests[0].body.stream).toBe(false);
    expect(fake.requests[0].body.stream_options).toBeUndefined();
    const ignored = await collect(client(), MESSAGES, PAPER_SAMPLING);
    expect(ignored.text).toBe('x');
  });

  it('reports a truncated answer (finish_reason length)', async () => {
    fake.push({ type: 'stream', text: 'function step(', finish: 'length' });
    const result = await collect(client({ includeUsage: false }), MESSAGES, PAPER_SAMPLING);
    expect(result.usage).toEqual({ finishReason: 'length' });
    expect(fake.requests[0].body.stream_options).toBeUndefined();
  });

  it('fails a malformed chunk with bad-response after the good text', async () => {
    fake.push({ type: 'malformed', text: 'abcdef', chunks: 3, afterChunks: 1 });
    const result = await collect(client(), MESSAGES, PAPER_SAMPLING);
    expect(result.text).toBe('ab');
    expect(result.error?.kind).toBe('bad-response');
    expect(result.error?.message).toMatch(/not valid JSON.*base URL/);
  });

  it('fails a dropped connection with a retryable network error', async () => {
    fake.push({ type: 'drop', text: 'abcdef', chunks: 3, afterChunks: 2 });
    const result = await collect(client(), MESSAGES, PAPER_SAMPLING);
    expect(result.text).toBe('abcd');
    expect(result.error?.kind).toBe('network');
  });

  it('fails a stream that ends cleanly without [DONE] or a finish reason', async () => {
    fake.push({ type: 'raw', body: 'data: {"choices":[{"delta":{"content":"par"}}]}\n\n' });
    const result = await collect(client(), MESSAGES, PAPER_SAMPLING);
    expect(result.text).toBe('par');
    expect(result.error?.kind).toBe('network');
    expect(result.error?.message).toMatch(/closed before the model finished/);
  });

  it('surfaces an error chunk sent after the 200 (OpenRouter style)', async () => {
    fake.push({ type: 'raw', body: 'data: {"choices":[{"delta":{"content":"a"}}]}\n\ndata: {"error":{"message":"upstream overloaded","code":502}}\n\n' });
    const result = await collect(client(), MESSAGES, PAPER_SAMPLING);
    expect(result.error?.kind).toBe('server');
    expect(result.error?.message).toContain('upstream overloaded');
  });

  it('maps HTTP errors to kinds with advice', async () => {
    fake.push(
      { type: 'status', status: 429, headers: { 'retry-after': '7' }, message: 'Rate limit reached' },
      { type: 'status', status: 404, message: 'model "nope" not found' },
      { type: 'status', status: 503 },
      { type: 'status', status: 400, message: 'top_k is not supported' },
    );
    const rate = await collect(client(), MESSAGES, PAPER_SAMPLING);
    expect([rate.error?.kind, rate.error?.status, rate.error?.retryAfterMs]).toEqual(['rate-limit', 429, 7000]);
    const missing = await collect(client(), MESSAGES, PAPER_SAMPLING);
    expect(missing.error?.kind).toBe('bad-request');
    expect(missing.error?.message).toMatch(/Check the model name "fake-coder"/);
    expect(missing.error?.message).toContain('model "nope" not found');
    const down = await collect(client(), MESSAGES, PAPER_SAMPLING);
    expect([down.error?.kind, down.error?.status]).toEqual(['server', 503]);
    const bad = await collect(client(), MESSAGES, PAPER_SAMPLING);
    expect(bad.error?.kind).toBe('bad-request');
    expect(bad.error?.message).toContain('top_k is not supported');
  });

  it('reports a wrong key as auth, telling the user to check it', async () => {
    const result = await collect(client({ apiKey: 'sk-wrong' }), MESSAGES, PAPER_SAMPLING);
    expect(result.error?.kind).toBe('auth');
    expect(result.error?.message).toMatch(/Check the API key/);
  });

  it('aborts mid-stream: the caller gets aborted and the server sees the connection close', async () => {
    fake.push({ type: 'stream', text: 'abcdefghij', chunks: 10, delayMs: 30 });
    const controller = new AbortController();
    const result = await collect(client(), MESSAGES, PAPER_SAMPLING, controller.signal, () => controller.abort());
    expect(result.chunks).toEqual(['a']);
    expect(result.error?.kind).toBe('aborted');
    await expect.poll(() => fake.requests[0].closedEarly).toBe(true);
  });

  it('never sends a request when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await collect(client(), MESSAGES, PAPER_SAMPLING, controller.signal);
    expect(result.error?.kind).toBe('aborted');
    expect(fake.requests).toHaveLength(0);
  });

  it('times out a hanging server with a timeout error', async () => {
    fake.push({ type: 'hang' });
    const result = await collect(client(), MESSAGES, { ...PAPER_SAMPLING, timeoutMs: 50 });
    expect(result.error?.kind).toBe('timeout');
    expect(result.error?.message).toMatch(/Raise the per-call timeout/);
  });

  it('explains an unreachable local server with CORS advice', async () => {
    const closed = await startFakeOpenAi();
    const url = closed.url.replace('127.0.0.1', 'localhost');
    await closed.close();
    const result = await collect(createOpenAiClient({ baseUrl: url, model: 'm' }), MESSAGES, PAPER_SAMPLING);
    expect(result.error?.kind).toBe('network');
    expect(result.error?.message).toMatch(/OLLAMA_ORIGINS=\*/);
    expect(result.error?.message).toMatch(/Enable CORS/);
  });
});
