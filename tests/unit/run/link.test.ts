import { describe, expect, it } from 'vitest';
import { decodeRunLink, encodeRunLink, packJson, parseHash, runHash } from '../../../src/core/run';
import { base64urlDecode, base64urlEncode, deflateRaw, utf8Encode } from '../../../src/core/run/bytes';
import { Rng } from '../../../src/core/rng';
import { randomRecord, sampleRecord } from './fixtures';

async function decodeError(payload: string): Promise<string> {
  const result = await decodeRunLink(payload);
  if (result.ok) throw new Error('expected a rejection');
  return result.error;
}

describe('base64url', () => {
  it('round-trips every length 0..64 of random bytes and matches the known vector', () => {
    const rng = Rng.seeded(3);
    for (let n = 0; n <= 64; n++) {
      const bytes = Uint8Array.from({ length: n }, () => rng.int(256));
      expect(base64urlDecode(base64urlEncode(bytes))).toEqual(bytes);
      expect(base64urlEncode(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    }
    expect(base64urlEncode(utf8Encode('any carnal pleas'))).toBe('YW55IGNhcm5hbCBwbGVhcw');
  });
});

describe('run links', () => {
  it('round-trips a small run exactly, untrimmed', async () => {
    const record = sampleRecord();
    const link = await encodeRunLink(record);
    expect(link.ok && link.trimmed).toBe(false);
    if (!link.ok) return;
    expect(link.payload).toMatch(/^[A-Za-z0-9_-]+$/);
    const back = await decodeRunLink(link.payload);
    expect(back.ok && back.record).toEqual(record);
  });

  it('property: 40 random records round-trip through a link (no cap)', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const record = randomRecord(seed, 1 + ((seed * 7) % 25), 40);
      const link = await encodeRunLink(record, Infinity);
      expect(link.ok && !link.trimmed).toBe(true);
      if (!link.ok) continue;
      const back = await decodeRunLink(link.payload);
      expect(back.ok && back.record).toEqual(record);
    }
  });

  it('trims a run too big for 8000 characters to the best path, and says so', async () => {
    const record = randomRecord(11, 60, 400);
    const link = await encodeRunLink(record);
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.trimmed).toBe(true);
    expect(link.payload.length).toBeLessThanOrEqual(8000);
    const back = await decodeRunLink(link.payload);
    if (!back.ok) throw new Error(back.error);
    const r = back.record;
    expect(r.trimmed?.nodes).toBe(60);
    expect(r.best).toEqual(record.best);
    // The kept nodes are exactly the root-to-best path, each unchanged.
    const ids = r.nodes.map((n) => n.id);
    expect(ids[0]).toBe(0);
    expect(ids[ids.length - 1]).toBe(record.best!.nodeId);
    for (const n of r.nodes) expect(n).toEqual(record.nodes.find((m) => m.id === n.id));
    for (let i = 1; i < r.nodes.length; i++) expect(r.nodes[i].parentId).toBe(r.nodes[i - 1].id);
  });

  it('refuses a run that cannot fit even trimmed, telling to export a file', async () => {
    const record = randomRecord(5, 3, 10);
    const rng = Rng.seeded(1);
    record.nodes[2].program = Array.from({ length: 30_000 }, () => String.fromCharCode(33 + rng.int(90))).join('');
    record.best = { nodeId: 2, score: record.nodes[2].score };
    const link = await encodeRunLink(record);
    expect(link.ok).toBe(false);
    expect(!link.ok && link.error).toMatch(
      /^This run is too large for a link: even trimmed to its best path it needs \d+ characters, more than the 8000 a link can safely carry\. Export it as a file/,
    );
  });

  it('never carries an API key', async () => {
    const record: any = sampleRecord();
    record.provider = { kind: 'openai', model: 'gpt', baseUrl: 'https://user:pw@api.example/v1?key=sk-secret&x=1', apiKey: 'sk-secret' };
    const link = await encodeRunLink(record);
    if (!link.ok) throw new Error(link.error);
    const back = await decodeRunLink(link.payload);
    expect(back.ok && back.record.provider).toEqual({ kind: 'openai', model: 'gpt', baseUrl: 'https://api.example/v1?x=1' });
    expect(JSON.stringify(back)).not.toContain('sk-secret');
  });

  it('parses #run= and #settings= hashes and leaves routes alone', () => {
    expect(parseHash(runHash('abc'))).toEqual({ kind: 'run', payload: 'abc' });
    expect(parseHash('settings=env:taxi')).toEqual({ kind: 'settings', payload: 'env:taxi' });
    expect(parseHash('#/runs')).toEqual({ kind: 'route', route: '/runs' });
    expect(parseHash('')).toEqual({ kind: 'none' });
  });
});

describe('malformed links each get a clear message', () => {
  const cases: Array<[string, () => Promise<string>, RegExp]> = [
    ['empty', async () => '', /^The link has nothing after #run=\. Copy the whole link again/],
    ['a percent sign', async () => 'abc%20def', /^This run link is damaged: character 4 \("%"\) is not allowed in a link payload\. Copy the whole link/],
    ['standard base64 characters', async () => 'ab+/cd', /character 3 \("\+"\) is not allowed/],
    ['an impossible length', async () => 'abcde', /its length \(5\) is impossible for base64url, so it was cut short/],
    ['truncated', async () => (await packJson(sampleRecord())).slice(0, 300), /could not be decompressed: it is truncated or was altered|decompresses to something that is not/],
    ['random bytes', async () => base64urlEncode(Uint8Array.from({ length: 200 }, (_, i) => (i * 37 + 11) % 256)), /could not be decompressed|decompresses to something that is not/],
    ['deflated plain text', async () => base64urlEncode(await deflateRaw(utf8Encode('hello world'))), /^This run link decompresses to something that is not a CWM Playground run/],
    ['deflated invalid UTF-8', async () => base64urlEncode(await deflateRaw(Uint8Array.from([0xff, 0xfe, 0x7b]))), /decompresses to something that is not a CWM Playground run/],
    ['a foreign JSON object', async () => packJson({ hello: 'world' }), /^This is not a CWM Playground run: it has neither "version" nor "nodes"/],
    ['a JSON array', async () => packJson([1, 2, 3]), /^A run record must be a JSON object, but this is a list of 3/],
    ['a tampered score', async () => packJson({ ...sampleRecord(), best: { nodeId: 4, score: 7 } }), /^best\.score is 7, outside the allowed range 0 to 1/],
    ['a newer version', async () => packJson({ ...sampleRecord(), version: 9 }), /format version 9, newer than this playground reads/],
    ['a zip bomb', async () => base64urlEncode(await deflateRaw(new Uint8Array(17 * 1024 * 1024).fill(32))), /^This run link expands to more than 16 MB, which no shared run does; it was not opened/],
  ];
  for (const [name, make, message] of cases) {
    it(`${name}`, async () => {
      expect(await decodeError(await make())).toMatch(message);
    });
  }
});
