// Protocols: the paper's benchmark protocol beside the playground's own, description variants,
// and the paper's per-provider sampling and budget presets.
export * from './protocols';
export * from './descriptions';
export * from './sampling';
