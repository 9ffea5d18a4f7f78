import { findPack } from '../../envs/index';
import { recordTrajectories } from '../core/env/record';
import { command, intFlag, parseArgs, rejectUnknown, stringFlag, UsageError } from './args';
import { writeText } from './io';

/** `cwm record --env <id> --seed <n> [--episodes <k>] --out <file>`: deterministic per seed. */
export const recordCommand = command('record', record);

async function record(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  rejectUnknown(args, ['env', 'seed', 'episodes', 'out']);
  const envId = stringFlag(args, 'env', true);
  const pack = findPack(envId);
  if (!pack) throw new UsageError(`unknown environment "${envId}"; run \`cwm envs\` to list them`);
  if (!pack.createSimulator) throw new UsageError(`${envId} has no simulator (transitions only), so it cannot be recorded; use its CWMB data`);
  const seed = intFlag(args, 'seed', 0);
  const episodes = intFlag(args, 'episodes', 10, 1);
  const out = stringFlag(args, 'out', true);
  const transitions = recordTrajectories(pack, seed, episodes);
  await writeText(out, JSON.stringify(transitions), 'the output file');
  console.error(`recorded ${transitions.length} transitions in ${episodes} episodes of ${envId} (seed ${seed}) to ${out}`);
  return 0;
}
