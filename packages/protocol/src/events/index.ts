export * from './HandshakeAuth';
export * from './RigcastEvents';
