export * from './zone';
export * from './schedule';
export * from './status';
