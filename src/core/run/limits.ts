/**
 * Size caps for anything a run record may hold once it comes from outside (a file, a link, the
 * scripting API). They are far above what a real run reaches (a paper run is 50 calls) and exist so
 * that a hostile or broken input fails fast with a message instead of freezing the tab.
 */
export const LIMITS = {
  /** Characters of a run file accepted for import (a big run with prompts is a few MB). */
  fileChars: 64 * 1024 * 1024,
  /** Bytes a link payload may inflate to. */
  linkInflatedBytes: 16 * 1024 * 1024,
  nodes: 20_000,
  calls: 20_000,
  /** Characters of one program, completion or message. */
  text: 500_000,
  messagesPerCall: 200,
  /** Rows of a custom environment. */
  transitions: 100_000,
  /** Elements of one observation or action vector. */
  vector: 4096,
  /** Nesting depth of any JSON value (deeper is not a run). */
  depth: 64,
} as const;

/** Characters a share link's payload may have before it is trimmed ("about 8,000"). */
export const LINK_CHARS = 8000;
