export { Backoff } from './Backoff';
export { ConnectionState } from './ConnectionState';
export { HubClient } from './HubClient';
export type { HubClientEvents, HubClientOptions, RejectedNotice } from './HubClientOptions';
export { FailureStage, readConnectError, type ConnectFailure } from './readConnectError';
export { refusalAdvice } from './refusalAdvice';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './RetryPolicy';
