export * from './paper';
export * from './stats';
export * from './table';
export * from './run';
export * from './report';
