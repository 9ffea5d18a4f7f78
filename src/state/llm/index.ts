export * from './webgpu';
export * from './models';
export * from './progress';
export * from './keys';
export * from './webllm';
export * from './webllm-errors';
export * from './scripting';
export { WebLlmState, webLlm } from './webllm.svelte';
