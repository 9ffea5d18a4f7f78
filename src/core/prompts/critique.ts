import type { CallKind } from '../run/types';
import { extractCode } from './extract';
import { joinPrefix } from './prefix';

const EXPLANATION = /^#{1,6}\s*Error explanation\s*:?\s*$/im;
const CORRECT_CODE = /^#{1,6}\s*Correct code\s*:?\s*$/im;

/** A paper-style completion split into the model's critique and its program. */
export interface ParsedCompletion {
  program: string;
  /** Everything from "## Error explanation" up to "## Correct code" (improve and fix only). */
  critique: string | null;
}

/**
 * Splits an improve or fix completion in the paper's format: the critique is the text from
 * "## Error explanation" (or from the start, when the model skipped that heading) to
 * "## Correct code", and the program is taken only from after that heading, so code quoted in the
 * critique is never mistaken for the answer. Without the heading the whole completion is searched
 * for the program and the critique is whatever prose precedes its first code block.
 */
export function splitCritique(completion: string): ParsedCompletion {
  const text = completion.replace(/\r\n?/g, '\n').replace(/<think>[\s\S]*?<\/think>/g, '');
  const code = CORRECT_CODE.exec(text);
  const explanation = EXPLANATION.exec(text);
  const start = explanation && (!code || explanation.index < code.index) ? explanation.index : 0;
  if (code) {
    const critique = text.slice(start, code.index).trim();
    return { program: extractCode(text.slice(code.index + code[0].length)), critique: critique || null };
  }
  const fence = text.search(/^\s*(`{3,}|~{3,})/m);
  const critique = (fence < 0 ? '' : text.slice(start, fence)).trim();
  return { program: extractCode(text), critique: explanation && critique ? critique : null };
}

/**
 * The program (and critique) a completion yields under the paper's prompts: generate keeps the
 * parent's prefix verbatim in front; improve and fix are split at "## Correct code".
 */
export function parsePaperCompletion(kind: CallKind, completion: string, prefix = ''): ParsedCompletion {
  if (kind === 'generate') return { program: joinPrefix(prefix, extractCode(completion)), critique: null };
  return splitCritique(completion);
}
