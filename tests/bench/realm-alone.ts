/**
 * Run by `npm run bench:eval` as a process of its own (it calls SES's `lockdown()`, which freezes
 * this process's built-ins): the program runner's realm with no boundary around it, under the
 * conditions of the other measurements (50 ms idle before each, a new program text every time).
 * Prints one JSON line: per environment, the median ms. Beside the Node floor, it separates what
 * the hardened realm costs from what the process boundary costs. (The floor stays in the
 * benchmark's own process, where no `lockdown()` has frozen the built-ins it runs on.)
 */
import { getPack } from '../../envs/index';
import { encodeInputs } from '../../src/core/cwm/run-candidate';
import { acornExpression } from '../../src/sandbox/realm/acorn-expression';
import { bootSources } from '../../src/sandbox/node/sources';
import { program } from '../fixtures/programs/index';

const [envIds, warmup, repeats, idleMs] = [process.argv[2].split(','), Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5])];

type Handle = (message: Record<string, unknown>) => { ok: boolean; message?: string } | null;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main(): Promise<void> {
  const sources = bootSources();
  (0, eval)(sources.ses);
  const handle = (0, eval)(`(${sources.runner})(${sources.planner}, ${acornExpression(sources.acorn)})`) as Handle;
  const idle = () => new Promise((r) => setTimeout(r, idleMs));
  const out: Record<string, number> = {};
  let serial = 0;
  for (const [key, envId] of envIds.entries()) {
    const data = await getPack(envId).datasets[0].load();
    handle({ op: 'prepare', key: key + 1, inputs: encodeInputs(data) });
    const js = program(`${envId}.js`);
    const runner: number[] = [];
    for (let i = 0; i < warmup + repeats; i++) {
      handle({ op: 'warm' });
      await idle();
      const t0 = performance.now();
      const reply = handle({ op: 'score', id: ++serial, key: key + 1, program: `${js}\n// candidate ${serial}`, file: 'candidate.js', seed: 0, samples: 1 });
      const r = performance.now() - t0;
      if (!reply?.ok) throw new Error(`${envId}: the runner failed: ${reply?.message}`);
      if (i >= warmup) runner.push(r);
    }
    out[envId] = median(runner);
  }
  console.log(JSON.stringify(out));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
