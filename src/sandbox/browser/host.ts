/**
 * Where the page's runner workers live. Two hosts implement it (see ../../../docs/sandbox.md):
 * - the in-page host (in-page-host.ts): opaque-origin workers owned by a same-origin iframe whose
 *   CSP forbids all network, in the page's own renderer process; a round trip costs what a worker
 *   the page starts itself costs;
 * - the isolated host (frame.ts): workers inside an opaque-origin sandboxed iframe, which Chromium
 *   puts in a renderer process of its own, so a candidate that exhausts memory takes down that
 *   process and not the tab, at the price of a cross-process hop per job.
 */
export interface RunnerHost {
  /** Starts a runner worker; resolves, once it has booted, to the port that talks to it directly. */
  spawn(onDied: (message: string) => void): Promise<{ wid: number; port: MessagePort }>;
  kill(wid: number): void;
  dispose(): void;
}

/** The host cannot start runner workers in this browser at all (not one worker ever booted). */
export class HostUnavailableError extends Error {
  override name = 'HostUnavailableError';
}

/**
 * One host per page: opened on first use, and opened again on the next use after it failed to
 * open or was disposed. `open` gets `forget`, which its host's `dispose` calls with itself.
 */
export function oneHostPerPage(open: (forget: (host: RunnerHost) => void) => Promise<RunnerHost>): () => Promise<RunnerHost> {
  let current: Promise<RunnerHost> | null = null;
  const forget = (host: RunnerHost) => {
    if (current) void current.then((h) => h === host && (current = null));
  };
  return () => {
    if (!current) {
      current = open(forget);
      current.catch(() => (current = null));
    }
    return current;
  };
}

/**
 * The module carrying SES and the runner (loaded on first use); a failure to fetch it says what to
 * do, for both hosts.
 */
export async function loadRunnerSources(): Promise<typeof import('./sources')> {
  try {
    return await import('./sources');
  } catch (error) {
    throw new Error(`could not load the program runner (${error instanceof Error ? error.message : String(error)}); reload the page and run the evaluation again`);
  }
}
