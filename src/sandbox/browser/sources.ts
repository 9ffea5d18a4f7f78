import sesSource from 'ses-umd?raw';
import acornSource from 'acorn-umd?raw';
import { runnerWorkerFrom, sandboxSrcdocFrom } from './srcdoc';

export { READY_MESSAGE } from './srcdoc';

/**
 * The isolated host's sandbox document with SES and acorn bundled in as text. This module carries
 * SES (~240 KB), so the page loads it only when it first evaluates or plans.
 */
export function sandboxSrcdoc(): string {
  return sandboxSrcdocFrom({ ses: sesSource, acorn: acornSource });
}

let worker: string | null = null;

/** The runner worker's source, which the in-page host sends to each worker it starts. */
export function runnerWorker(): string {
  return (worker ??= runnerWorkerFrom({ ses: sesSource, acorn: acornSource }));
}
