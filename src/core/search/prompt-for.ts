import type { CallKind } from '../run/types';
import type { ChatMessage } from '../llm/types';
import { buildFixPrompt, buildGeneratePrompt, buildImprovePrompt } from '../prompts/builders';
import { buildPaperFixPrompt, buildPaperGeneratePrompt, buildPaperImprovePrompt } from '../prompts/paper';
import type { PromptContext } from '../prompts/contract';
import { PROTOCOLS } from '../protocol/protocols';
import type { TreeNode } from './tree';
import type { SearchContext } from './types';

/** The prompt context of a search: the spec and the (possibly edited) description. */
export function promptContext(ctx: SearchContext): PromptContext {
  return { spec: ctx.spec, description: ctx.description, contract: ctx.contract };
}

/**
 * The prompt of an action at a node, the same for every strategy: generate continues the node's
 * prefix, improve shows its first failing transition, fix shows its cleaned error. The paper
 * protocol words them as the paper did (critique first, then "## Correct code").
 */
export function promptFor(ctx: SearchContext, kind: CallKind, parent: TreeNode): ChatMessage[] {
  const pc = promptContext(ctx);
  if (PROTOCOLS[ctx.protocol ?? 'playground'].prompts === 'paper') {
    switch (kind) {
      case 'generate':
        return buildPaperGeneratePrompt(pc, parent.prefix);
      case 'improve':
        return buildPaperImprovePrompt(pc, parent.program, parent.result?.firstFailure ?? null);
      case 'fix':
        return buildPaperFixPrompt(pc, parent.program, parent.result?.bug ?? 'the program failed');
    }
  }
  switch (kind) {
    case 'generate':
      return buildGeneratePrompt(pc, parent.prefix);
    case 'improve':
      return buildImprovePrompt(pc, parent.program, parent.result?.firstFailure ?? null);
    case 'fix':
      return buildFixPrompt(pc, parent.program, parent.result?.bug ?? 'the program failed');
  }
}

/** The refinement a program needs: fix when it is buggy, else improve. */
export function refineKind(node: TreeNode): CallKind {
  return node.result?.bug ? 'fix' : 'improve';
}
