import { escapeHtml } from './escapeHtml.js';
import { renderPage } from './renderPage.js';

/**
 * The page served at `/tracker/` or `/avatar/` while that app has not been built. It names no
 * folder of the server (strangers may read it); the hub's log and `--help` do.
 */
export function renderMissingAppPage(app: string): string {
  return renderPage(
    `rigcast ${app}: not built`,
    `<h1>The ${escapeHtml(app)} app is not built yet</h1>
<p>This hub has no build of the ${escapeHtml(app)} page.</p>
<p>Build the apps from the repository root with <code>npx -y pnpm@10.34.8 run build</code> (or start everything with <code>npx -y pnpm@10.34.8 start</code>), then reload this page.</p>`,
  );
}
