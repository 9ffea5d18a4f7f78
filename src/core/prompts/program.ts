import type { CallKind } from '../run/types';
import { extractCode } from './extract';
import { joinPrefix } from './prefix';

/**
 * The program a completion yields for an action: generate keeps the parent's prefix verbatim in
 * front; improve and fix take the whole program the model wrote.
 */
export function programFromCompletion(kind: CallKind, completion: string, prefix = ''): string {
  const code = extractCode(completion);
  return kind === 'generate' ? joinPrefix(prefix, code) : code;
}
