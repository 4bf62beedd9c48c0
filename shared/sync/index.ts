export * from './mutations';
export * from './reasons';
export * from './wire';
export * from './conflicts';
export * from './recordings';
