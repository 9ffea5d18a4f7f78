import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import type { FakeServer } from './fake-openai';

/** What an in-process `cwm` command test works with; fields are fresh for every test. */
export interface CliSession {
  /** A temporary folder, removed after the test. */
  dir: string;
  /** Everything the command wrote to stderr (stdout is silenced). */
  stderr: string[];
  /** A fake model server the test started; closed after the test. */
  fake: FakeServer | null;
}

/**
 * Registers the per-test setup of command tests that call a `cwm` command function directly: a
 * temporary folder, captured stderr, silenced stdout, and cleanup of the fake server.
 */
export function useCliSession(prefix: string): CliSession {
  const session: CliSession = { dir: '', stderr: [], fake: null };
  beforeEach(async () => {
    session.dir = await mkdtemp(join(tmpdir(), prefix));
    session.stderr = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      session.stderr.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await session.fake?.close();
    session.fake = null;
    await rm(session.dir, { recursive: true, force: true });
  });
  return session;
}
