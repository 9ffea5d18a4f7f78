export * from './params';
export * from './runtime';
export * from './episode';
export * from './normalized';
