export { openSandbox, type Sandbox } from './frame';
export { SANDBOX_CSP, sandboxSrcdoc } from './srcdoc';
export type { SandboxApi } from './contract';
