import sesSource from 'ses-umd?raw';
import acornSource from 'acorn-umd?raw';
import { plannerRuntimeSource } from '../../core/plan/runtime';
import { RUNNER_SOURCE } from '../realm/runner-source';
import { sandboxDocument, scriptJson } from '../document';
import { sandboxFrameHost, type FrameHostConfig } from './frame-host';
import { runnerWorkerSource } from './worker-source';

/** The one window message the sandbox iframe sends: it carries its control port. */
export const READY_MESSAGE = 'cwm-sandbox-ready';

/**
 * The sandbox document: the frame host and, as data, the runner worker's source. This module
 * carries SES (~240 KB), so the page loads it only when it first evaluates or plans.
 */
export function sandboxSrcdoc(): string {
  const config: FrameHostConfig = {
    workerSource: runnerWorkerSource({ ses: sesSource, acorn: acornSource, planner: plannerRuntimeSource(), runner: RUNNER_SOURCE }),
    readyMessage: READY_MESSAGE,
  };
  return sandboxDocument('CWM program runner sandbox', [`(${sandboxFrameHost.toString()})(${scriptJson(config)});`]);
}
