// Runs: the serializable history of a search, its validation, files, links, forks and comparison.
export type * from './types';
export { validateRunRecord, STRATEGY_IDS, type RecordResult } from './validate';
export { LIMITS, LINK_CHARS } from './limits';
export { encodeRunLink, decodeRunLink, packJson, unpackJson, type LinkResult } from './link';
export { exportRunFile, importRunFile, runFileName } from './file';
export { keylessRecord, keylessUrl } from './keyless';
export { trimRecord, TRIM_STEPS, type TrimStep } from './trim';
export { encodeSettings, decodeSettings, SETTINGS_SCHEMA, DEFAULT_SETTINGS, type RunSettings } from './settings';
export { parseHash, runHash, settingsHash, type HashIntent } from './hash';
export { forkFromNode } from './fork';
export { compareRuns, defaultRunName, summarizeRun, type RunSummary, type RunComparison } from './compare';
export { pathTo, bestNode } from './path';
export { recordedEvaluate, revealPrefix, sameNode } from './replay';
export { guardInFlight, CRASH_BUG, type InFlight, type InFlightStore } from './in-flight';
