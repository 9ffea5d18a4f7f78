import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { searchCommand } from '../../../src/cli/search';
import type { RunRecord } from '../../../src/core/run/types';
import { useCliSession } from '../../support/cli-session';
import { startFakeOpenAi } from '../../support/fake-openai';
import { program } from '../../fixtures/programs/index';

const session = useCliSession('cwm-stochastic-search-');
const answer = (code: string) => `Here is the environment:\n\n\`\`\`javascript\n${code}\`\`\`\n`;

describe('cwm search on a stochastic world', () => {
  test('rewards the search with the distributional score, so the right stochastic program is the best', async () => {
    // The deterministic program first, then the stochastic one: the metric would keep the first.
    const script = ['stochastic/frozenlake-intended.js', 'stochastic/frozenlake-slippery.js'].map((p) => ({ type: 'stream' as const, text: answer(program(p)), chunks: 2 }));
    session.fake = await startFakeOpenAi({ script: [...script, ...script] });
    const out = join(session.dir, 'lake.json');
    const args = ['--env', 'frozenlake-4x4-slippery', '--strategy', 'best-of-n', '--budget', '2', '--seed', '0', '--provider', 'openai', '--base-url', session.fake.url, '--model', 'fake-model'];
    expect(await searchCommand([...args, '--out', out])).toBe(0);
    const record = JSON.parse(await readFile(out, 'utf8')) as RunRecord;
    const [, intended, slippery] = record.nodes;
    expect(intended.score.toFixed(6)).toBe('0.008625');
    expect(slippery.score.toFixed(6)).toBe('0.375919');
    expect(record.best).toEqual({ nodeId: slippery.id, score: slippery.score });
    expect(record.params.samples).toBe(64);

    // --samples 1 scores with the metric alone, which prefers neither by this much.
    const metricOut = join(session.dir, 'lake-metric.json');
    expect(await searchCommand([...args, '--samples', '1', '--out', metricOut])).toBe(0);
    const metric = JSON.parse(await readFile(metricOut, 'utf8')) as RunRecord;
    expect(metric.nodes[1].score.toFixed(6)).toBe('0.398983');
    expect(metric.params.samples).toBeUndefined();
  });
});
