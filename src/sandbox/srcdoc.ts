import comlinkSource from 'comlink/dist/umd/comlink.min.js?raw';
import { HARNESS_SOURCE } from '../core/cwm/harness';
import { evaluatorWorkerSource } from '../workers/evaluator-source';
import { READY_MESSAGE } from './contract';
import { sandboxDocument, scriptJson } from './document';
import { sandboxHost, type HostConfig } from './host';

export { SANDBOX_CSP } from './document';

/** The evaluator sandbox document: comlink, then the worker-pool host with its config. */
export function sandboxSrcdoc(options: { poolSize?: number } = {}): string {
  const config: HostConfig = {
    workerSource: evaluatorWorkerSource(HARNESS_SOURCE),
    poolSize: options.poolSize ?? 0,
    readyMessage: READY_MESSAGE,
  };
  return sandboxDocument('CWM evaluator sandbox', [comlinkSource, `(${sandboxHost.toString()})(${scriptJson(config)});`]);
}
