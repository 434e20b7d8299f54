export * from './HandshakeAuth.js';
export * from './RigcastEvents.js';
