import { datasetHash } from '../env/dataset';
import type { EvalResult } from '../cwm/types';
import type { ChatMessage } from '../llm/types';
import { Rng } from '../rng';
import type { CallKind, CallRecord, NodeAction, NodeRecord, RunRecord, StrategyId } from '../run/types';
import { programFromCompletion } from '../prompts/program';
import { parsePaperCompletion } from '../prompts/critique';
import { PROTOCOLS, recordDescription, recordProtocol, type ProtocolId } from '../protocol/protocols';
import { copyCall, errorMessage, newCall, streamCall } from './call';
import { freshCommonResume, rebuildNodes, readCommonResume, resultExtra, type CommonResume } from './restore';
import { createRoot, toNodeRecord, type TreeNode } from './tree';
import type { SearchContext, SearchEvent, SearchSession } from './types';

/** What a strategy decided to do in one iteration, before the call. */
export interface Plan {
  parent: TreeNode;
  kind: CallKind;
  messages: ChatMessage[];
  /** Generate only: the prefix the program must start with. */
  prefix: string;
}

/**
 * The loop every strategy shares: one LLM call per iteration, scoring, the best program, events,
 * budget and stop, failed calls, snapshots and resume. A strategy supplies `plan` (which node,
 * which action, which prompt) and `apply` (its bookkeeping once the new node is scored).
 */
export abstract class SessionBase<P extends Plan = Plan> implements SearchSession {
  protected rng: Rng;
  protected readonly nodes: TreeNode[];
  protected readonly calls: CallRecord[];
  protected iterations: number;
  protected best: TreeNode | null = null;
  private solved = false;
  /** An iteration is in flight (its selection would go stale if another one started). */
  private busy = false;
  private status: NonNullable<RunRecord['status']> = 'running';
  private readonly createdAt: string;
  private readonly env: RunRecord['env'];
  private readonly seed: number;
  /** The protocol of the run: a continued record keeps its own. */
  protected readonly protocol: ProtocolId;
  private readonly description: Pick<RunRecord, 'descriptionVariant' | 'descriptionEdited'>;
  /**
   * Continuing a record without `resume` state (a fork, or a record from elsewhere): its nodes are
   * kept as they are and the strategy rebuilds its statistics from them (`rebuildFromNodes`).
   */
  protected readonly rebuilt: boolean;

  protected constructor(
    readonly strategy: StrategyId,
    protected readonly ctx: SearchContext,
    protected readonly params: Record<string, number>,
    /** Baselines record visits 0 and value = score. */
    private readonly baseline: boolean,
    resume?: RunRecord,
  ) {
    this.rebuilt = resume !== undefined && resume.resume === undefined;
    if (resume) {
      // A fork continues with statistics rebuilt from its nodes; it does not replay the original RNG.
      const common = this.rebuilt ? freshCommonResume(resume, strategy) : readCommonResume(resume, strategy);
      this.nodes = rebuildNodes(resume, common);
      this.calls = resume.calls.map(copyCall);
      this.iterations = common.iterations;
      this.rng = Rng.fromState(common.rng);
      this.solved = common.solved;
      this.createdAt = resume.createdAt;
      this.env = { ...resume.env };
      this.seed = resume.seed;
      this.protocol = recordProtocol(resume);
      this.description = { descriptionVariant: recordDescription(resume), ...(resume.descriptionEdited ? { descriptionEdited: true } : {}) };
      this.best = this.rebuilt ? firstBest(this.nodes) : resume.best ? (this.nodeById(resume.best.nodeId) ?? null) : null;
    } else {
      this.nodes = [createRoot()];
      this.calls = [];
      this.iterations = 0;
      this.rng = ctx.rng;
      this.createdAt = new Date().toISOString();
      this.env = ctx.env ? { ...ctx.env } : { id: ctx.spec.id, datasetHash: datasetHash(ctx.transitions) };
      this.seed = ctx.seed;
      this.protocol = ctx.protocol ?? 'playground';
      this.description = {
        descriptionVariant: ctx.descriptionVariant ?? (ctx.env?.custom ? 'custom' : 'hinted'),
        ...(ctx.descriptionEdited ? { descriptionEdited: true } : {}),
      };
    }
    // Prompts follow the run's protocol, which a continued record fixes whatever the caller passed.
    if (ctx.protocol !== this.protocol) this.ctx = { ...ctx, protocol: this.protocol };
    if (this.solved) this.status = 'done';
  }

  /** Chooses the node and action of the next iteration and builds its prompt. Must not mutate. */
  protected abstract plan(): P;
  /** Strategy bookkeeping once `node` (already in `nodes`, scored) exists. */
  protected abstract apply(plan: P, node: TreeNode): void;
  /** Attaches a user-written node (already scored) under its parent. */
  protected abstract attachUser(node: TreeNode): void;
  /** The strategy's own part of `record.resume`. */
  protected abstract resumeState(): Record<string, unknown>;

  get finished(): boolean {
    return this.solved || this.iterations >= this.ctx.budget;
  }

  protected emit(event: SearchEvent): void {
    this.ctx.onEvent?.(event);
  }

  protected get root(): TreeNode {
    return this.nodes[0];
  }

  /** The node with id `id` (ids equal positions unless the run is a fork, which skips some). */
  protected nodeById(id: number): TreeNode | undefined {
    const at = this.nodes[id];
    return at?.id === id ? at : this.nodes.find((n) => n.id === id);
  }

  /** The id of the next call: one past the highest so far (a fork keeps its calls' old ids). */
  protected nextCallId(): number {
    return this.calls.reduce((next, c) => Math.max(next, c.id + 1), 0);
  }

  /** Creates a scored node under `parent` and appends it in creation order. */
  private makeNode(parent: TreeNode, action: NodeAction, program: string, result: EvalResult, callId?: number): TreeNode {
    const node = createRoot();
    // One past the last id: equal to the count unless a fork skipped ids.
    const id = this.nodes[this.nodes.length - 1].id + 1;
    Object.assign(node, { id, parent, action, program, result, callId });
    this.nodes.push(node);
    return node;
  }

  async step(signal?: AbortSignal): Promise<boolean> {
    if (this.busy) throw new Error('a search iteration is already running; wait for it to finish before starting the next');
    if (this.finished) {
      this.finish();
      return false;
    }
    this.busy = true;
    try {
      return await this.iterate(signal);
    } finally {
      this.busy = false;
    }
  }

  private async iterate(signal?: AbortSignal): Promise<boolean> {
    // Why: a failed call must leave everything as it was, so a retry makes the same choices.
    const rngBefore = this.rng.state();
    const plan = this.plan();
    const call = newCall(this.nextCallId(), plan.kind, plan.messages);
    this.emit({ type: 'call-start', callId: call.id, kind: plan.kind, parentId: plan.parent.id });
    let program: string;
    let critique: string | undefined;
    let result: EvalResult;
    try {
      await streamCall(this.ctx.llm, call, this.ctx.sampling, (e) => this.emit(e), signal);
      if (PROTOCOLS[this.protocol].prompts === 'paper') {
        const parsed = parsePaperCompletion(plan.kind, call.completion, plan.prefix);
        program = parsed.program;
        critique = parsed.critique ?? undefined;
      } else {
        program = programFromCompletion(plan.kind, call.completion, plan.prefix);
      }
      result = await this.score(program, signal);
    } catch (error) {
      call.error = errorMessage(error);
      this.calls.push(call);
      this.rng = Rng.fromState(rngBefore);
      this.emit({ type: 'call-error', callId: call.id, error: call.error, retrying: false });
      throw error;
    }
    this.calls.push(call);
    this.emit({ type: 'call-end', callId: call.id, ms: call.ms, tokens: call.tokens });
    this.iterations++;
    const node = this.makeNode(plan.parent, plan.kind, program, result, call.id);
    if (critique !== undefined) node.critique = critique;
    this.apply(plan, node);
    this.record(node);
    if (this.finished) this.finish();
    return !this.finished;
  }

  /**
   * Scores a program; `solved` then says whether the search may stop here: a correct program
   * (playground), or a score of exactly 1 (paper protocol, as the paper's code stops).
   */
  private async score(program: string, signal?: AbortSignal): Promise<EvalResult> {
    const result = await this.ctx.evaluate(program, signal);
    if (PROTOCOLS[this.protocol].stopRule === 'score-one') return { ...result, solved: result.bug === null && result.score === 1 };
    return result;
  }

  /** Emits the node, updates the best program (the first with the strictly highest score). */
  private record(node: TreeNode): void {
    this.emit({ type: 'node', node: toNodeRecord(node, this.baseline) });
    const score = node.result?.score ?? 0;
    if (!this.best || score > (this.best.result?.score ?? 0)) {
      this.best = node;
      this.emit({ type: 'best', nodeId: node.id, score });
    }
    if (node.result?.solved) this.solved = true;
  }

  private finish(): void {
    if (this.status === 'done') return;
    this.status = 'done';
    this.emit({ type: 'done', reason: this.solved ? 'solved' : 'budget' });
  }

  async run(signal?: AbortSignal): Promise<RunRecord> {
    this.status = this.finished ? this.status : 'running';
    try {
      while (!this.finished) {
        if (signal?.aborted) return this.stop();
        await this.step(signal);
      }
      this.finish();
    } catch (error) {
      if (signal?.aborted) return this.stop();
      this.status = 'failed';
      throw error;
    }
    return this.snapshot();
  }

  private stop(): RunRecord {
    this.status = 'stopped';
    this.emit({ type: 'done', reason: 'stopped' });
    return this.snapshot();
  }

  async addUserNode(parentId: number, program: string): Promise<NodeRecord> {
    const parent = this.nodeById(parentId);
    if (!parent) throw new Error(`no node ${parentId} in this run; pick a node of the tree as the parent`);
    const result = await this.score(program);
    const node = this.makeNode(parent, 'user', program, result);
    this.attachUser(node);
    this.record(node);
    if (this.solved) this.finish();
    return toNodeRecord(node, this.baseline);
  }

  snapshot(): RunRecord {
    const info = this.ctx.llm.info;
    const provider: RunRecord['provider'] = { kind: info.kind, model: info.model };
    if (info.baseUrl) provider.baseUrl = info.baseUrl;
    const common: CommonResume = {
      // Unsigned words: Rng.state() may hand out signed ones, which fromState normalizes anyway.
      rng: this.rng.state().map((w) => w >>> 0),
      iterations: this.iterations,
      solved: this.solved,
      results: this.nodes.map((n) => resultExtra(n.result)),
    };
    return {
      version: 1,
      createdAt: this.createdAt,
      env: { ...this.env },
      strategy: this.strategy,
      params: { ...this.params },
      seed: this.seed,
      provider,
      protocol: this.protocol,
      ...this.description,
      sampling: { ...this.ctx.sampling },
      calls: this.calls.map(copyCall),
      nodes: this.nodes.map((n) => toNodeRecord(n, this.baseline)),
      best: this.best ? { nodeId: this.best.id, score: this.best.result?.score ?? 0 } : null,
      resume: { ...common, ...this.resumeState() },
      status: this.status,
    };
  }
}

/** The first non-root node with the strictly highest score (the paper's "best"), or null. */
function firstBest(nodes: readonly TreeNode[]): TreeNode | null {
  let best: TreeNode | null = null;
  for (const n of nodes) if (n.parent && (!best || (n.result?.score ?? 0) > (best.result?.score ?? 0))) best = n;
  return best;
}
