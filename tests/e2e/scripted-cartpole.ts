// Scripted model answers for the browser tests that run a search on CartPole.

/**
 * A CartPole-v1 program (Gymnasium's explicit Euler) with a chosen gravity: 0 is wrong, 9.8 right.
 * The gravity is on line 9, below any prefix a generate step keeps in the first levels of a tree.
 */
export const cartpoleProgram = (gravity: number) => `class Environment {
  constructor() { this.s = [0, 0, 0, 0]; }
  setState(state) { this.s = state.slice(); }
  step(action) {
    let [x, xDot, theta, thetaDot] = this.s;
    const force = action === 1 ? 10 : -10;
    const cosT = Math.cos(theta), sinT = Math.sin(theta);
    const temp = (force + 0.05 * thetaDot * thetaDot * sinT) / 1.1;
    const thetaAcc = (${gravity} * sinT - cosT * temp) / (0.5 * (4 / 3 - (0.1 * cosT * cosT) / 1.1));
    const xAcc = temp - (0.05 * thetaAcc * cosT) / 1.1;
    x = x + 0.02 * xDot; xDot = xDot + 0.02 * xAcc;
    theta = theta + 0.02 * thetaDot; thetaDot = thetaDot + 0.02 * thetaAcc;
    const limit = (12 * 2 * Math.PI) / 360;
    const done = x < -2.4 || x > 2.4 || theta < -limit || theta > limit;
    this.s = [x, xDot, theta, thetaDot];
    return [this.s.slice(), 1.0, done];
  }
}`;

/** A completion as a chat model writes one: a line of prose, then the program in a fence. */
export const fencedAnswer = (program: string) => `Here is the environment.\n\n\`\`\`javascript\n${program}\n\`\`\`\n`;
