import { registerScriptingMethods } from '../api';
import { probeWebGpu, type WebGpuStatus } from './webgpu';

/** The language-model part of `window.cwmPlayground` (the in-page API for scripts and tests). */
export const llmScriptingApi = {
  /** Runs the WebGPU probe in the page: `await cwmPlayground.probeWebGpu()` → WebGpuStatus. */
  probeWebGpu: (): Promise<WebGpuStatus> => probeWebGpu(),
};

/** Adds `llmScriptingApi` to `window.cwmPlayground`; idempotent, done on import of state/llm. */
export function installLlmScriptingApi(): void {
  registerScriptingMethods(llmScriptingApi);
}

// Registered on import, like the provider registry: whoever uses the model state gets the probe
// in the scripting API without another line in main.ts.
installLlmScriptingApi();
