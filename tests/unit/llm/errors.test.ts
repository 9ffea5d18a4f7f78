import { describe, expect, it } from 'vitest';
import { errorFromNetwork, errorFromStatus, isRetryable, LlmError, parseRetryAfter, providerMessage } from '../../../src/core/llm';

const context = { provider: 'Groq', model: 'llama-x', baseUrl: 'https://api.groq.com/openai/v1' };

describe('parseRetryAfter', () => {
  const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1500);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0);
  });
  it('ignores absent or unreadable values', () => {
    expect([parseRetryAfter(null, now), parseRetryAfter('', now), parseRetryAfter('soon', now), parseRetryAfter('-5', now)]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('errorFromStatus', () => {
  it('maps each status to a kind and an instruction', () => {
    const cases: [number, string, string, RegExp][] = [
      [401, '{"error":{"message":"Invalid API Key"}}', 'auth', /Invalid API Key.*Check the API key/],
      [402, '{"error":{"message":"Insufficient credits"}}', 'auth', /credit or billing/],
      [403, '', 'auth', /Check the API key/],
      [404, '{"error":"model \\"x\\" not found, try pulling it first"}', 'bad-request', /try pulling it first.*Check the model name "llama-x"/],
      [429, '{"error":{"message":"You exceeded your current quota","code":"insufficient_quota"}}', 'auth', /billing/],
      [429, '{"error":{"message":"Rate limit reached"}}', 'rate-limit', /retried with backoff/],
      [500, '<html><body>Bad Gateway</body></html>', 'server', /HTTP 500: <html><body>Bad Gateway/],
      [529, '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}', 'server', /Overloaded/],
      [422, '{"detail":"unprocessable"}', 'bad-request', /unprocessable.*sampling settings/],
    ];
    for (const [status, body, kind, message] of cases) {
      const error = errorFromStatus(status, body, null, context);
      expect([status, error.kind, error.status]).toEqual([status, kind, status]);
      expect(error.message).toMatch(message);
    }
  });
  it('carries Retry-After on rate limits and server errors', () => {
    expect(errorFromStatus(429, '', '4', context).retryAfterMs).toBe(4000);
    expect(errorFromStatus(503, '', '2', context).retryAfterMs).toBe(2000);
    expect(errorFromStatus(429, '', '4', context).message).toMatch(/after 4 s/);
  });
});

describe('errorFromNetwork', () => {
  it('gives CORS instructions for local servers, connection advice for remote ones', () => {
    const local = errorFromNetwork(new TypeError('Failed to fetch'), { ...context, baseUrl: 'http://localhost:11434/v1' });
    expect(local.kind).toBe('network');
    expect(local.message).toMatch(/Failed to fetch.*OLLAMA_ORIGINS=\*.*Enable CORS.*llama-server/);
    const remote = errorFromNetwork(Object.assign(new TypeError('fetch failed'), { cause: new Error('getaddrinfo ENOTFOUND') }), context);
    expect(remote.message).toMatch(/fetch failed: getaddrinfo ENOTFOUND.*Check the base URL/);
    expect(remote.message).not.toMatch(/OLLAMA/);
  });
});

describe('isRetryable and providerMessage', () => {
  it('retries only transient kinds', () => {
    const kinds = ['auth', 'rate-limit', 'server', 'network', 'timeout', 'aborted', 'bad-response', 'bad-request', 'unavailable'] as const;
    expect(kinds.filter((k) => isRetryable(new LlmError(k, '')))).toEqual(['rate-limit', 'server', 'network']);
    expect(isRetryable(new Error('x'))).toBe(false);
  });
  it('finds the message in each provider shape', () => {
    expect(providerMessage('{"error":{"message":"a"}}')).toBe('a');
    expect(providerMessage('{"type":"error","error":{"type":"t","message":"b"}}')).toBe('b');
    expect(providerMessage('{"error":"c"}')).toBe('c');
    expect(providerMessage('{"message":"d"}')).toBe('d');
    expect(providerMessage('  ')).toBeUndefined();
  });
});
