export * from './ConnectionState';
export * from './ViewerConnection';
