/** One line of a diff: kept, added in the new text, or deleted from the old one (1-based lines). */
export type DiffLine = { kind: 'same'; oldLine: number; newLine: number; text: string } | { kind: 'add'; newLine: number; text: string } | { kind: 'del'; oldLine: number; text: string };

/** A line diff and the new-text lines that differ from the old text. */
export interface LineDiff {
  lines: DiffLine[];
  /** 1-based line numbers of the new text that are not in the old one (what to highlight). */
  changed: number[];
  added: number;
  removed: number;
}

/** Above this many cells of the LCS table the middle part is treated as replaced wholesale. */
const MAX_CELLS = 4_000_000;

/** Splits a program into lines; "" has no lines, a trailing newline does not add an empty one. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Line diff of two programs by longest common subsequence (common prefix and suffix trimmed
 * first, which is most of a refined program). Among equal-length alignments deletions come
 * before additions, so a replaced line reads "- old, + new".
 */
export function lineDiff(oldText: string, newText: string): LineDiff {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }

  const lines: DiffLine[] = [];
  for (let i = 0; i < start; i++) lines.push({ kind: 'same', oldLine: i + 1, newLine: i + 1, text: a[i] });
  middle(a, b, start, endA, start, endB, lines);
  for (let i = endA, j = endB; i < a.length; i++, j++) lines.push({ kind: 'same', oldLine: i + 1, newLine: j + 1, text: a[i] });

  const changed = lines.filter((l) => l.kind === 'add').map((l) => (l as { newLine: number }).newLine);
  return { lines, changed, added: changed.length, removed: lines.filter((l) => l.kind === 'del').length };
}

/** Diffs a[a0..a1) against b[b0..b1) and appends the lines in order. */
function middle(a: string[], b: string[], a0: number, a1: number, b0: number, b1: number, out: DiffLine[]): void {
  const n = a1 - a0;
  const m = b1 - b0;
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    for (let i = a0; i < a1; i++) out.push({ kind: 'del', oldLine: i + 1, text: a[i] });
    for (let j = b0; j < b1; j++) out.push({ kind: 'add', newLine: j + 1, text: b[j] });
    return;
  }
  // lcs[i][j] = LCS length of a[a0+i..a1) and b[b0+j..b1), filled from the end.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[a0 + i] === b[b0 + j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[a0 + i] === b[b0 + j]) {
      out.push({ kind: 'same', oldLine: a0 + i + 1, newLine: b0 + j + 1, text: a[a0 + i] });
      i++;
      j++;
    } else if (i < n && (j >= m || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) {
      out.push({ kind: 'del', oldLine: a0 + i + 1, text: a[a0 + i] });
      i++;
    } else {
      out.push({ kind: 'add', newLine: b0 + j + 1, text: b[b0 + j] });
      j++;
    }
  }
}
