export { SYSTEM_PROMPT, contractText, describeSpace, environmentText, type PromptContext } from './contract';
export { fenced, formatFailure, formatValue } from './format';
export { buildFixPrompt, buildGeneratePrompt, buildImprovePrompt } from './builders';
export { extractCode, fencedBlocks, tidy } from './extract';
export { firstLines, joinPrefix, lineCount } from './prefix';
export { programFromCompletion } from './program';
