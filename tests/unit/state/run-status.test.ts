import { describe, expect, it } from 'vitest';
import { isActive, isBusy, nextStatus, type RunEvent, type RunStatus } from '../../../src/state/run/status';

const STATUSES: RunStatus[] = ['idle', 'running', 'pausing', 'paused', 'done', 'stopped', 'failed'];
const step = (o: Partial<Extract<RunEvent, { type: 'step' }>> = {}): RunEvent => ({ type: 'step', more: true, finished: false, aborted: false, single: false, ...o });

describe('run status', () => {
  it('starts iterating from any status', () => {
    for (const s of STATUSES) expect(nextStatus(s, { type: 'loop' })).toBe('running');
  });

  it('pauses only a running search, which finishes its call first', () => {
    expect(STATUSES.map((s) => nextStatus(s, { type: 'pause' }))).toEqual(['idle', 'pausing', 'pausing', 'paused', 'done', 'stopped', 'failed']);
  });

  it('stops a paused search at once; a running one stops when its call is cancelled', () => {
    expect(STATUSES.map((s) => nextStatus(s, { type: 'stop' }))).toEqual(['idle', 'running', 'pausing', 'stopped', 'done', 'stopped', 'failed']);
    expect(nextStatus('running', step({ aborted: true }))).toBe('stopped');
    expect(nextStatus('pausing', step({ aborted: true }))).toBe('stopped');
  });

  it('after an iteration: goes on, pauses, or ends', () => {
    expect(nextStatus('running', step())).toBe('running');
    expect(nextStatus('running', step({ single: true }))).toBe('paused'); // Step: one call, then paused
    expect(nextStatus('pausing', step())).toBe('paused'); // the pause asked for during the call
    expect(nextStatus('running', step({ more: false }))).toBe('done');
    expect(nextStatus('running', step({ finished: true }))).toBe('done');
    // A finished search is done even if the user pressed Stop or Pause during its last call.
    expect(nextStatus('pausing', step({ finished: true, aborted: true, single: true }))).toBe('done');
    // Stopping wins over pausing and over a single step.
    expect(nextStatus('pausing', step({ aborted: true, single: true }))).toBe('stopped');
  });

  it('a thrown iteration fails the search, unless the user stopped it', () => {
    expect(nextStatus('running', { type: 'error', aborted: false })).toBe('failed');
    expect(nextStatus('pausing', { type: 'error', aborted: true })).toBe('stopped');
  });

  it('a saved run opens paused, and goes back to idle when it cannot continue', () => {
    expect(nextStatus('done', { type: 'continue' })).toBe('paused');
    expect(nextStatus('paused', { type: 'cannot-continue' })).toBe('idle');
  });

  it('is active while a search can go on and busy while a call is in flight', () => {
    expect(STATUSES.filter(isActive)).toEqual(['running', 'pausing', 'paused']);
    expect(STATUSES.filter(isBusy)).toEqual(['running', 'pausing']);
  });
});
