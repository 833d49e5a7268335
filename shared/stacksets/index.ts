// The public surface of shared/stacksets; import from here rather than from
// the individual files so they can be split or merged without touching callers.
export * from './model';
export * from './errors';
export * from './stack-set';
export * from './targets';
export * from './preferences';
export * from './operation-state';
export * from './create-operation';
export * from './scheduler';
export * from './simulate';
export * from './state-schema';
export * from './rng';
export * from './instances';
