import { describe, expect, it } from 'vitest';
import { liveUpdate } from '../../../src/state/run/live';
import { sampleRecord } from '../run/fixtures';

describe('live view of a search', () => {
  it('a call starts: the node it expands, empty text, no retry note; then a snapshot', () => {
    expect(liveUpdate({ type: 'call-start', callId: 3, kind: 'improve', parentId: 4 })).toEqual({ patch: { expandingId: 4, streamingText: '', notice: null }, snapshot: true });
  });

  it('tokens replace the streamed text without a snapshot', () => {
    expect(liveUpdate({ type: 'tokens', callId: 3, chunk: 'ss', text: 'class' })).toEqual({ patch: { streamingText: 'class' }, snapshot: false });
  });

  it('a failed call is a note while it is retried and an error when it is not', () => {
    expect(liveUpdate({ type: 'call-error', callId: 1, error: '429 Too Many Requests', retrying: true })).toEqual({
      patch: { notice: 'The model call failed and is being retried: 429 Too Many Requests' },
      snapshot: true,
    });
    expect(liveUpdate({ type: 'call-error', callId: 1, error: 'bad key', retrying: false })).toEqual({ patch: { error: 'bad key' }, snapshot: true });
  });

  it('a new node ends the expansion; the end of a search says why', () => {
    expect(liveUpdate({ type: 'node', node: sampleRecord().nodes[1] })).toEqual({ patch: { expandingId: null }, snapshot: true });
    expect(liveUpdate({ type: 'done', reason: 'solved' })).toEqual({ patch: { doneReason: 'solved' }, snapshot: true });
  });

  it('the end of a call and a new best change nothing but the snapshot', () => {
    expect(liveUpdate({ type: 'call-end', callId: 1, ms: 10, tokens: 5 })).toEqual({ patch: {}, snapshot: true });
    expect(liveUpdate({ type: 'best', nodeId: 4, score: 0.9 })).toEqual({ patch: {}, snapshot: true });
  });
});
