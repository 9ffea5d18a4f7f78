export * from './tree-layout';
export * from './link-path';
export * from './line-diff';
export * from './progress';
export * from './synthetic';
export * from './divergence';
export * from './tree-nav';
export * from './demo-record';
