import { LlmError } from '../../core/llm';

/**
 * WebLLM reports failures as strings (across its worker) or as Errors with library-specific
 * names; this maps them to LlmErrors that say what to do. Already-LlmErrors pass through.
 */
export function webLlmError(error: unknown, modelId = 'the model'): LlmError {
  if (error instanceof LlmError) return error;
  const text = typeof error === 'string' ? error : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const said = text.replace(/\s+/g, ' ').trim().slice(0, 240);
  if (/abort/i.test(text)) return new LlmError('aborted', 'Loading or running the in-browser model was cancelled.');
  if (/shader-f16|f16 not supported|ShaderF16/i.test(text)) {
    return new LlmError('unavailable', `${modelId} needs shader-f16, which this GPU lacks (${said}). Pick a q4f32 model instead.`);
  }
  if (/out of memory|OOM|device (was )?lost|DeviceLost|allocat|exceeds.*(limit|max)/i.test(text)) {
    return new LlmError('unavailable', `The GPU ran out of memory or was lost running ${modelId} (${said}). Pick a smaller model, close other GPU-heavy tabs, then load it again.`);
  }
  if (/QuotaExceeded|quota|storage/i.test(text)) {
    return new LlmError('unavailable', `Not enough browser storage to cache ${modelId} (${said}). Delete cached models you no longer use or free disk space, then try again.`);
  }
  if (/Failed to fetch|NetworkError|network|fetch/i.test(text)) {
    return new LlmError('network', `Downloading ${modelId} failed (${said}). Check the connection and load it again; the parts already downloaded stay cached.`);
  }
  if (/WebGPU|navigator\.gpu|adapter/i.test(text)) {
    return new LlmError('unavailable', `WebGPU is not usable for ${modelId} (${said}). Use Chrome or Edge 113+ with hardware acceleration, or pick an API provider.`);
  }
  if (/not found|ModelNotFound|cannot find model/i.test(text)) {
    return new LlmError('bad-request', `WebLLM does not know ${modelId} (${said}). Pick one of the listed models.`);
  }
  return new LlmError('unavailable', `The in-browser model failed (${said}). Load it again, or pick an API provider.`);
}
