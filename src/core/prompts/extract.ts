/**
 * Code extraction: turns a model's completion into a program. Models wrap code in prose, write
 * several fenced blocks, forget the fences, or stop mid-block when they hit the token limit; each
 * case is handled here and pinned by tests/unit/prompts.
 */

/** A fenced block found in a completion. */
interface Block {
  code: string;
  /** The closing fence was missing (the output was cut off). */
  truncated: boolean;
}

const OPEN_FENCE = /^\s*(`{3,}|~{3,})\s*([\w+#.-]*)\s*$/;
const DEFINES_ENVIRONMENT = /\bclass\s+Environment\b/;

/** Removes reasoning sections (`<think>…</think>`) that some models put before their answer. */
function stripThinking(text: string): string {
  return text.replace(/<think>[\s\S]*?<\/think>/g, '');
}

/** Every fenced block, in order; an unterminated last block runs to the end of the text. */
export function fencedBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let fence: string | null = null;
  let body: string[] = [];
  for (const line of lines) {
    if (fence === null) {
      const open = OPEN_FENCE.exec(line);
      if (open) {
        fence = open[1];
        body = [];
      }
      continue;
    }
    const trimmed = line.trim();
    if (trimmed.startsWith(fence[0].repeat(3)) && trimmed.replace(/^[`~]+/, '') === '') {
      blocks.push({ code: body.join('\n'), truncated: false });
      fence = null;
      continue;
    }
    // A closing fence glued to the last code line ("}```") still closes the block.
    if (trimmed.endsWith(fence) && trimmed.length > fence.length) {
      body.push(line.slice(0, line.lastIndexOf(fence)));
      blocks.push({ code: body.join('\n'), truncated: false });
      fence = null;
      continue;
    }
    body.push(line);
  }
  if (fence !== null) blocks.push({ code: body.join('\n'), truncated: true });
  return blocks;
}

/** Lines that read as JavaScript rather than prose (used only when there are no fences). */
function looksLikeCode(line: string): boolean {
  const t = line.trim();
  if (t === '') return true;
  if (/^(\/\/|\/\*|\*)/.test(t)) return true;
  if (/^(const|let|var|function|class|if|else|for|while|switch|case|return|async|this\.|'use strict'|"use strict")\b/.test(t)) return true;
  if (/^[}\])]/.test(t)) return true;
  return /[;{}()[\],]\s*(\/\/.*)?$/.test(t);
}

/** Without fences: the run of code-like lines around `class Environment`, prose trimmed off. */
function unfencedCode(text: string): string {
  const lines = text.split('\n');
  const classLine = lines.findIndex((l) => DEFINES_ENVIRONMENT.test(l));
  if (classLine < 0) return text;
  let start = classLine;
  while (start > 0 && looksLikeCode(lines[start - 1])) start--;
  let end = lines.length;
  // Why from the bottom: explanations usually follow the program; code lines in between stay.
  while (end > classLine + 1 && !looksLikeCode(lines[end - 1])) end--;
  return lines.slice(start, end).join('\n');
}

/** Trims trailing spaces of every line and blank lines at both ends. */
export function tidy(code: string): string {
  const lines = code.split('\n').map((l) => l.trimEnd());
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a] === '') a++;
  while (b > a && lines[b - 1] === '') b--;
  return lines.slice(a, b).join('\n');
}

/**
 * The program in a completion. With fenced blocks: the last block that defines
 * `class Environment`, else the longest block (the later one on a tie). Without fences: the code
 * around `class Environment` with prose before and after removed, else the whole text.
 * A block cut off by the token limit is taken as it is; scoring then reports its syntax error.
 */
export function extractCode(completion: string): string {
  const text = stripThinking(completion.replace(/\r\n?/g, '\n'));
  const blocks = fencedBlocks(text);
  if (blocks.length === 0) return tidy(unfencedCode(text));
  const defining = blocks.filter((b) => DEFINES_ENVIRONMENT.test(b.code));
  if (defining.length > 0) return tidy(defining[defining.length - 1].code);
  let best = blocks[0];
  for (const b of blocks) if (b.code.length >= best.code.length) best = b;
  return tidy(best.code);
}
