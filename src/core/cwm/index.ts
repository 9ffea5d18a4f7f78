export * from './types';
export * from './metric';
export * from './errors';
export * from './validate';
export * from './evaluate';
export * from './structured';
export * from './run-candidate';
export * from './distribution';
