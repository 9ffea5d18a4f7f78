import { describe, expect, it } from 'vitest';
import { checkReachable, errorFromNetwork, errorFromStatus, isRetryable, LlmError, parseRetryAfter, providerMessage } from '../../../src/core/llm';

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
  const refused = () => new TypeError('Failed to fetch');
  it('says "Cannot reach" in one line, with CORS advice only for a page calling a local server', () => {
    const ollama = errorFromNetwork(refused(), { ...context, provider: 'the OpenAI-compatible server', baseUrl: 'http://localhost:11434/v1' });
    expect(ollama.kind).toBe('network');
    expect(ollama.message).toBe(
      'Cannot reach the OpenAI-compatible server at http://localhost:11434/v1. Is the server running? If Ollama is running, it must allow calls from this page: start it with OLLAMA_ORIGINS=* (CORS).',
    );
    const lmStudio = errorFromNetwork(refused(), { ...context, baseUrl: 'http://127.0.0.1:1234/v1' });
    expect(lmStudio.message).toMatch(/LM Studio.*"Enable CORS"/);
    const other = errorFromNetwork(refused(), { ...context, baseUrl: 'http://192.168.1.5:8080/v1' });
    expect(other.message).toMatch(/OLLAMA_ORIGINS=\*.*Enable CORS.*llama-server/);
    expect(other.message.length).toBeLessThan(330);
  });

  it('gives connection advice for remote servers, and no CORS advice from the command line', () => {
    const remote = errorFromNetwork(Object.assign(new TypeError('fetch failed'), { cause: new Error('getaddrinfo ENOTFOUND') }), context);
    expect(remote.message).toBe('Cannot reach Groq at https://api.groq.com/openai/v1 (fetch failed: getaddrinfo ENOTFOUND). Check the base URL and the network connection.');
    const cli = errorFromNetwork(Object.assign(new TypeError('fetch failed'), { cause: new Error('connect ECONNREFUSED 127.0.0.1:11434') }), {
      ...context,
      baseUrl: 'http://localhost:11434/v1',
      crossOrigin: false,
    });
    expect(cli.message).toBe('Cannot reach Groq at http://localhost:11434/v1 (fetch failed: connect ECONNREFUSED 127.0.0.1:11434). Check that the server is running and the base URL (port, /v1).');
    expect(cli.message).not.toMatch(/CORS|OLLAMA/);
    expect(errorFromNetwork(refused(), { ...context, baseUrl: 'http://models.example.org/v1' }).message).toMatch(/https cannot call an http:\/\/ address/);
  });
});

describe('checkReachable', () => {
  const settings = { kind: 'openai', baseUrl: 'http://localhost:11434/v1/', model: 'm', apiKey: 'k' };
  it('takes any HTTP answer as reachable, asking GET …/models once with the key', async () => {
    const calls: Array<{ url: string; method: string; headers: Record<string, string> }> = [];
    const fetch = async (url: string, init: { method: string; headers: Record<string, string> }) => {
      calls.push({ url, method: init.method, headers: init.headers });
      return { ok: false, status: 401, headers: { get: () => null }, body: null, text: async () => 'no' };
    };
    expect(await checkReachable({ ...settings, fetch })).toBeNull();
    expect(calls).toEqual([{ url: 'http://localhost:11434/v1/models', method: 'GET', headers: { authorization: 'Bearer k' } }]);
    await checkReachable({ kind: 'anthropic', model: 'c', apiKey: 'a', fetch });
    expect(calls[1].url).toBe('https://api.anthropic.com/v1/models');
    expect(calls[1].headers['anthropic-dangerous-direct-browser-access']).toBe('true');
    // Without a base URL, the server the client would call: OpenAI's, not the page's own origin.
    await checkReachable({ kind: 'openai', model: 'gpt-4o-mini', apiKey: 'k', fetch });
    expect(calls[2].url).toBe('https://api.openai.com/v1/models');
  });

  it('reports a refused connection with one attempt and a hung one after the timeout', async () => {
    let attempts = 0;
    const refusedFetch = async () => {
      attempts++;
      throw new TypeError('Failed to fetch');
    };
    const down = await checkReachable({ ...settings, fetch: refusedFetch });
    expect(attempts).toBe(1);
    expect(down?.message).toMatch(/^Cannot reach the OpenAI-compatible server at http:\/\/localhost:11434\/v1\. Is the server running\?/);
    const hung = (_url: string, init: { signal?: AbortSignal }) => new Promise<never>((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const silent = await checkReachable({ ...settings, fetch: hung }, 20);
    expect(silent?.message).toBe('Cannot reach the OpenAI-compatible server at http://localhost:11434/v1: no answer within 0 s. Check that the server is running and the base URL.');
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
