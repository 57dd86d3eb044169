export * from './errors';
export * from './ids';
export * from './friendship';
export * from './schemas/primitives';
export * from './schemas/accounts';
export * from './schemas/devices';
export * from './schemas/friendships';
