export * from './result';
export * from './models-app';
export * from './models-chat';
export * from './channels';
export * from './events';
export * from './api';
export * from './bridge';
