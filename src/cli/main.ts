import { UsageError } from './args';
import { envsCommand } from './envs';
import { evalCommand } from './eval';
import { recordCommand } from './record';

const USAGE = `cwm — Code World Models from the command line

  cwm envs                                   list environments
  cwm record --env <id> --seed <n> [--episodes <k>] --out <file>
  cwm eval --env <id> --program <file.js> [--transitions <file.json>] [--reward tolerant|paper] [--timeout-ms <ms>] [--json]
  cwm search --env <id> --strategy gif-mcts|worldcoder|best-of-n|refine --budget <n> --seed <n>
             --provider openai|anthropic|replay [--base-url <url>] [--model <m>] [--api-key-env <VAR>]
             [--transitions <file>] [--run <file>] --out <run.json>
  cwm plan --env <id> --program <file.js> [--episodes 10] [--seed n] [--json]
  cwm eval --env rtfm --program <file.js> [--protocol all|paper] [--seed <n>] [--draws 1000] [--json]
  cwm search --env rtfm … [--description paper|hinted] [--protocol all|paper]
  cwm plan --env rtfm --program <file.js> [--episodes 10] [--seed n] [--depth 16] [--json]
  cwm bench --envs <ids> --strategies <ids> --budget <n> --seeds <n> --provider … --out <prefix>

Exit codes: 0 done, 2 bad input (the message says what to fix), 1 unexpected failure.`;

type Command = (argv: string[]) => Promise<number> | number;

const commands: Record<string, () => Promise<Command>> = {
  envs: async () => envsCommand,
  record: async () => recordCommand,
  eval: async () => evalCommand,
  search: async () => (await import('./search')).searchCommand,
  plan: async () => (await import('./plan')).planCommand,
  bench: async () => (await import('./bench')).benchCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) throw new UsageError(`unknown command "${name}"; run \`cwm help\``);
  return (await load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`cwm: ${error.message}`);
      process.exit(2);
    }
    console.error(`cwm: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
