export * from './InputError';
export * from './VideoInput';
