/** What the WebGPU probe found, and therefore which in-browser models can run. */
export interface WebGpuStatus {
  /** 'ready': f16 models run; 'no-f16': only q4f32 models; the rest: no in-browser model. */
  status: 'ready' | 'no-f16' | 'no-webgpu' | 'no-adapter' | 'error';
  /** True when some in-browser model can run. */
  usable: boolean;
  shaderF16: boolean;
  /** What the user reads next to the in-browser option. */
  message: string;
  /** The adapter's vendor and architecture, when the browser tells them. */
  adapter?: string;
}

/** The slice of `navigator.gpu` the probe uses, so tests can pass a fake. */
export interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<AdapterLike | null>;
}

/** The slice of a `GPUAdapter` the probe reads. */
export interface AdapterLike {
  features: { has(name: string): boolean };
  info?: { vendor?: string; architecture?: string };
}

/** The messages, one per outcome (each says what to do next). */
export const WEBGPU_MESSAGES = {
  ready: 'WebGPU with shader-f16: every in-browser model can run.',
  'no-f16': 'No shader-f16 on this GPU: only the q4f32 models can run (they need a little more memory).',
  'no-webgpu': 'No WebGPU in this browser: use Chrome or Edge 113+ (or a browser with WebGPU turned on), or pick an API provider.',
  'no-adapter': 'WebGPU is present but no GPU adapter is available (hardware acceleration off or the GPU is blocklisted): turn hardware acceleration on, or pick an API provider.',
  error: 'Asking for a WebGPU adapter failed',
} as const;

/**
 * Probes WebGPU the way WebLLM needs it: the API (`navigator.gpu`), an adapter, and the
 * `shader-f16` feature that the q4f16 models require. Never throws.
 * `gpu` defaults to the page's `navigator.gpu`.
 */
export async function probeWebGpu(gpu: GpuLike | undefined = defaultGpu()): Promise<WebGpuStatus> {
  if (!gpu) return { status: 'no-webgpu', usable: false, shaderF16: false, message: WEBGPU_MESSAGES['no-webgpu'] };
  let adapter: AdapterLike | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'error', usable: false, shaderF16: false, message: `${WEBGPU_MESSAGES.error} (${reason}): reload the page, or pick an API provider.` };
  }
  if (!adapter) return { status: 'no-adapter', usable: false, shaderF16: false, message: WEBGPU_MESSAGES['no-adapter'] };
  const shaderF16 = adapter.features.has('shader-f16');
  const name = [adapter.info?.vendor, adapter.info?.architecture].filter(Boolean).join(' ');
  return {
    status: shaderF16 ? 'ready' : 'no-f16',
    usable: true,
    shaderF16,
    message: WEBGPU_MESSAGES[shaderF16 ? 'ready' : 'no-f16'],
    ...(name ? { adapter: name } : {}),
  };
}

function defaultGpu(): GpuLike | undefined {
  return typeof navigator === 'undefined' ? undefined : ((navigator as unknown as { gpu?: GpuLike }).gpu ?? undefined);
}
