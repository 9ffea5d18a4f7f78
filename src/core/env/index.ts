export * from './types';
export * from './dataset';
export * from './record';
export * from './check';
