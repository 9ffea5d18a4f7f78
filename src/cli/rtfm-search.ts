import { rtfmPack } from '../../envs/rtfm';
import { datasetHash } from '../core/env/dataset';
import type { EnvSpec } from '../core/env/types';
import type { EvalResult } from '../core/cwm/types';
import { evaluateStructured } from '../core/rtfm/evaluate';
import type { RtfmDescriptionVariant } from '../core/rtfm/pack';
import type { RtfmProtocol } from '../core/rtfm/types';
import { createNodeRunner, type NodeRunner } from '../sandbox/node/pool';
import { stringFlag, UsageError, type ParsedArgs } from './args';
import { rtfmProtocolFromArgs, rtfmTransitionsFromArgs } from './rtfm-eval';

/** What a search on RTFM needs beside the strategy: the spec, the texts the model reads, the scorer. */
export interface RtfmSearchTarget {
  spec: EnvSpec;
  description: string;
  contract: string;
  hash: string;
  runner: NodeRunner;
  protocol: RtfmProtocol;
  evaluate(program: string, signal?: AbortSignal, protocol?: RtfmProtocol): Promise<EvalResult>;
}

/** `--description paper` (default, the paper's text) or `hinted` (the paper's text plus hints). */
export function rtfmDescriptionFromArgs(args: ParsedArgs): RtfmDescriptionVariant {
  const variant = stringFlag(args, 'description') ?? 'paper';
  if (variant !== 'paper' && variant !== 'hinted') throw new UsageError(`--description must be "paper" or "hinted", got "${variant}"`);
  return variant;
}

/**
 * Sets up a search on RTFM from the command line: the dataset (--transitions or the paper's
 * buffer), the description variant, the scoring protocol, and a Node runner that runs structured
 * worlds (a UsageError says so when the runner cannot yet).
 */
export async function rtfmSearchTarget(args: ParsedArgs): Promise<RtfmSearchTarget> {
  const variant = rtfmDescriptionFromArgs(args);
  const protocol = rtfmProtocolFromArgs(args);
  const { transitions } = await rtfmTransitionsFromArgs(args);
  const runner = createNodeRunner();
  return {
    spec: rtfmPack.spec,
    description: rtfmPack.descriptions[variant],
    contract: rtfmPack.contract,
    hash: datasetHash(transitions),
    runner,
    protocol,
    evaluate: (program, signal, p = protocol) => evaluateStructured(runner, program, transitions, { protocol: p, signal }),
  };
}
