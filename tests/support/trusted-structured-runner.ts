import type { StructuredInput, StructuredOutcome, StructuredRunner } from '../../src/core/cwm/structured';

/**
 * An in-process StructuredRunner for TRUSTED test programs only: it compiles the program with
 * `new Function` in this realm (no isolation, no time limit enforcement), calls setState/step on
 * every input, and copies each answer out through JSON like the real runners' plain-data copy.
 */
export function trustedStructuredRunner(): StructuredRunner & { calls: number } {
  const runner = {
    calls: 0,
    async runStructured(program: string, inputs: readonly StructuredInput[]): Promise<StructuredOutcome> {
      runner.calls++;
      try {
        const Environment = new Function(`${program}\n;return Environment;`)() as new () => { setState(s: unknown): void; step(a: unknown): unknown };
        const env = new Environment();
        const answers = inputs.map((input) => {
          env.setState(JSON.parse(JSON.stringify(input.state)));
          const out = env.step(input.action);
          return JSON.parse(JSON.stringify(out, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v)));
        });
        return { ok: true, answers };
      } catch (e) {
        return { ok: false, error: { message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) } };
      }
    },
  };
  return runner;
}
