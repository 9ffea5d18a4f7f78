import { wrapProgram } from '../../core/cwm/harness';
import { timeoutMessage } from '../../core/cwm/run-candidate';
import type { Action, Obs } from '../../core/env/types';
import { encodeObs, guardProgram, parseGlueReply } from '../../core/plan/realm';
import { PlanningModelError, type ModelSession, type OpenModelSession } from '../../core/plan/session';
import type { PlanHostReply, PlanHostRequest } from './frame-host';
import { mountSandboxFrame } from '../../sandbox/mount';
import { PLAN_READY_MESSAGE as READY_MESSAGE, planSrcdoc } from './srcdoc';

/** Extra time the page waits past a request's own limit before it declares the iframe lost. */
const WATCHDOG_GRACE_MS = 10_000;

interface Frame {
  port: MessagePort;
  waiting: Map<string, (reply: PlanHostReply) => void>;
  dispose(): void;
}

let frame: Promise<Frame> | null = null;

/**
 * Mounts the planning iframe once per page, with the same mounting and CSP as the evaluator
 * sandbox (src/sandbox/mount.ts, document.ts). Its host differs: it keeps one worker per model
 * session (a CWM and its planner), where the evaluator uses each worker for one candidate.
 */
function planFrame(): Promise<Frame> {
  frame ??= mountSandboxFrame({
    srcdoc: planSrcdoc(),
    title: 'Planning sandbox',
    readyMessage: READY_MESSAGE,
    startError: () => new PlanningModelError('the planning sandbox did not start; reload the page (a browser extension blocking iframes or workers can cause this)', true),
  }).then(
    ({ port, dispose }) => {
      const waiting = new Map<string, (reply: PlanHostReply) => void>();
      port.onmessage = (e: MessageEvent) => {
        const reply = e.data as PlanHostReply;
        const key = `${reply?.sid}:${reply?.id}`;
        const settle = waiting.get(key);
        waiting.delete(key);
        settle?.(reply);
      };
      return { port, waiting, dispose };
    },
    (error: unknown) => {
      frame = null;
      throw error;
    },
  );
  return frame;
}

let nextSid = 1;

/**
 * Opens a model session in the planning sandbox: the candidate and the planner share one blob
 * worker (model steps are plain calls), while the real environment and the returns stay in the
 * page. A late answer terminates the worker (a fatal error); the page also keeps a watchdog in
 * case the iframe itself stops answering.
 */
export const openBrowserModelSession: OpenModelSession = async (program, config, { timeoutMs }) => {
  const box = await planFrame();
  const sid = nextSid++;
  let nextId = 1;
  let dead: PlanningModelError | null = null;

  function request(message: PlanHostRequest & { id: number }, what: string): Promise<unknown> {
    if (dead) return Promise.reject(dead);
    return new Promise<unknown>((resolve, reject) => {
      const key = `${sid}:${message.id}`;
      const watchdog = setTimeout(() => {
        box.waiting.delete(key);
        box.dispose();
        frame = null;
        reject((dead = new PlanningModelError('the planning sandbox stopped answering; try again', true)));
      }, timeoutMs + WATCHDOG_GRACE_MS);
      box.waiting.set(key, (reply) => {
        clearTimeout(watchdog);
        if ('lost' in reply) {
          dead = new PlanningModelError(reply.lost === 'timeout' ? `${what} ${timeoutMessage(timeoutMs)}; make step() fast and free of endless loops` : (reply.message ?? 'the planning worker failed'), true);
          return reject(dead);
        }
        const parsed = parseGlueReply(reply.text);
        if (!parsed.ok) return reject(new PlanningModelError(parsed.message, message.op === 'open'));
        resolve(parsed.action);
      });
      box.port.postMessage(message);
    });
  }

  const close = async () => {
    dead ??= new PlanningModelError('the planning session was closed', true);
    box.port.postMessage({ op: 'close', sid } satisfies PlanHostRequest);
  };
  try {
    await request({ op: 'open', sid, id: nextId++, program: guardProgram(wrapProgram(program)), config: JSON.stringify(config), timeoutMs }, 'loading the model');
  } catch (error) {
    await close();
    throw error;
  }
  const session: ModelSession = {
    act: (obs: Obs) => request({ op: 'act', sid, id: nextId++, text: encodeObs(obs), timeoutMs }, 'planning one action') as Promise<Action>,
    reset: async () => {
      await request({ op: 'reset', sid, id: nextId++, timeoutMs }, 'resetting the planner');
    },
    close,
  };
  return session;
};
