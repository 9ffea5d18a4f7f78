export * from './params';
export * from './runtime';
export * from './episode';
export * from './normalized';
export * from './action';
export * from './obs-text';
export * from './session';
