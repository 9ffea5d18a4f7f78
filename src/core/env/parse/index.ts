// Custom environments: transitions pasted or uploaded as JSON, JSONL or CSV, validated
// row by row, spaces inferred, turned into a CustomEnv and its EnvSpec.
export { parseTransitions, detectFormat, MAX_ROWS, type ParseResult, type TransitionFormat, type TransitionPreview } from './transitions';
export { CSV_COLUMNS } from './csv';
export { inferSpace, inferSpaces, describeSpace } from './spaces';
export { buildCustomEnv, customEnvSpec, customEnvId, customEnvHash, type CustomEnvInput } from './custom-env';
export type { RowError } from './rows';
export { recordRandomPolicy, parseActionSpace, parseStartState, type SimulatorStep, type RandomPolicyOptions } from './random-policy';
