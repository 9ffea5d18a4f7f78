export * from './types';
export * from './metric';
export * from './errors';
export * from './validate';
export * from './evaluate';
export * from './harness';
export * from './run-candidate';
