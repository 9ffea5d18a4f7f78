import { LIMITS } from './limits';

/** A rejected input: `path` names the bad field (`nodes[3].parentId`), `message` says what to do. */
export class RecordError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'RecordError';
  }
}

/** Keys that could reach `Object.prototype` if a record were ever merged into another object. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a value reads in an error message: its type, or a short excerpt of it. */
export function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length > 40 ? `the text "${value.slice(0, 37)}…"` : `the text "${value}"`;
  return `${typeof value} ${String(value)}`;
}

/**
 * Walks a parsed JSON value once, rejecting forbidden keys and excessive nesting before any field
 * is read; iterative so that a deeply nested hostile value cannot overflow the stack.
 */
export function checkShape(root: unknown, rootPath = 'record'): void {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: rootPath, depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > LIMITS.depth)
      throw new RecordError(path, `${path} is nested more than ${LIMITS.depth} levels deep, which no run record is. Export the run again from the playground or \`cwm search\`.`);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key))
        throw new RecordError(`${path}.${key}`, `${path} contains the key "${key}", which is never part of a run and is refused for safety. The file or link was altered; use an untouched export.`);
      stack.push({ value: (value as Record<string, unknown>)[key], path: `${path}.${key}`, depth: depth + 1 });
    }
  }
}

/** Field readers that throw a `RecordError` naming the field and the fix. */
export const read = {
  object(value: unknown, path: string): Record<string, unknown> {
    if (!isObject(value)) throw new RecordError(path, `${path} must be an object, but it is ${describe(value)}.${hint}`);
    return value;
  },
  array(value: unknown, path: string, max: number): unknown[] {
    if (!Array.isArray(value)) throw new RecordError(path, `${path} must be a list, but it is ${describe(value)}.${hint}`);
    if (value.length > max) throw new RecordError(path, `${path} has ${value.length} entries; at most ${max} are accepted. Split the run or trim it before sharing.`);
    return value;
  },
  string(value: unknown, path: string, max: number = LIMITS.text): string {
    if (typeof value !== 'string') throw new RecordError(path, `${path} must be text, but it is ${describe(value)}.${hint}`);
    if (value.length > max) throw new RecordError(path, `${path} is ${value.length} characters long; at most ${max} are accepted.${hint}`);
    return value;
  },
  number(value: unknown, path: string, min = -Infinity, max = Infinity): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new RecordError(path, `${path} must be a number, but it is ${describe(value)}.${hint}`);
    if (value < min || value > max) throw new RecordError(path, `${path} is ${value}, outside the allowed range ${min} to ${max}.${hint}`);
    return value;
  },
  integer(value: unknown, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    const n = read.number(value, path, min, max);
    if (!Number.isInteger(n)) throw new RecordError(path, `${path} must be a whole number, but it is ${n}.${hint}`);
    return n;
  },
  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') throw new RecordError(path, `${path} must be true or false, but it is ${describe(value)}.${hint}`);
    return value;
  },
  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !allowed.includes(value as T)) throw new RecordError(path, `${path} is ${describe(value)}; it must be one of ${allowed.map((a) => `"${a}"`).join(', ')}.${hint}`);
    return value as T;
  },
};

const hint = ' The run may come from another program or have been edited; export it again from the playground or `cwm search`.';
