export * from './createHttpApp';
export * from './escapeHtml';
export * from './modelContentType';
export * from './renderLandingPage';
export * from './renderMissingAppPage';
export * from './renderPage';
