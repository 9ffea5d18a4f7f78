import type { CallKind, RunRecord } from '../run/types';
import { PROTOCOLS, type ProtocolId } from '../protocol/protocols';
import { firstLines, lineCount } from '../prompts/prefix';
import { backup } from './backup';
import { refreshExhausted } from './exhausted';
import { applyFixChain, bugValue } from './fix-chain';
import { localValue } from './local-value';
import { resolveParams } from './params';
import { promptFor } from './prompt-for';
import { SessionBase, type Plan } from './session-base';
import type { Slot, TreeNode } from './tree';
import type { SearchContext, SearchSession, SearchStrategy } from './types';
import { select, type Selection } from './uct';
import { ValueModel, type PredictorState } from './value-model';
import { initialSlots, widen } from './widening';

/** GIF-MCTS hyperparameters with the paper's values. */
export const GIF_MCTS_DEFAULTS = {
  /** L: lines a generate step adds to the prefix. */
  linesPerNode: 2,
  uctC: 0.1,
  epsilon: 1,
  /** γ of the backup. */
  gamma: 1,
  /** f: fixes a buggy chain gets. */
  maxFixes: 3,
  /** Temporary value of a fresh buggy node (with all fixes left). */
  bugValue: 0.99,
  priorGenerate: 0.5,
  priorImprove: 0.55,
  priorFix: 0.5,
  priorCount: 2,
  wG: 0.5,
  wL: 0.5,
};

export type GifMctsParams = typeof GIF_MCTS_DEFAULTS;

/** Tree statistics a NodeRecord does not carry, saved per node in `record.resume.tree`. */
interface SavedNode {
  valueSum: number;
  prefixLines: number;
  buggy: boolean;
  fixesLeft: number;
  exhausted: boolean;
  slots: [Slot['kind'], number | null][];
}

interface GifPlan extends Plan {
  selection: Selection;
}

/** A GIF-MCTS search session (see `gifMcts`). */
export class GifMctsSession extends SessionBase<GifPlan> {
  private readonly p: GifMctsParams;
  private readonly model: ValueModel;

  constructor(ctx: SearchContext, resume?: RunRecord) {
    const p = resolveParams(GIF_MCTS_DEFAULTS, ctx.params ?? resume?.params);
    super('gif-mcts', ctx, p, false, resume);
    this.p = p;
    if (this.rebuilt) {
      this.model = ValueModel.fromParams(p);
      this.rebuildTree();
    } else if (resume) {
      const saved = resume.resume as { model?: Record<CallKind, PredictorState>; tree?: SavedNode[] };
      if (!saved.model || !Array.isArray(saved.tree) || saved.tree.length !== this.nodes.length) {
        throw new Error('cannot resume this run: its GIF-MCTS tree state is missing. Open it read-only, or start a new run.');
      }
      this.model = ValueModel.fromState(saved.model);
      saved.tree.forEach((s, i) => {
        const node = this.nodes[i];
        Object.assign(node, { valueSum: s.valueSum, prefixLines: s.prefixLines, buggy: s.buggy, fixesLeft: s.fixesLeft, exhausted: s.exhausted });
        node.slots = s.slots.map(([kind, child]) => ({ kind, child: child === null ? null : (this.nodeById(child) ?? null) }));
      });
    } else {
      this.model = ValueModel.fromParams(p);
      // The root offers only generate and starts with one visit.
      this.root.slots = [{ kind: 'generate', child: null }];
      this.root.visits = 1;
    }
  }

  protected plan(): GifPlan {
    const selection = select(this.root, this.model, this.p, this.rng);
    const kind = selection.slot.kind as CallKind;
    const parent = selection.parent;
    return { parent, kind, messages: promptFor(this.ctx, kind, parent), prefix: parent.prefix, selection };
  }

  /** One iteration after the call: expand → learn → (stop?) → back up → fix chain. */
  protected apply(plan: GifPlan, node: TreeNode): void {
    const { parent, slot, path } = plan.selection;
    this.grow(path, parent, slot, plan.kind, node);
  }

  /**
   * A fork's tree statistics (no saved `resume`): starting from a fresh root and value model, each
   * non-root node is expanded again in creation order by its recorded action, into the first
   * untried slot of that action at its parent (one is added when the parent offers none), so
   * prefixes, terminal flags, fix budgets, temporary values, widening, backed-up visits and values
   * and the value model are as if the search had made those choices. Programs, scores and ids are
   * kept as recorded.
   */
  private rebuildTree(): void {
    for (const node of this.nodes) {
      Object.assign(node, { visits: 0, valueSum: 0, terminal: false, buggy: false, fixesLeft: 0, exhausted: false, slots: [] });
    }
    this.root.slots = [{ kind: 'generate', child: null }];
    this.root.visits = 1;
    for (const node of this.nodes) {
      const parent = node.parent;
      if (!parent) continue;
      if (node.action === 'user' || node.action === 'root') {
        this.attachUser(node);
        continue;
      }
      const kind = node.action;
      let slot = parent.slots.find((s) => s.kind === kind && !s.child);
      if (!slot) {
        slot = { kind, child: null };
        parent.slots.push(slot);
      }
      const path: TreeNode[] = [];
      for (let n: TreeNode | null = parent; n; n = n.parent) path.unshift(n);
      this.grow(path, parent, slot, kind, node);
    }
  }

  /** Expands `node` into `slot` of `parent` (reached by `path`), learns, backs up and fixes. */
  private grow(path: TreeNode[], parent: TreeNode, slot: Slot, kind: CallKind, node: TreeNode): void {
    // Widening belongs to selection; it is applied only now so that a failed call changes nothing.
    widen(parent, kind);
    slot.child = node;
    this.expand(node, parent, kind === 'fix');
    const score = node.result?.score ?? 0;
    const predictor = this.model.predictors[kind];
    predictor.learn(predictor.globalValue(), localValue(parent, kind), score);
    predictor.observe(score);
    if (node.result?.solved) return; // the stop check (the protocol's stop rule) comes before backup
    backup(path, node, score, this.p.gamma, node.buggy);
    applyFixChain(parent, node, this.p.maxFixes, this.p.bugValue);
    refreshExhausted(node);
  }

  /** Sets a new node's prefix, terminal flag, fix budget, temporary value and action slots. */
  private expand(node: TreeNode, parent: TreeNode, isFix: boolean): void {
    const p = this.p;
    const { lines, terminal } = childPrefix(PROTOCOLS[this.protocol].prefixRule, parent.prefixLines, p.linesPerNode, lineCount(node.program));
    node.prefixLines = lines;
    node.prefix = firstLines(node.program, lines);
    node.terminal = terminal;
    node.buggy = node.result?.bug != null;
    node.fixesLeft = node.buggy && isFix ? parent.fixesLeft - 1 : p.maxFixes;
    if (node.terminal) return;
    if (node.buggy) {
      const temporary = bugValue(node.fixesLeft, p.maxFixes, p.bugValue);
      node.slots = initialSlots(true, temporary > 0);
      node.valueSum = temporary;
      // With no fix left the node offers no action: it is as terminal as its chain.
      if (temporary <= 0) node.terminal = true;
    } else {
      node.slots = initialSlots(false, false);
    }
  }

  /** A user program joins the tree like an expansion without a call: backed up, offering actions. */
  protected attachUser(node: TreeNode): void {
    const parent = node.parent as TreeNode;
    parent.slots.push({ kind: 'user', child: node });
    this.expand(node, parent, false);
    const path: TreeNode[] = [];
    for (let n: TreeNode | null = parent; n; n = n.parent) path.unshift(n);
    backup(path, node, node.result?.score ?? 0, this.p.gamma, node.buggy);
    refreshExhausted(node);
  }

  protected resumeState(): Record<string, unknown> {
    const tree: SavedNode[] = this.nodes.map((n) => ({
      valueSum: n.valueSum,
      prefixLines: n.prefixLines,
      buggy: n.buggy,
      fixesLeft: n.fixesLeft,
      exhausted: n.exhausted,
      slots: n.slots.map((s) => [s.kind, s.child ? s.child.id : null]),
    }));
    return { model: this.model.state(), tree };
  }

  /** Read-only view of the value model, for tests and the UI. */
  valueModelState(): Record<CallKind, PredictorState> {
    return this.model.state();
  }
}

/**
 * A child's prefix length and terminal flag. Playground: the parent's lines + L, terminal when the
 * program has no more lines than that. Paper (its parser): the empty root counts as one line, and
 * the child is terminal only when its program adds fewer than L lines to the parent's.
 */
export function childPrefix(protocol: ProtocolId, parentLines: number, linesPerNode: number, programLines: number): { lines: number; terminal: boolean } {
  if (protocol === 'paper') {
    const lines = Math.max(1, parentLines) + linesPerNode;
    return { lines, terminal: programLines < lines };
  }
  const lines = parentLines + linesPerNode;
  return { lines, terminal: programLines <= lines };
}

/** GIF-MCTS: generate, improve and fix under UCT with a learned value of untried actions. */
export const gifMcts: SearchStrategy = {
  id: 'gif-mcts',
  label: 'GIF-MCTS',
  defaults: { ...GIF_MCTS_DEFAULTS },
  create: (context: SearchContext, resume?: RunRecord): SearchSession => new GifMctsSession(context, resume),
};
