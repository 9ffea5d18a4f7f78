import sesSource from 'ses-umd?raw';
import acornSource from 'acorn-umd?raw';
import { sandboxSrcdocFrom } from './srcdoc';

export { READY_MESSAGE } from './srcdoc';

/**
 * The sandbox document with SES and acorn bundled in as text. This module carries SES (~240 KB),
 * so the page loads it only when it first evaluates or plans.
 */
export function sandboxSrcdoc(): string {
  return sandboxSrcdocFrom({ ses: sesSource, acorn: acornSource });
}
