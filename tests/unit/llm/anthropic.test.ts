import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicClient, PAPER_SAMPLING, withRetry } from '../../../src/core/llm';
import { startFakeAnthropic, type FakeServer } from '../../support/fake-anthropic';
import { collect, MESSAGES } from './collect';

let fake: FakeServer;
beforeEach(async () => {
  fake = await startFakeAnthropic({ apiKey: 'sk-ant-test' });
});
afterEach(() => fake.close());

const client = (extra: Partial<Parameters<typeof createAnthropicClient>[0]> = {}) => createAnthropicClient({ baseUrl: fake.url, apiKey: 'sk-ant-test', model: 'claude-fake', ...extra });

describe('Anthropic client over HTTP', () => {
  it('streams text_delta events and reads usage from message_start and message_delta', async () => {
    fake.push({ type: 'stream', text: 'const x = 1; // ✓', chunks: 4, usage: { prompt: 42, completion: 9 } });
    const result = await collect(client(), MESSAGES, PAPER_SAMPLING);
    expect(result.error).toBeUndefined();
    expect(result.chunks).toHaveLength(4);
    expect(result.text).toBe('const x = 1; // ✓');
    expect(result.usage).toEqual({ promptTokens: 42, completionTokens: 9, finishReason: 'end_turn' });
  });

  it('sends the browser-access and version headers, the key, and the system prompt apart', async () => {
    fake.push({ type: 'stream', text: 'a' });
    await collect(client(), MESSAGES, PAPER_SAMPLING);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request.path).toBe('/v1/messages');
    expect(request.headers['anthropic-version']).toBe('2023-06-01');
    expect(request.headers['anthropic-dangerous-direct-browser-access']).toBe('true');
    expect(request.headers['x-api-key']).toBe('sk-ant-test');
    expect(request.headers.authorization).toBeUndefined();
    // Only temperature: Claude 4.5 models reject temperature and top_p together.
    expect(request.body).toEqual({
      model: 'claude-fake',
      max_tokens: 1500,
      system: 'You write JavaScript.',
      messages: [MESSAGES[1]],
      stream: true,
      temperature: 1,
    });
  });

  it('sends top_p and top_k when asked to, for models that take both', async () => {
    fake.push({ type: 'stream', text: 'a' });
    await collect(client({ sampling: 'temperature+top_p', sendTopK: true }), MESSAGES, PAPER_SAMPLING);
    expect(fake.requests[0].body).toMatchObject({ temperature: 1, top_p: 0.8, top_k: 100 });
  });

  it('accepts a base URL ending in /v1', async () => {
    fake.push({ type: 'stream', text: 'ok' });
    const result = await collect(client({ baseUrl: `${fake.url}/v1/` }), MESSAGES, PAPER_SAMPLING);
    expect(result.text).toBe('ok');
    expect(fake.requests[0].path).toBe('/v1/messages');
  });

  it('reads a non-streamed answer', async () => {
    fake.push({ type: 'json', text: 'whole', usage: { prompt: 3, completion: 4 } });
    const result = await collect(client({ stream: false }), MESSAGES, PAPER_SAMPLING);
    expect(result.text).toBe('whole');
    expect(result.usage).toEqual({ promptTokens: 3, completionTokens: 4, finishReason: 'end_turn' });
  });

  it('turns a mid-stream error event into an LlmError of the right kind', async () => {
    const body = [
      'event: message_start\ndata: {"type":"message_start","message":{"usage":{"input_tokens":5}}}\n\n',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"par"}}\n\n',
      'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n',
    ].join('');
    fake.push({ type: 'raw', body });
    const result = await collect(client(), MESSAGES, PAPER_SAMPLING);
    expect(result.text).toBe('par');
    expect(result.error?.kind).toBe('server');
    expect(result.error?.message).toContain('Overloaded');
  });

  it('ignores thinking deltas and pings; requires message_stop', async () => {
    fake.push({ type: 'stream', text: 'abc', omitDone: true });
    const cut = await collect(client(), MESSAGES, PAPER_SAMPLING);
    expect(cut.text).toBe('abc');
    expect(cut.error?.kind).toBe('network');
    const body = [
      'event: ping\ndata: {"type":"ping"}\n\n',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"hmm"}}\n\n',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"yes"}}\n\n',
      'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    ].join('');
    fake.push({ type: 'raw', body });
    const result = await collect(client(), MESSAGES, PAPER_SAMPLING);
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('yes');
  });

  it('maps a wrong key to auth and does not retry it', async () => {
    const retried = withRetry(client({ apiKey: 'wrong' }), { sleep: async () => undefined });
    const result = await collect(retried, MESSAGES, PAPER_SAMPLING);
    expect(result.error?.kind).toBe('auth');
    expect(result.error?.message).toMatch(/Check the API key/);
    expect(fake.requests).toHaveLength(1);
  });

  it('retries 529 overloaded, then streams the answer', async () => {
    fake.push({ type: 'status', status: 529, message: 'Overloaded' }, { type: 'stream', text: 'fine' });
    const delays: number[] = [];
    const result = await collect(withRetry(client(), { baseDelayMs: 250, sleep: async (ms) => void delays.push(ms) }), MESSAGES, PAPER_SAMPLING);
    expect(result.text).toBe('fine');
    expect(delays).toEqual([250]);
  });

  it('fails a malformed event with bad-response', async () => {
    fake.push({ type: 'malformed', text: 'abcd', chunks: 2, afterChunks: 1 });
    const result = await collect(client(), MESSAGES, PAPER_SAMPLING);
    expect(result.text).toBe('ab');
    expect(result.error?.kind).toBe('bad-response');
  });

  it('aborts mid-stream and closes the connection', async () => {
    fake.push({ type: 'stream', text: 'abcdefgh', chunks: 8, delayMs: 30 });
    const controller = new AbortController();
    const result = await collect(client(), MESSAGES, PAPER_SAMPLING, controller.signal, (chunk) => chunk === 'b' && controller.abort());
    expect(result.chunks).toEqual(['a', 'b']);
    expect(result.error?.kind).toBe('aborted');
    await expect.poll(() => fake.requests[0].closedEarly).toBe(true);
  });
});
