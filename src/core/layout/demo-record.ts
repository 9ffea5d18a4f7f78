import type { CallRecord, NodeRecord, RunRecord } from '../run/types';

// Three hand-written CartPole world models for the demo page and browser tests: one with the
// wrong gravity (runs, but drifts from the real dynamics), one that crashes, and the fix.
const HEADER = `class Environment {
  constructor() {
    this.gravity = GRAVITY;
    this.massCart = 1.0;
    this.massPole = 0.1;
    this.length = 0.5;
    this.forceMag = 10.0;
    this.tau = 0.02;
  }
  setState(state) {
    this.s = state.slice();
  }
  step(action) {
    let [x, xDot, theta, thetaDot] = this.s;
    const force = action === 1 ? this.forceMag : -this.forceMag;
    const total = this.massCart + this.massPole;
    const pml = this.massPole * this.length;
    const cosT = Math.cos(theta);
    const sinT = Math.sin(theta);
    const temp = (force + pml * thetaDot * thetaDot * sinT) / total;
    const thetaAcc = (this.gravity * sinT - cosT * temp) / (this.length * (4 / 3 - (this.massPole * cosT * cosT) / total));
    const xAcc = temp - (pml * thetaAcc * cosT) / total;
    x = x + this.tau * xDot;
    xDot = xDot + this.tau * xAcc;
    theta = theta + this.tau * thetaDot;
    thetaDot = thetaDot + this.tau * thetaAcc;
    this.s = [x, xDot, theta, thetaDot];
    const done = x < -2.4 || x > 2.4 || theta < -0.20943951023931953 || theta > 0.20943951023931953;
    return [this.s, 1.0, done];
  }
}
`;

/** A CartPole program that matches the reference simulator. */
export const DEMO_CORRECT = HEADER.replace('GRAVITY', '9.8');
/** The same with gravity 9.0: no bug, but next states drift. */
export const DEMO_WRONG_GRAVITY = HEADER.replace('GRAVITY', '9.0');
/** A program that throws on every step. */
export const DEMO_BUGGY = HEADER.replace('GRAVITY', '9.8').replace('const cosT = Math.cos(theta);', 'const cosT = Math.cos(thetta);');

function call(id: number, kind: CallRecord['kind'], completion: string): CallRecord {
  return {
    id,
    kind,
    messages: [
      { role: 'system', content: 'You are an expert programmer writing world models as JavaScript classes.' },
      { role: 'user', content: `Demo ${kind} prompt: write class Environment for CartPole.` },
    ],
    completion: '```js\n' + completion + '```',
    ms: 1200,
    tokens: 420,
  };
}

function node(id: number, parentId: number | null, action: NodeRecord['action'], program: string, score: number, bug: string | null = null): NodeRecord {
  return {
    id,
    parentId,
    action,
    callId: action === 'root' || action === 'user' ? undefined : id - 1,
    program,
    score,
    accuracy: score,
    breakdown: bug || action === 'root' ? null : { state: score, reward: 1, done: 1 },
    bug,
    visits: 1,
    value: score,
  };
}

/** A tiny CartPole run: root → wrong gravity → (buggy fix attempt, correct improve). */
export function demoCartpoleRecord(): RunRecord {
  return {
    version: 1,
    createdAt: '2024-01-01T00:00:00.000Z',
    name: 'demo cartpole',
    env: { id: 'cartpole', datasetHash: 'demo' },
    strategy: 'gif-mcts',
    params: {},
    seed: 1,
    provider: { kind: 'replay', model: 'demo' },
    calls: [call(0, 'generate', DEMO_WRONG_GRAVITY), call(1, 'improve', DEMO_BUGGY), call(2, 'improve', DEMO_CORRECT)],
    nodes: [
      node(0, null, 'root', '', 0),
      node(1, 0, 'generate', DEMO_WRONG_GRAVITY, 0.7),
      node(2, 1, 'improve', DEMO_BUGGY, 0, 'ReferenceError: thetta is not defined (line 19: const cosT = Math.cos(thetta);)'),
      node(3, 1, 'improve', DEMO_CORRECT, 1),
    ],
    best: { nodeId: 3, score: 1 },
    status: 'done',
  };
}
