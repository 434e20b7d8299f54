export * from './RigPublisher';
