export { ConnectionState } from './ConnectionState';
export { HubClient } from './HubClient';
export type { HubClientEvents, HubClientOptions, RejectedNotice } from './HubClientOptions';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './RetryPolicy';
export type { RefusalAdvice } from './refusalAdvice';
