import { plannerRuntimeSource } from '../../core/plan/runtime';
import { sandboxDocument, scriptJson } from '../document';
import { RUNNER_SOURCE } from '../realm/runner-source';
import { sandboxFrameHost, type FrameHostConfig } from './frame-host';
import { runnerWorkerSource } from './worker-source';

/** The one window message the sandbox iframe sends: it carries its control port. */
export const READY_MESSAGE = 'cwm-sandbox-ready';

/** The runner worker's source, from the texts of SES's and acorn's UMD builds. */
export function runnerWorkerFrom(texts: { ses: string; acorn: string }): string {
  return runnerWorkerSource({ ses: texts.ses, acorn: texts.acorn, planner: plannerRuntimeSource(), runner: RUNNER_SOURCE });
}

/**
 * The sandbox document: the frame host and, as data, the runner worker's source, built from the
 * texts of SES's UMD build and acorn's UMD build (the app bundles them; Node tests read them).
 */
export function sandboxSrcdocFrom(texts: { ses: string; acorn: string }): string {
  const config: FrameHostConfig = { workerSource: runnerWorkerFrom(texts), readyMessage: READY_MESSAGE };
  return sandboxDocument('CWM program runner sandbox', [`(${sandboxFrameHost.toString()})(${scriptJson(config)});`]);
}
