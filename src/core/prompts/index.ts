export { SYSTEM_PROMPT, contractText, describeSpace, environmentText, type PromptContext } from './contract';
export { fenced, formatFailure, formatValue } from './format';
export { buildFixPrompt, buildGeneratePrompt, buildImprovePrompt } from './builders';
export { buildPaperFixPrompt, buildPaperGeneratePrompt, buildPaperImprovePrompt } from './paper';
export { PAPER_CLASS_DEFINITION, PAPER_IMPORTANT_NOTES } from './paper-text';
export { parsePaperCompletion, splitCritique, type ParsedCompletion } from './critique';
export { extractCode, fencedBlocks, tidy } from './extract';
export { firstLines, joinPrefix, lineCount } from './prefix';
export { programFromCompletion } from './program';
