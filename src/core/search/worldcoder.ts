import type { RunRecord } from '../run/types';
import { resolveParams } from './params';
import { promptFor, refineKind } from './prompt-for';
import { SessionBase, type Plan } from './session-base';
import type { TreeNode } from './tree';
import type { SearchContext, SearchSession, SearchStrategy } from './types';

/** WorldCoder's Thompson-sampling constant C (paper's re-implementation: 5). */
export const WORLDCODER_DEFAULTS = { thompsonC: 5 };

/** One Thompson-sampling step: a draw per program (in creation order) and the chosen node. */
export interface ThompsonDraw {
  callId: number;
  nodeIds: number[];
  samples: number[];
  chosen: number;
}

interface WorldCoderPlan extends Plan {
  draw: ThompsonDraw | null;
}

/** A WorldCoder session; `draws` lists the Thompson draws of every completed iteration. */
export class WorldCoderSession extends SessionBase<WorldCoderPlan> {
  /** Beta(α, β) of each program node, by id (the root has none). */
  private readonly beta = new Map<number, [number, number]>();
  readonly draws: ThompsonDraw[] = [];
  private readonly c: number;

  constructor(ctx: SearchContext, resume?: RunRecord) {
    const p = resolveParams(WORLDCODER_DEFAULTS, ctx.params ?? resume?.params);
    super('worldcoder', ctx, p, true, resume);
    this.c = p.thompsonC;
    if (this.rebuilt) {
      this.rebuildBeta();
    } else if (resume) {
      const saved = (resume.resume as { beta?: [number, number, number][] }).beta;
      if (!Array.isArray(saved)) throw new Error('cannot resume this run: its WorldCoder Beta parameters are missing. Open it read-only, or start a new run.');
      for (const [id, a, b] of saved) this.beta.set(id, [a, b]);
    }
  }

  /**
   * A fork's Beta parameters, replayed in creation order: every program gets its prior, and each
   * program made by refining another counts as a draw of that parent (α+1 if correct, else β+1).
   * The Thompson draws themselves are unknown, so `draws` starts empty.
   */
  private rebuildBeta(): void {
    for (const node of this.nodes) {
      if (node === this.root) continue;
      this.addPrior(node);
      const parent = node.parent;
      if (node.action === 'user' || !parent || parent === this.root) continue;
      const ab = this.beta.get(parent.id) as [number, number];
      if (node.result?.solved) ab[0] += 1;
      else ab[1] += 1;
    }
  }

  private programs(): TreeNode[] {
    return this.nodes.filter((n) => n !== this.root);
  }

  /** First call: generate. Then Thompson-sample a program and refine it (fix if buggy, else improve). */
  protected plan(): WorldCoderPlan {
    const programs = this.programs();
    if (programs.length === 0) {
      return { parent: this.root, kind: 'generate', messages: promptFor(this.ctx, 'generate', this.root), prefix: '', draw: null };
    }
    const samples = programs.map((n) => {
      const [a, b] = this.beta.get(n.id) as [number, number];
      return this.rng.beta(a, b);
    });
    let chosen = 0;
    for (let i = 1; i < samples.length; i++) if (samples[i] > samples[chosen]) chosen = i;
    const parent = programs[chosen];
    const kind = refineKind(parent);
    const draw = { callId: this.nextCallId(), nodeIds: programs.map((n) => n.id), samples, chosen: parent.id };
    return { parent, kind, messages: promptFor(this.ctx, kind, parent), prefix: '', draw };
  }

  /** The new program gets Beta(1 + C·r, 1 + C·(1 − r)); the chosen one gets α+1 if it is correct, else β+1. */
  protected apply(plan: WorldCoderPlan, node: TreeNode): void {
    this.addPrior(node);
    if (plan.draw) {
      this.draws.push(plan.draw);
      const ab = this.beta.get(plan.parent.id) as [number, number];
      if (node.result?.solved) ab[0] += 1;
      else ab[1] += 1;
    }
  }

  private addPrior(node: TreeNode): void {
    const r = node.result?.score ?? 0;
    this.beta.set(node.id, [1 + this.c * r, 1 + this.c * (1 - r)]);
  }

  protected attachUser(node: TreeNode): void {
    this.addPrior(node);
  }

  protected resumeState(): Record<string, unknown> {
    return { beta: [...this.beta].map(([id, [a, b]]) => [id, a, b]) };
  }

  /** Current Beta(α, β) of a program node. */
  betaOf(nodeId: number): [number, number] | undefined {
    const ab = this.beta.get(nodeId);
    return ab ? [ab[0], ab[1]] : undefined;
  }
}

/** WorldCoder as the paper re-implemented it: Thompson sampling over all programs so far. */
export const worldcoder: SearchStrategy = {
  id: 'worldcoder',
  label: 'WorldCoder',
  defaults: { ...WORLDCODER_DEFAULTS },
  create: (context: SearchContext, resume?: RunRecord): SearchSession => new WorldCoderSession(context, resume),
};
