import type { SearchEvent } from '../../core/search/types';
import type { DoneReason } from './status';

/** What the page shows of a search between snapshots: the call in flight, its text, notes. */
export interface LiveView {
  /** The node being expanded by the call in flight. */
  expandingId: number | null;
  /** Completion text of the call in flight. */
  streamingText: string;
  /** A retry in progress (rate limit, network), shown as a note rather than an error. */
  notice: string | null;
  error: string | null;
  doneReason: DoneReason | null;
}

/** The fields of the live view a search event changes, and whether the record is snapshotted again. */
export interface LiveUpdate {
  patch: Partial<LiveView>;
  snapshot: boolean;
}

/**
 * How one search event changes the live view. Tokens only replace the streamed text (a snapshot
 * per token would be wasteful); every other event also asks for a fresh record snapshot.
 */
export function liveUpdate(event: SearchEvent): LiveUpdate {
  switch (event.type) {
    case 'call-start':
      return { patch: { expandingId: event.parentId, streamingText: '', notice: null }, snapshot: true };
    case 'tokens':
      return { patch: { streamingText: event.text }, snapshot: false };
    case 'call-error':
      return { patch: event.retrying ? { notice: `The model call failed and is being retried: ${event.error}` } : { error: event.error }, snapshot: true };
    case 'done':
      return { patch: { doneReason: event.reason }, snapshot: true };
    case 'node':
      return { patch: { expandingId: null }, snapshot: true };
    case 'call-end':
    case 'best':
      return { patch: {}, snapshot: true };
  }
}
