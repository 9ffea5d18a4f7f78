/** A command-line mistake: the CLI prints the message and exits with code 2. */
export class UsageError extends Error {}

/**
 * A `cwm <name>` command whose usage mistakes become exit code 2 with `cwm <name>: <message>` on
 * stderr; any other failure propagates (the entry point reports it as exit 1).
 */
export function command(name: string, run: (argv: string[]) => Promise<number>): (argv: string[]) => Promise<number> {
  return async (argv) => {
    try {
      return await run(argv);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`cwm ${name}: ${error.message}\n`);
      return 2;
    }
  };
}

/** Parsed `--flag value` / `--switch` options plus positional arguments. */
export interface ParsedArgs {
  flags: Map<string, string | true>;
  positional: string[];
}

/** Parses argv; `switches` are flags that take no value. */
export function parseArgs(argv: readonly string[], switches: readonly string[] = []): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (switches.includes(name)) flags.set(name, true);
    else if (inline !== undefined) flags.set(name, inline);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) flags.set(name, argv[++i]);
    else throw new UsageError(`--${name} needs a value`);
  }
  return { flags, positional };
}

/** A string flag, or the fallback; throws a UsageError when required and missing. */
export function stringFlag(args: ParsedArgs, name: string, required: true): string;
export function stringFlag(args: ParsedArgs, name: string, required?: false): string | undefined;
export function stringFlag(args: ParsedArgs, name: string, required = false): string | undefined {
  const value = args.flags.get(name);
  if (value === true) throw new UsageError(`--${name} needs a value`);
  if (value === undefined && required) throw new UsageError(`missing --${name}`);
  return value;
}

/** An integer flag with bounds, or the fallback. */
export function intFlag(args: ParsedArgs, name: string, fallback: number, min = 0): number {
  const value = stringFlag(args, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got "${value}"`);
  return n;
}

/** Rejects flags a command does not know, so typos do not pass silently. */
export function rejectUnknown(args: ParsedArgs, known: readonly string[]): void {
  for (const name of args.flags.keys()) {
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}; known: ${known.map((k) => '--' + k).join(' ')}`);
  }
}
