/** Where a run is: nothing yet, iterating, asked to pause (finishing its call), paused, or over. */
export type RunStatus = 'idle' | 'running' | 'pausing' | 'paused' | 'done' | 'stopped' | 'failed';

/** Why a search ended: out of budget, a correct program found, or stopped. */
export type DoneReason = 'budget' | 'solved' | 'stopped';

/** Default budget: the paper's 50 LLM calls per environment (paper, Table 4 setting). */
export const DEFAULT_BUDGET = 50;

/** What happens to a run, as far as its status is concerned. */
export type RunEvent =
  /** The search loop starts iterating (Start, Step or Resume). */
  | { type: 'loop' }
  /** The user asks to pause: the call in flight finishes first. */
  | { type: 'pause' }
  /** The user stops: a paused run ends now, a running one when its call is cancelled. */
  | { type: 'stop' }
  /** One iteration ended: `more` is false when the strategy has nothing left to do. */
  | { type: 'step'; more: boolean; finished: boolean; aborted: boolean; single: boolean }
  /** An iteration threw; `aborted` when the user had stopped it. */
  | { type: 'error'; aborted: boolean }
  /** A saved run is shown, paused, waiting for Resume or Step. */
  | { type: 'continue' }
  /** The saved run cannot continue here (its dataset is gone). */
  | { type: 'cannot-continue' };

/**
 * The run's next status after `event`. While the loop iterates the status stays `running`;
 * `pausing` means a pause was asked for, so the loop stops after the call in flight.
 */
export function nextStatus(status: RunStatus, event: RunEvent): RunStatus {
  switch (event.type) {
    case 'loop':
      return 'running';
    case 'pause':
      return status === 'running' ? 'pausing' : status;
    case 'stop':
      return status === 'paused' ? 'stopped' : status;
    case 'step':
      if (!event.more || event.finished) return 'done';
      if (event.aborted) return 'stopped';
      return event.single || status === 'pausing' ? 'paused' : status;
    case 'error':
      return event.aborted ? 'stopped' : 'failed';
    case 'continue':
      return 'paused';
    case 'cannot-continue':
      return 'idle';
  }
}

/** A search exists and can go on: running, finishing a call before pausing, or paused. */
export function isActive(status: RunStatus): boolean {
  return status === 'running' || status === 'pausing' || status === 'paused';
}

/** A call is in flight: the controls that start another wait. */
export function isBusy(status: RunStatus): boolean {
  return status === 'running' || status === 'pausing';
}
