// Datasets are imported lazily as JSON; their type is checked at load time, not inferred by tsc.
declare module '*.json' {
  const value: unknown;
  export default value;
}
