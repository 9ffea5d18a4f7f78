import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { CHILD_SOURCE } from './child-source';
import { encodeFrame, frameMessage, FrameReader, type ChildMessage, type Frame } from './frames';
import { bootSources } from './sources';

/** Limits of one runner child. */
export interface ChildLimits {
  /** V8 heap limit; a program allocating past it ends the child and is reported as a bug. */
  memoryLimitMb: number;
}

/** A started runner child: its process, what it said on stderr, and how it is sent requests. */
export interface RunnerChild {
  process: ChildProcess;
  send(message: unknown): void;
  /** Calls `listener` with each message the child sends; returns how to stop. */
  onMessage(listener: (message: ChildMessage) => void): () => void;
  /** Whether the child keeps this process alive: while it runs a job, not while it idles. */
  hold(busy: boolean): void;
  /** The last few KB of the child's stderr (V8 prints "heap out of memory" there). */
  stderr(): string;
  /** The child has booted (SES locked down, runner built): an exit before that is not a candidate's doing. */
  ready(): boolean;
  kill(): void;
}

/** Whether children get an address-space limit; turned off if a child cannot even boot under it. */
let addressLimit = process.platform !== 'win32';

// Node 20 spells the permission model's switch --experimental-permission; later versions --permission.
const PERMISSION = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';

/**
 * Starts a child process for candidates under Node's permission model with no grants: no file
 * system reads or writes, no child processes, no worker threads, no native addons; an empty
 * environment; and, on POSIX systems, an address-space limit (ulimit -v) so that ArrayBuffers,
 * which V8's heap limit does not count, are capped too. Even a program that escaped the
 * compartment could then neither run commands nor touch files.
 */
export function startRunnerChild(limits: ChildLimits): RunnerChild {
  const limited = addressLimit;
  const { command, argv } = runnerChildCommand(limits, CHILD_SOURCE, limited);
  const child = spawn(command, argv, { stdio: ['pipe', 'pipe', 'pipe'], env: {}, windowsHide: true });
  const input = child.stdin!;
  const output = child.stdout as Readable & { ref?: () => void; unref?: () => void };
  let ready = false;
  const listeners = new Set<(message: ChildMessage) => void>();
  const reader = new FrameReader();
  const kill = () => {
    listeners.clear();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  output.on('data', (chunk: Buffer) => {
    let frames: Frame[];
    try {
      frames = reader.push(chunk);
    } catch {
      // Only a candidate that escaped its compartment could garble the child's output.
      kill();
      return;
    }
    for (const frame of frames) {
      const message = frameMessage(frame);
      if (message.op === 'ready') ready = true;
      for (const listener of [...listeners]) listener(message);
    }
  });
  // A child that ended leaves its pipes to close; writing to them then must not throw here.
  input.on('error', () => {});
  output.on('error', () => {});
  // A machine whose V8 needs more address space than the limit allows cannot start a child at
  // all: later children start without the limit (the heap limit and the permissions remain).
  child.on('exit', () => {
    if (!ready && limited) addressLimit = false;
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  (child.stderr as { unref?: () => void } | null)?.unref?.(); // stdout decides whether the child keeps us alive
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4096);
  });
  const send = (message: unknown) => {
    if (input.writable) input.write(encodeFrame(message));
  };
  send({ op: 'boot', ...bootSources() });
  return {
    process: child,
    send,
    onMessage: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    hold: (busy) => {
      if (busy) {
        child.ref();
        output.ref?.();
      } else {
        child.unref();
        output.unref?.();
      }
    },
    stderr: () => stderr,
    ready: () => ready,
    kill,
  };
}

/**
 * A runner child that has booted: resolves once it said it is ready, so a caller's time limits
 * never count its start. A child that cannot boot is tried once more (the first may have failed
 * under the address-space limit, which is then off); a second failure rejects with what it printed.
 */
export async function bootedRunnerChild(limits: ChildLimits, retry = true): Promise<RunnerChild> {
  const child = startRunnerChild(limits);
  const booted = await new Promise<boolean>((resolve) => {
    const stop = child.onMessage((m) => {
      if (m.op !== 'ready') return;
      child.process.off('exit', onExit);
      stop();
      resolve(true);
    });
    const onExit = () => resolve(false);
    child.process.once('exit', onExit);
    child.process.once('error', onExit);
  });
  if (booted) return child;
  if (retry) return bootedRunnerChild(limits, false);
  const why = child.stderr().trim().split('\n').pop() ?? '';
  throw new Error(`could not start the evaluator process${why ? ` (${why})` : ''}; check that this Node.js (20 or later) can start child processes`);
}

/** The command line of a runner child running `source` (CommonJS text) under `limits`. */
export function runnerChildCommand(limits: ChildLimits, source: string, limitAddressSpace = process.platform !== 'win32'): { command: string; argv: string[] } {
  const args = [PERMISSION, '--no-warnings', `--max-old-space-size=${limits.memoryLimitMb}`, '--max-semi-space-size=16', '-e', source];
  // V8 reserves about 1 GB of address space on its own (more on some machines); the rest is for
  // heap and buffers.
  const addressKb = (2048 + 2 * limits.memoryLimitMb) * 1024;
  if (!limitAddressSpace) return { command: process.execPath, argv: args };
  return { command: '/bin/sh', argv: ['-c', `ulimit -v ${addressKb} 2>/dev/null; exec "$0" "$@"`, process.execPath, ...args] };
}

/** The bug shown when a child ended while running a candidate, from what it printed. */
export function childLostMessage(stderr: string, memoryLimitMb: number): string {
  if (/heap out of memory|Reached heap limit|allocation failed/i.test(stderr)) {
    return `ran out of memory (over ${memoryLimitMb} MB); do not allocate unbounded arrays or objects`;
  }
  return 'crashed the evaluator (the process running it ended); make the program simpler and check for runaway recursion or allocation';
}
