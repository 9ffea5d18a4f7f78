import { readFile, writeFile } from 'node:fs/promises';
import { UsageError } from './args';

/** Reads a UTF-8 file, turning a missing or unreadable file into a UsageError. */
export async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} "${path}": ${(error as NodeJS.ErrnoException).code ?? String(error)}; check the path`);
  }
}

/** Reads and parses a JSON file; malformed JSON is a UsageError saying where. */
export async function readJson(path: string, what: string): Promise<unknown> {
  const text = await readText(path, what);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what} "${path}" is not valid JSON (${(error as Error).message}); fix the file or re-export it`);
  }
}

/** Writes a file, creating nothing else; a failure is a UsageError. */
export async function writeText(path: string, text: string, what: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new UsageError(`cannot write ${what} "${path}": ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
