import { describe, expect, it } from 'vitest';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { DEFAULT_WEBLLM_MODEL, defaultModelFor, modelsFor, webLlmModels } from '../../../src/state/llm/models';
import { probeWebGpu, type AdapterLike, type GpuLike } from '../../../src/state/llm/webgpu';

const adapter = (features: string[], info?: AdapterLike['info']): AdapterLike => ({ features: new Set(features), info });
const gpu = (result: AdapterLike | null | Error): GpuLike => ({
  requestAdapter: async () => {
    if (result instanceof Error) throw result;
    return result;
  },
});

describe('curated WebLLM models', () => {
  it('match the installed WebLLM prebuilt list: ids, VRAM and low-resource flags', () => {
    const byId = new Map(prebuiltAppConfig.model_list.map((m) => [m.model_id, m]));
    for (const model of webLlmModels) {
      const record = byId.get(model.id);
      expect(record, `${model.id} is in web-llm's prebuilt list`).toBeDefined();
      expect([model.id, model.vramMB, model.lowResource]).toEqual([model.id, record!.vram_required_MB, record!.low_resource_required]);
    }
    expect(webLlmModels.map((m) => m.id)).toContain(DEFAULT_WEBLLM_MODEL);
    expect(webLlmModels).toHaveLength(10);
  });

  it('offers q4f32 models only without shader-f16, and none without WebGPU', async () => {
    const ready = await probeWebGpu(gpu(adapter(['shader-f16'])));
    const noF16 = await probeWebGpu(gpu(adapter([])));
    const none = await probeWebGpu(undefined);
    expect(modelsFor(ready)).toHaveLength(10);
    expect(modelsFor(noF16).map((m) => m.quantization)).toEqual(Array(5).fill('q4f32_1'));
    expect(modelsFor(none)).toEqual([]);
    expect(defaultModelFor(ready)).toBe('Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC');
    expect(defaultModelFor(noF16)).toBe('Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC');
  });
});

describe('probeWebGpu', () => {
  it('tells each case apart with a message saying what to do', async () => {
    expect(await probeWebGpu(undefined)).toEqual({ status: 'no-webgpu', usable: false, shaderF16: false, message: expect.stringMatching(/Chrome or Edge 113\+.*API provider/) });
    expect(await probeWebGpu(gpu(null))).toMatchObject({ status: 'no-adapter', usable: false, message: expect.stringMatching(/hardware acceleration/) });
    expect(await probeWebGpu(gpu(adapter([])))).toMatchObject({ status: 'no-f16', usable: true, shaderF16: false, message: expect.stringMatching(/only the q4f32 models/) });
    expect(await probeWebGpu(gpu(adapter(['shader-f16', 'timestamp-query'], { vendor: 'nvidia', architecture: 'ampere' })))).toEqual({
      status: 'ready',
      usable: true,
      shaderF16: true,
      message: expect.any(String),
      adapter: 'nvidia ampere',
    });
    expect(await probeWebGpu(gpu(new Error('GPU process crashed')))).toMatchObject({ status: 'error', usable: false, message: expect.stringMatching(/GPU process crashed.*reload/) });
  });
});
