import type { WebGpuStatus } from './webgpu';

/** A curated in-browser model: a WebLLM prebuilt id and what it needs. */
export interface WebLlmModel {
  /** The id in WebLLM's `prebuiltAppConfig.model_list`. */
  id: string;
  label: string;
  /** 'q4f16_1' needs shader-f16; 'q4f32_1' runs on any WebGPU adapter. */
  quantization: 'q4f16_1' | 'q4f32_1';
  /** GPU memory it needs, from the list's `vram_required_MB`. */
  vramMB: number;
  /** WebLLM marks it as fitting low-memory devices (phones, integrated GPUs). */
  lowResource: boolean;
}

// Values from @mlc-ai/web-llm 0.2.86 `prebuiltAppConfig.model_list` (vram_required_MB,
// low_resource_required); tests/unit/llm/webllm-models.test.ts checks them against the package.
const entry = (base: string, label: string, quantization: WebLlmModel['quantization'], vramMB: number, lowResource: boolean): WebLlmModel => ({
  id: `${base}-${quantization}-MLC`,
  label: `${label} (${quantization === 'q4f16_1' ? '4-bit, f16' : '4-bit, f32'})`,
  quantization,
  vramMB,
  lowResource,
});

/** Code-capable models offered in the page, smallest first within each family. */
export const webLlmModels: readonly WebLlmModel[] = [
  entry('Qwen2.5-Coder-1.5B-Instruct', 'Qwen2.5-Coder 1.5B Instruct', 'q4f16_1', 1629.75, false),
  entry('Qwen2.5-Coder-1.5B-Instruct', 'Qwen2.5-Coder 1.5B Instruct', 'q4f32_1', 1888.97, false),
  entry('Qwen2.5-Coder-3B-Instruct', 'Qwen2.5-Coder 3B Instruct', 'q4f16_1', 2504.76, true),
  entry('Qwen2.5-Coder-3B-Instruct', 'Qwen2.5-Coder 3B Instruct', 'q4f32_1', 2893.64, true),
  entry('Qwen2.5-Coder-7B-Instruct', 'Qwen2.5-Coder 7B Instruct', 'q4f16_1', 5106.67, false),
  entry('Qwen2.5-Coder-7B-Instruct', 'Qwen2.5-Coder 7B Instruct', 'q4f32_1', 5900.09, false),
  entry('Llama-3.2-3B-Instruct', 'Llama 3.2 3B Instruct', 'q4f16_1', 2263.69, true),
  entry('Llama-3.2-3B-Instruct', 'Llama 3.2 3B Instruct', 'q4f32_1', 2951.51, true),
  entry('Phi-3.5-mini-instruct', 'Phi-3.5 mini Instruct', 'q4f16_1', 3672.07, false),
  entry('Phi-3.5-mini-instruct', 'Phi-3.5 mini Instruct', 'q4f32_1', 5483.12, false),
];

/** The default pick: small enough for most GPUs, code-tuned. */
export const DEFAULT_WEBLLM_MODEL = 'Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC';

/** The models that can run given the probe: none without WebGPU, only q4f32 without shader-f16. */
export function modelsFor(gpu: WebGpuStatus | null): WebLlmModel[] {
  if (!gpu?.usable) return [];
  return webLlmModels.filter((m) => gpu.shaderF16 || m.quantization === 'q4f32_1');
}

/** The curated model with this id, or undefined. */
export function getWebLlmModel(id: string): WebLlmModel | undefined {
  return webLlmModels.find((m) => m.id === id);
}

/** The best default for this GPU: the f16 default, or its q4f32 twin without shader-f16. */
export function defaultModelFor(gpu: WebGpuStatus | null): string {
  return gpu && !gpu.shaderF16 ? DEFAULT_WEBLLM_MODEL.replace('q4f16_1', 'q4f32_1') : DEFAULT_WEBLLM_MODEL;
}
