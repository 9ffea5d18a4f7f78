import type { RunRecord } from '../run/types';
import { resolveParams } from './params';
import { promptFor, refineKind } from './prompt-for';
import { SessionBase, type Plan } from './session-base';
import type { TreeNode } from './tree';
import type { SearchContext, SearchSession, SearchStrategy } from './types';

/** Sequential refine: the first call generates; each later call fixes or improves the latest program. */
class RefineSession extends SessionBase {
  constructor(ctx: SearchContext, resume?: RunRecord) {
    super('refine', ctx, resolveParams({}, ctx.params ?? resume?.params), true, resume);
  }

  protected plan(): Plan {
    const latest: TreeNode = this.nodes[this.nodes.length - 1];
    if (latest === this.root) return { parent: this.root, kind: 'generate', messages: promptFor(this.ctx, 'generate', this.root), prefix: '' };
    const kind = refineKind(latest);
    return { parent: latest, kind, messages: promptFor(this.ctx, kind, latest), prefix: '' };
  }

  protected apply(): void {}

  protected attachUser(): void {}

  protected resumeState(): Record<string, unknown> {
    return {};
  }
}

/** Always improve (or fix, when buggy) the latest program. */
export const refine: SearchStrategy = {
  id: 'refine',
  label: 'Sequential refine',
  defaults: {},
  create: (context: SearchContext, resume?: RunRecord): SearchSession => new RefineSession(context, resume),
};
