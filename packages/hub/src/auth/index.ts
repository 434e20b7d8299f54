export * from './checkHandshake';
export * from './constantTimeEqual';
