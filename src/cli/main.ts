import { UsageError } from './args';
import { envsCommand } from './envs';
import { evalCommand } from './eval';
import { recordCommand } from './record';

/** Each command's usage, printed by `cwm <command> --help` and, all together, by `cwm help`. */
const COMMAND_USAGE: Record<string, string> = {
  envs: `  cwm envs                                   list environments`,
  record: `  cwm record --env <id> --seed <n> [--episodes <k>] --out <file>
                                             record transitions from the real simulator`,
  eval: `  cwm eval --env <id> --program <file.js> [--program <file.js> …] [--transitions <file.json>]
           [--reward tolerant|paper] [--seed <n>] [--samples <k>] [--timeout-ms <ms>] [--json]
                                             score programs, in order, on the pack's dataset or your transitions`,
  search: `  cwm search --env <id> --strategy gif-mcts|worldcoder|best-of-n|refine [--budget <n>] --seed <n>
             [--protocol paper|playground] [--description paper|hinted] [--samples <k>]
             --provider openai|anthropic|replay [--base-url <url>] [--model <m>] [--api-key-env <VAR>]
             [--transitions <file>] [--run <file>] --out <run.json>
                                             search for a Code World Model; keys come from OPENAI_API_KEY,
                                             ANTHROPIC_API_KEY or the variable named by --api-key-env`,
  plan: `  cwm plan --env <id> --program <file.js> [--episodes 10] [--seed n] [--json]
                                             plan with a program as the world model, act in the real simulator`,
  rtfm: `  cwm eval --env rtfm --program <file.js> [--protocol all|paper] [--seed <n>] [--draws 1000] [--json]
  cwm search --env rtfm … [--description paper|hinted] [--protocol all|paper]
  cwm plan --env rtfm --program <file.js> [--episodes 10] [--seed n] [--depth 16] [--json]
                                             RTFM (paper Table 3): boards, not numbers, with their own flags`,
  bench: `  cwm bench --envs <ids> --strategies <ids> [--budget <n>] --seeds <n> [--protocol paper|playground]
            [--description paper|hinted] --provider … [--replay <prefix>] --out <prefix>
                                             run every env × strategy × seed and write the paper-format table`,
};

const PROTOCOL_NOTE = `--protocol paper (the default) runs the paper's benchmark protocol: the paper's descriptions,
exact reward in search, the paper's prompts, prefix and stop rules, sampling and budget per
provider (50 calls for open-weights models, 10 for OpenAI's). --protocol playground runs this
playground's own defaults (hinted descriptions, tolerant reward; --budget required).`;

const EXIT_CODES = 'Exit codes: 0 done, 2 bad input (the message says what to fix), 1 unexpected failure.';

const USAGE = `cwm — Code World Models from the command line

${Object.values(COMMAND_USAGE).join('\n')}

${PROTOCOL_NOTE}

\`cwm <command> --help\` shows one command. ${EXIT_CODES}`;

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
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`Usage:\n${COMMAND_USAGE[name]}\n\n${EXIT_CODES}`);
    return 0;
  }
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
