import type { CallKind, CallRecord, NodeAction, NodeRecord, RunRecord, StrategyId } from './types';
import { LIMITS } from './limits';
import { RecordError, checkShape, describe, isObject, read } from './check';
import { checkCustomEnv } from './validate-env';
import { PROTOCOL_IDS, RECORDED_DESCRIPTIONS } from '../protocol/protocols';

/** Every strategy a record may name. */
export const STRATEGY_IDS: readonly StrategyId[] = ['gif-mcts', 'worldcoder', 'best-of-n', 'refine'];
const CALL_KINDS: readonly CallKind[] = ['generate', 'improve', 'fix'];
const NODE_ACTIONS: readonly NodeAction[] = ['root', 'generate', 'improve', 'fix', 'user'];
const STATUSES = ['running', 'paused', 'done', 'stopped', 'failed'] as const;
const ROLES = ['system', 'user', 'assistant'] as const;

/** The outcome of validating outside input as a run record. */
export type RecordResult = { ok: true; record: RunRecord } | { ok: false; error: string; path?: string };

/**
 * Checks that a parsed JSON value is a run record (`RunRecord` in src/core/run/types.ts) and returns a plain deep
 * copy of it. Unknown extra fields are kept (a newer `cwm` may add some); forbidden keys
 * (`__proto__`…), wrong types, dangling ids and oversized parts are refused with a message that
 * names the field and says what to do.
 */
export function validateRunRecord(json: unknown): RecordResult {
  try {
    if (!isObject(json)) {
      throw new RecordError('record', `A run record must be a JSON object, but this is ${describe(json)}. Open a file exported from the Runs page or written by \`cwm search --out\`.`);
    }
    if (json.version === undefined && json.nodes === undefined) {
      throw new RecordError('record', 'This is not a CWM Playground run: it has neither "version" nor "nodes". Open a file exported from the Runs page or written by `cwm search --out`.');
    }
    if (json.version !== 1) {
      const newer = typeof json.version === 'number' && json.version > 1;
      throw new RecordError(
        'version',
        newer
          ? `This run has format version ${json.version}, newer than this playground reads (1). Reload the page to get the latest version, then open it again.`
          : `version is ${describe(json.version)}; a run record has version 1. The file may come from another program; export it again from the playground or \`cwm search\`.`,
      );
    }
    checkShape(json);
    checkTop(json);
    const calls = checkCalls(json.calls);
    checkNodes(json.nodes, new Set(calls.map((c) => c.id)));
    checkBest(json.best, json.nodes as NodeRecord[]);
    // A structured copy, so the caller can mutate or store it without touching the input.
    return { ok: true, record: JSON.parse(JSON.stringify(json)) as RunRecord };
  } catch (e) {
    if (e instanceof RecordError) return { ok: false, error: e.message, path: e.path };
    throw e;
  }
}

function checkTop(r: Record<string, unknown>): void {
  read.string(r.createdAt, 'createdAt', 100);
  if (r.name !== undefined) read.string(r.name, 'name', 200);
  const env = read.object(r.env, 'env');
  const id = read.string(env.id, 'env.id', 100);
  if (!/^[A-Za-z0-9][A-Za-z0-9:._-]*$/.test(id)) throw new RecordError('env.id', `env.id "${id}" is not an environment id (letters, digits, ":", ".", "_" and "-"). Export the run again.`);
  read.string(env.datasetHash, 'env.datasetHash', 100);
  if (env.dataset !== undefined) read.string(env.dataset, 'env.dataset', 100);
  if (env.custom !== undefined) checkCustomEnv(env.custom, 'env.custom');
  if (id.startsWith('custom:') && env.custom === undefined)
    throw new RecordError('env.custom', `env.id is "${id}", a custom environment, but the record does not carry it (env.custom is missing). Export the run again with its environment.`);
  read.oneOf(r.strategy, 'strategy', STRATEGY_IDS);
  read.object(r.params, 'params');
  read.integer(r.seed, 'seed', 0, 2 ** 32 - 1);
  const provider = read.object(r.provider, 'provider');
  read.string(provider.kind, 'provider.kind', 100);
  read.string(provider.model, 'provider.model', 300);
  if (provider.baseUrl !== undefined) read.string(provider.baseUrl, 'provider.baseUrl', 2000);
  // Records from before protocols existed carry none of these: they read as playground / hinted.
  if (r.protocol !== undefined) read.oneOf(r.protocol, 'protocol', PROTOCOL_IDS);
  if (r.descriptionVariant !== undefined) read.oneOf(r.descriptionVariant, 'descriptionVariant', RECORDED_DESCRIPTIONS);
  if (r.descriptionEdited !== undefined) read.boolean(r.descriptionEdited, 'descriptionEdited');
  if (r.sampling !== undefined) checkSampling(r.sampling);
  if (r.resume !== undefined) read.object(r.resume, 'resume');
  if (r.status !== undefined) read.oneOf(r.status, 'status', STATUSES);
}

function checkSampling(value: unknown): void {
  const s = read.object(value, 'sampling');
  read.number(s.temperature, 'sampling.temperature', 0, 10);
  read.number(s.topP, 'sampling.topP', 0, 1);
  if (s.topK !== undefined) read.integer(s.topK, 'sampling.topK', 0);
  read.integer(s.maxTokens, 'sampling.maxTokens', 1);
  if (s.seed !== undefined) read.integer(s.seed, 'sampling.seed', 0, 2 ** 32 - 1);
}

function checkCalls(value: unknown): CallRecord[] {
  const calls = read.array(value, 'calls', LIMITS.calls);
  const ids = new Set<number>();
  calls.forEach((raw, i) => {
    const p = `calls[${i}]`;
    const c = read.object(raw, p);
    const id = read.integer(c.id, `${p}.id`);
    if (ids.has(id)) throw new RecordError(`${p}.id`, `${p}.id is ${id}, the same as an earlier call; call ids must be unique. The run was edited or merged; export it again.`);
    ids.add(id);
    read.oneOf(c.kind, `${p}.kind`, CALL_KINDS);
    read.array(c.messages, `${p}.messages`, LIMITS.messagesPerCall).forEach((m, j) => {
      const message = read.object(m, `${p}.messages[${j}]`);
      read.oneOf(message.role, `${p}.messages[${j}].role`, ROLES);
      read.string(message.content, `${p}.messages[${j}].content`);
    });
    read.string(c.completion, `${p}.completion`);
    read.number(c.ms, `${p}.ms`, 0);
    read.number(c.tokens, `${p}.tokens`, 0);
    if (c.error !== undefined) read.string(c.error, `${p}.error`, 10_000);
  });
  return calls as CallRecord[];
}

function checkNodes(value: unknown, callIds: Set<number>): void {
  const nodes = read.array(value, 'nodes', LIMITS.nodes);
  const seen = new Set<number>();
  nodes.forEach((raw, i) => {
    const p = `nodes[${i}]`;
    const n = read.object(raw, p);
    const id = read.integer(n.id, `${p}.id`);
    if (seen.has(id)) throw new RecordError(`${p}.id`, `${p}.id is ${id}, the same as an earlier node; node ids must be unique. The run was edited or merged; export it again.`);
    if (n.parentId !== null) {
      const parent = read.integer(n.parentId, `${p}.parentId`);
      // Nodes are saved in creation order, so a parent always comes first; this also rules out cycles.
      if (!seen.has(parent))
        throw new RecordError(`${p}.parentId`, `${p}.parentId is ${parent}, but no earlier node has that id. The run is truncated or was edited; export it again from where it was made.`);
    }
    seen.add(id);
    const action = read.oneOf(n.action, `${p}.action`, NODE_ACTIONS);
    if ((action === 'root') !== (n.parentId === null))
      throw new RecordError(`${p}.action`, `${p} has action "${action}" and parentId ${describe(n.parentId)}; only the root has no parent. The run was edited; export it again.`);
    if (n.callId !== undefined && !callIds.has(read.integer(n.callId, `${p}.callId`))) {
      throw new RecordError(`${p}.callId`, `${p}.callId is ${n.callId as number}, but no call has that id. The run is truncated or was edited; export it again.`);
    }
    read.string(n.program, `${p}.program`);
    read.number(n.score, `${p}.score`, 0, 1);
    read.number(n.accuracy, `${p}.accuracy`, 0, 1);
    if (n.breakdown !== null) {
      const b = read.object(n.breakdown, `${p}.breakdown`);
      for (const k of ['state', 'reward', 'done']) read.number(b[k], `${p}.breakdown.${k}`, 0, 1);
    }
    if (n.bug !== null) read.string(n.bug, `${p}.bug`, 20_000);
    read.integer(n.visits, `${p}.visits`);
    read.number(n.value, `${p}.value`);
    if (n.prefix !== undefined) read.string(n.prefix, `${p}.prefix`);
    if (n.terminal !== undefined) read.boolean(n.terminal, `${p}.terminal`);
    if (n.critique !== undefined) read.string(n.critique, `${p}.critique`, 50_000);
  });
}

function checkBest(value: unknown, nodes: NodeRecord[]): void {
  if (value === null) return;
  const best = read.object(value, 'best');
  const id = read.integer(best.nodeId, 'best.nodeId');
  const node = nodes.find((n) => n.id === id);
  if (!node) throw new RecordError('best.nodeId', `best.nodeId is ${id}, but the record has no node with that id. The run is truncated or was edited; export it again.`);
  read.number(best.score, 'best.score', 0, 1);
}
