export * from './HubMetrics';
