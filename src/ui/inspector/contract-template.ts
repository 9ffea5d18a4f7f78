import type { EnvSpec, Space } from '../../core/env/types';

function describeSpace(s: Space): string {
  if (s.kind === 'discrete') return `an integer in 0..${s.n - 1}${s.labels ? ` (${s.labels.join(', ')})` : ''}`;
  if (s.kind === 'multi-discrete') return `an array of ${s.nvec.length} integers`;
  return `an array of ${s.shape[0]} numbers${s.labels ? ` [${s.labels.join(', ')}]` : ''}`;
}

/** A starting point for writing a world model by hand: the program contract with comments. */
export function contractTemplate(spec: Pick<EnvSpec, 'title' | 'observation' | 'action'> | null): string {
  const obs = spec ? describeSpace(spec.observation) : 'a number or an array of numbers';
  const act = spec ? describeSpace(spec.action) : 'an integer or an array of numbers';
  return `// A world model${spec ? ` of ${spec.title}` : ''}: predict what one step does.
// A state is ${obs}.
// An action is ${act}.
class Environment {
  constructor() {
    // Constants of the world go here.
  }

  setState(state) {
    // Called before every step with a recorded state: keep a copy.
    this.state = Array.isArray(state) ? state.slice() : state;
  }

  step(action) {
    // Return [nextState, reward, done].
    const nextState = this.state;
    const reward = 0;
    const done = false;
    this.state = nextState;
    return [nextState, reward, done];
  }
}
`;
}
