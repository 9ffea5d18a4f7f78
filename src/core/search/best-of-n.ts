import type { RunRecord } from '../run/types';
import { resolveParams } from './params';
import { promptFor } from './prompt-for';
import { SessionBase, type Plan } from './session-base';
import type { SearchContext, SearchSession, SearchStrategy } from './types';

/** Zero-shot best-of-N: every call generates a program from scratch under the root. */
class BestOfNSession extends SessionBase {
  constructor(ctx: SearchContext, resume?: RunRecord) {
    super('best-of-n', ctx, resolveParams({}, ctx.params ?? resume?.params), true, resume);
  }

  protected plan(): Plan {
    return { parent: this.root, kind: 'generate', messages: promptFor(this.ctx, 'generate', this.root), prefix: '' };
  }

  protected apply(): void {}

  protected attachUser(): void {}

  protected resumeState(): Record<string, unknown> {
    return {};
  }
}

/** N independent generations; the answer is the best of them. */
export const bestOfN: SearchStrategy = {
  id: 'best-of-n',
  label: 'Zero-shot best-of-N',
  defaults: {},
  create: (context: SearchContext, resume?: RunRecord): SearchSession => new BestOfNSession(context, resume),
};
