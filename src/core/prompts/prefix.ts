import { tidy } from './extract';

/** Overlaps shorter than this many characters are not trusted (a lone `}` repeats by chance). */
const MIN_OVERLAP_CHARS = 10;

function key(line: string): string {
  return line.trim();
}

function firstNonBlank(lines: string[]): number {
  return lines.findIndex((l) => key(l) !== '');
}

/**
 * Joins a generate completion to the prefix it was asked to continue, so the program starts with
 * the prefix exactly (the GIF-MCTS generate action). Models either rewrite the prefix and go on, rewrite it
 * with small changes, repeat only its last lines, or continue right after it; in every case the
 * prefix is kept verbatim and never duplicated.
 */
export function joinPrefix(prefix: string, code: string): string {
  if (prefix.trim() === '') return code;
  const p = prefix.split('\n');
  const c = code.split('\n');
  const rest = continuationAfterPrefix(p, c);
  return tidy(rest.length ? `${prefix}\n${rest.join('\n')}` : prefix);
}

function continuationAfterPrefix(p: string[], c: string[]): string[] {
  // 1. The completion repeats the prefix line by line (ignoring indentation), then continues.
  if (p.length <= c.length && p.every((line, i) => key(line) === key(c[i]))) return c.slice(p.length);

  // 2. It rewrote the prefix with changes: same opening line. Resume after its copy of the
  //    prefix's last line, the occurrence nearest where that line should be.
  const pi = firstNonBlank(p);
  const ci = firstNonBlank(c);
  if (pi >= 0 && ci >= 0 && key(p[pi]) === key(c[ci])) {
    const last = [...p].reverse().find((l) => key(l) !== '') as string;
    const expected = ci + (p.length - 1 - pi);
    let anchor = -1;
    for (let j = ci; j < c.length; j++) {
      if (key(c[j]) === key(last) && (anchor < 0 || Math.abs(j - expected) < Math.abs(anchor - expected))) anchor = j;
    }
    return c.slice((anchor >= 0 ? anchor : Math.min(expected, c.length - 1)) + 1);
  }

  // 3. It repeated only the prefix's last lines: drop the longest such overlap worth trusting.
  for (let k = Math.min(p.length, c.length); k >= 1; k--) {
    const tail = p.slice(p.length - k);
    const head = c.slice(0, k);
    const same = tail.every((line, i) => key(line) === key(head[i]));
    if (same && tail.join('').trim().length >= MIN_OVERLAP_CHARS) return c.slice(k);
  }

  // 4. A plain continuation.
  return c;
}

/** The first `count` lines of a program: a GIF-MCTS node's state (its prefix). */
export function firstLines(program: string, count: number): string {
  return program.split('\n').slice(0, count).join('\n');
}

/** Number of lines of a program ('' has none). */
export function lineCount(program: string): number {
  return program === '' ? 0 : program.split('\n').length;
}
