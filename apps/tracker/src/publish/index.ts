export * from './ConnectionState';
export * from './RigPublisher';
