import { describe, expect, it } from 'vitest';
import { lineDiff, splitLines } from '../../../src/core/layout';

describe('lineDiff', () => {
  it('finds a replaced line and an appended one', () => {
    const d = lineDiff('a\nb\nc\nd\n', 'a\nB\nc\nd\ne\n');
    expect(d.changed).toEqual([2, 5]);
    expect(d.added).toBe(2);
    expect(d.removed).toBe(1);
    expect(d.lines.map((l) => `${l.kind}:${l.text}`)).toEqual(['same:a', 'del:b', 'add:B', 'same:c', 'same:d', 'add:e']);
  });

  it('numbers lines on both sides', () => {
    const d = lineDiff('x\ny\nz', 'y\nz\nw');
    expect(d.lines).toEqual([
      { kind: 'del', oldLine: 1, text: 'x' },
      { kind: 'same', oldLine: 2, newLine: 1, text: 'y' },
      { kind: 'same', oldLine: 3, newLine: 2, text: 'z' },
      { kind: 'add', newLine: 3, text: 'w' },
    ]);
  });

  it('marks everything new against an empty parent (the root)', () => {
    expect(lineDiff('', 'class A {}\n  x\n').changed).toEqual([1, 2]);
    expect(lineDiff('a\nb', '').removed).toBe(2);
  });

  it('reports no change for identical programs, whatever the line endings', () => {
    const d = lineDiff('a\r\nb\r\n', 'a\nb');
    expect(d.changed).toEqual([]);
    expect(d.lines.every((l) => l.kind === 'same')).toBe(true);
  });

  it('keeps the longest common subsequence in the middle', () => {
    // LCS of 1 2 3 4 5 and 1 3 9 4 5 is 1 3 4 5: only "9" is new, only "2" is gone.
    const d = lineDiff('1\n2\n3\n4\n5', '1\n3\n9\n4\n5');
    expect(d.changed).toEqual([3]);
    expect(d.lines.filter((l) => l.kind === 'del').map((l) => l.text)).toEqual(['2']);
  });

  it('rebuilds both texts from the diff (property over seeded random edits)', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let trial = 0; trial < 200; trial++) {
      const a = Array.from({ length: rand(12) }, () => String(rand(5)));
      const b = Array.from({ length: rand(12) }, () => String(rand(5)));
      const d = lineDiff(a.join('\n'), b.join('\n'));
      expect(d.lines.filter((l) => l.kind !== 'add').map((l) => l.text)).toEqual(a);
      expect(d.lines.filter((l) => l.kind !== 'del').map((l) => l.text)).toEqual(b);
      expect(d.changed.length).toBe(b.length - d.lines.filter((l) => l.kind === 'same').length);
    }
  });

  it('splits lines without a phantom trailing line', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a\n')).toEqual(['a']);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
  });
});
