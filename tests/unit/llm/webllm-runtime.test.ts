import { describe, expect, it } from 'vitest';
import { LlmError, PAPER_SAMPLING } from '../../../src/core/llm';
import { describeProgress, parseProgress } from '../../../src/state/llm/progress';
import { WebLlmRuntime, type EngineChunk, type EngineLike, type EngineLoader } from '../../../src/state/llm/webllm';
import { webLlmError } from '../../../src/state/llm/webllm-errors';
import { collect, MESSAGES } from './collect';

/** A fake WebLLM engine streaming `pieces`, recording requests and interrupts. */
function fakeEngine(pieces: string[]) {
  const requests: Record<string, unknown>[] = [];
  let interrupted = 0;
  let unloaded = 0;
  const engine: EngineLike = {
    chat: {
      completions: {
        create: async (request) => {
          requests.push(request);
          return (async function* (): AsyncGenerator<EngineChunk> {
            for (const piece of pieces) {
              if (interrupted) break;
              await new Promise((r) => setTimeout(r, 1));
              yield { choices: [{ delta: { content: piece }, finish_reason: null }] };
            }
            yield { choices: [{ delta: {}, finish_reason: interrupted ? 'abort' : 'stop' }] };
            yield { choices: [], usage: { prompt_tokens: 9, completion_tokens: pieces.length } };
          })();
        },
      },
    },
    interruptGenerate: () => void interrupted++,
    unload: async () => void unloaded++,
  };
  return { engine, requests, stats: () => ({ interrupted, unloaded }) };
}

const REPORTS = [
  { progress: 0, timeElapsed: 0, text: 'Start to fetch params' },
  { progress: 0.25, timeElapsed: 10, text: 'Fetching param cache[5/20]: 400MB fetched. 25% completed, 10 secs elapsed. It can take a while…' },
];

describe('WebLlmRuntime', () => {
  it('loads with parsed progress and streams a completion with explicit sampling', async () => {
    const fake = fakeEngine(['func', 'tion']);
    const loader: EngineLoader = async (_id, onProgress) => {
      REPORTS.forEach(onProgress);
      return { engine: fake.engine, dispose: () => undefined };
    };
    const runtime = new WebLlmRuntime(loader);
    expect(() => runtime.client()).toThrow(/No in-browser model is loaded yet/);
    const seen: string[] = [];
    await runtime.load('Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC', (p) => seen.push(describeProgress(p)));
    expect(seen).toEqual(['Start to fetch params', 'Downloading 400 MB of 1.6 GB, about 30 s left']);
    const client = runtime.client();
    expect(client.info).toEqual({ kind: 'webllm', model: 'Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC' });
    const result = await collect(client, MESSAGES, { ...PAPER_SAMPLING, seed: 5 });
    expect(result).toEqual({ chunks: ['func', 'tion'], text: 'function', usage: { finishReason: 'stop', promptTokens: 9, completionTokens: 2 } });
    expect(fake.requests[0]).toEqual({ messages: MESSAGES, stream: true, stream_options: { include_usage: true }, temperature: 1, top_p: 0.8, max_tokens: 1500, seed: 5 });
  });

  it('interrupts the engine when the caller aborts', async () => {
    const fake = fakeEngine(['a', 'b', 'c', 'd']);
    const runtime = new WebLlmRuntime(async () => ({ engine: fake.engine, dispose: () => undefined }));
    await runtime.load('m', () => undefined);
    const controller = new AbortController();
    const result = await collect(runtime.client(), MESSAGES, PAPER_SAMPLING, controller.signal, () => controller.abort());
    expect(result.chunks).toEqual(['a']);
    expect(result.error?.kind).toBe('aborted');
    expect(fake.stats().interrupted).toBe(1);
  });

  it('cancels a download at once and disposes the engine that arrives late', async () => {
    let finish: (() => void) | undefined;
    let disposed = 0;
    const fake = fakeEngine([]);
    const runtime = new WebLlmRuntime(() => new Promise((resolve) => (finish = () => resolve({ engine: fake.engine, dispose: () => void disposed++ }))));
    const controller = new AbortController();
    const loading = runtime.load('m', () => undefined, controller.signal);
    await expect.poll(() => finish).toBeDefined();
    controller.abort();
    await expect(loading).rejects.toMatchObject({ kind: 'aborted' });
    expect(runtime.modelId).toBeNull();
    expect(disposed).toBe(0);
    finish!();
    await expect.poll(() => disposed).toBe(1);
  });

  it('normalises a string failure from the worker', async () => {
    const runtime = new WebLlmRuntime(async () => {
      throw 'Device was lost. This can happen due to insufficient memory';
    });
    await expect(runtime.load('Phi-3.5-mini-instruct-q4f32_1-MLC', () => undefined)).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/ran out of memory.*Pick a smaller model/),
    });
  });

  it('unloads the previous model when another is loaded', async () => {
    const first = fakeEngine([]);
    const engines = [first.engine, fakeEngine([]).engine];
    const runtime = new WebLlmRuntime(async () => ({ engine: engines.shift()!, dispose: () => undefined }));
    await runtime.load('one', () => undefined);
    const stale = runtime.client();
    await runtime.load('two', () => undefined);
    expect(first.stats().unloaded).toBe(1);
    expect((await collect(stale, MESSAGES, PAPER_SAMPLING)).error?.message).toMatch(/one was unloaded/);
  });
});

describe('webLlmError', () => {
  it('maps WebLLM failures to kinds with advice', () => {
    const cases: [unknown, string, RegExp][] = [
      ['Failed to fetch', 'network', /Downloading m failed.*stay cached/],
      [new Error('QuotaExceededError: The quota has been exceeded.'), 'unavailable', /Delete cached models/],
      ['This model requires feature shader-f16, which is not enabled', 'unavailable', /Pick a q4f32 model/],
      [Object.assign(new Error('Cannot find model record in appConfig for x'), { name: 'ModelNotFoundError' }), 'bad-request', /Pick one of the listed models/],
      ['WebGPU is not supported in your current environment', 'unavailable', /Chrome or Edge 113\+/],
      ['something else', 'unavailable', /something else.*Load it again/],
    ];
    for (const [input, kind, message] of cases) {
      const error = webLlmError(input, 'm');
      expect(error).toBeInstanceOf(LlmError);
      expect([error.kind, error.message]).toEqual([kind, expect.stringMatching(message)]);
    }
  });
});

describe('parseProgress', () => {
  it('reads bytes, total and ETA from the fetch and load lines', () => {
    expect(parseProgress(REPORTS[1])).toEqual({ phase: 'fetching', fraction: 0.25, bytes: 400 * 1024 * 1024, totalBytes: 1600 * 1024 * 1024, etaSeconds: 30, text: REPORTS[1].text });
    expect(parseProgress({ progress: 1, timeElapsed: 3, text: 'Loading model from cache[20/20]: 1600MB loaded. 100% completed, 3 secs elapsed.' })).toMatchObject({
      phase: 'loading',
      fraction: 1,
      etaSeconds: 0,
    });
    expect(parseProgress({ progress: Number.NaN, timeElapsed: 0, text: 'Loading GPU shader modules[3/40]' })).toEqual({ phase: 'other', fraction: 0, text: 'Loading GPU shader modules[3/40]' });
  });
});
