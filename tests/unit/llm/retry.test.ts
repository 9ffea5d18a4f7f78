import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiClient, LlmError, PAPER_SAMPLING, retryDelay, withRetry, type RetryOptions } from '../../../src/core/llm';
import { startFakeOpenAi, type FakeServer } from '../../support/fake-openai';
import { collect, MESSAGES } from './collect';

let fake: FakeServer;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(() => fake.close());

/** A retrying client whose waits are recorded instead of slept. */
function retrying(options: RetryOptions = {}) {
  const delays: number[] = [];
  const client = withRetry(createOpenAiClient({ baseUrl: fake.url, model: 'm' }), { baseDelayMs: 1000, maxDelayMs: 8000, sleep: async (ms) => void delays.push(ms), ...options });
  return { client, delays };
}

describe('withRetry over HTTP', () => {
  it('honours Retry-After in seconds', async () => {
    fake.push({ type: 'status', status: 429, headers: { 'retry-after': '3' } }, { type: 'stream', text: 'ok' });
    const { client, delays } = retrying();
    const result = await collect(client, MESSAGES, PAPER_SAMPLING);
    expect(result.text).toBe('ok');
    expect(delays).toEqual([3000]);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1].body).toEqual(fake.requests[0].body);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const inAbout = new Date(Date.now() + 60_000).toUTCString();
    fake.push({ type: 'status', status: 503, headers: { 'retry-after': inAbout } }, { type: 'stream', text: 'ok' });
    const { client, delays } = retrying();
    await collect(client, MESSAGES, PAPER_SAMPLING);
    expect(delays).toHaveLength(1);
    // HTTP dates have whole seconds: the wait is within the minute before the stated time.
    expect(delays[0]).toBeGreaterThan(58_000);
    expect(delays[0]).toBeLessThanOrEqual(60_000);
  });

  it('backs off exponentially on 500s, capped, and gives up after the retries with the last error', async () => {
    fake.push(...Array.from({ length: 5 }, () => ({ type: 'status' as const, status: 500 })));
    const { client, delays } = retrying({ retries: 4, maxDelayMs: 5000 });
    const result = await collect(client, MESSAGES, PAPER_SAMPLING);
    expect(delays).toEqual([1000, 2000, 4000, 5000]);
    expect(result.error?.kind).toBe('server');
    expect(fake.requests).toHaveLength(5);
  });

  it('recovers from 500 then success, telling onRetry', async () => {
    fake.push({ type: 'status', status: 500 }, { type: 'stream', text: 'second try' });
    const seen: string[] = [];
    const { client } = retrying({ onRetry: ({ attempt, delayMs, error }) => seen.push(`${attempt}:${delayMs}:${error.kind}`) });
    const result = await collect(client, MESSAGES, PAPER_SAMPLING);
    expect(result.text).toBe('second try');
    expect(seen).toEqual(['1:1000:server']);
  });

  it('retries a connection dropped before the first token, the caller seeing one clean answer', async () => {
    fake.push({ type: 'drop', text: 'lost', afterChunks: 0 }, { type: 'stream', text: 'clean', chunks: 2 });
    const { client, delays } = retrying();
    const result = await collect(client, MESSAGES, PAPER_SAMPLING);
    expect(result.chunks).toEqual(['cl', 'ean']);
    expect(delays).toEqual([1000]);
  });

  it('does not retry once tokens have reached the caller', async () => {
    fake.push({ type: 'drop', text: 'abcdef', chunks: 3, afterChunks: 1 }, { type: 'stream', text: 'unused' });
    const { client, delays } = retrying();
    const result = await collect(client, MESSAGES, PAPER_SAMPLING);
    expect(result.text).toBe('ab');
    expect(result.error?.kind).toBe('network');
    expect(delays).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('never retries auth, bad requests or malformed streams', async () => {
    fake.push({ type: 'status', status: 401 }, { type: 'status', status: 400 }, { type: 'malformed', text: 'ab', afterChunks: 0 });
    const { client, delays } = retrying();
    expect((await collect(client, MESSAGES, PAPER_SAMPLING)).error?.kind).toBe('auth');
    expect((await collect(client, MESSAGES, PAPER_SAMPLING)).error?.kind).toBe('bad-request');
    expect((await collect(client, MESSAGES, PAPER_SAMPLING)).error?.kind).toBe('bad-response');
    expect(delays).toEqual([]);
    expect(fake.requests).toHaveLength(3);
  });

  it('does not wait out a Retry-After beyond the limit', async () => {
    fake.push({ type: 'status', status: 429, headers: { 'retry-after': '86400' } });
    const { client, delays } = retrying({ maxRetryAfterMs: 60_000 });
    const result = await collect(client, MESSAGES, PAPER_SAMPLING);
    expect(result.error?.kind).toBe('rate-limit');
    expect(result.error?.retryAfterMs).toBe(86_400_000);
    expect(delays).toEqual([]);
  });

  it('aborts during the backoff wait without another request', async () => {
    fake.push({ type: 'status', status: 503 }, { type: 'stream', text: 'unused' });
    const controller = new AbortController();
    const client = withRetry(createOpenAiClient({ baseUrl: fake.url, model: 'm' }), { baseDelayMs: 60_000, onRetry: () => controller.abort() });
    const result = await collect(client, MESSAGES, PAPER_SAMPLING, controller.signal);
    expect(result.error?.kind).toBe('aborted');
    expect(fake.requests).toHaveLength(1);
  });

  it('bounds the whole call, waits included, by timeoutMs', async () => {
    fake.push({ type: 'status', status: 503 }, { type: 'stream', text: 'unused' });
    const client = withRetry(createOpenAiClient({ baseUrl: fake.url, model: 'm' }), { baseDelayMs: 60_000 });
    const result = await collect(client, MESSAGES, { ...PAPER_SAMPLING, timeoutMs: 100 });
    expect(result.error?.kind).toBe('timeout');
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].body.timeoutMs).toBeUndefined();
  });

  it('aborts mid-stream through the wrapper and closes the connection', async () => {
    fake.push({ type: 'stream', text: 'abcdefgh', chunks: 8, delayMs: 30 });
    const controller = new AbortController();
    const { client } = retrying();
    const result = await collect(client, MESSAGES, PAPER_SAMPLING, controller.signal, () => controller.abort());
    expect(result.error?.kind).toBe('aborted');
    await expect.poll(() => fake.requests[0].closedEarly).toBe(true);
  });

  it('releases the connection when the caller stops reading early', async () => {
    fake.push({ type: 'stream', text: 'abcdefgh', chunks: 8, delayMs: 30 });
    const { client } = retrying();
    for await (const chunk of client.complete(MESSAGES, PAPER_SAMPLING)) {
      expect(chunk).toBe('a');
      break;
    }
    await expect.poll(() => fake.requests[0].closedEarly).toBe(true);
  });
});

describe('retryDelay', () => {
  const server = new LlmError('server', 'x');
  it('doubles from the base delay up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5].map((a) => retryDelay(a, server, { baseDelayMs: 500, maxDelayMs: 6000 }))).toEqual([500, 1000, 2000, 4000, 6000, 6000]);
  });
  it('uses Retry-After as given, even when shorter than the backoff', () => {
    expect(retryDelay(3, new LlmError('rate-limit', 'x', 250), { baseDelayMs: 1000 })).toBe(250);
  });
});
