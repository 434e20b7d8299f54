import { escapeHtml } from './escapeHtml.js';
import { renderPage } from './renderPage.js';

/** The page served at `/tracker/` or `/avatar/` while that app has not been built. */
export function renderMissingAppPage(app: string, indexPath: string): string {
  return renderPage(
    `rigcast ${app}: not built`,
    `<h1>The ${escapeHtml(app)} app is not built yet</h1>
<p>The hub looked for <code>${escapeHtml(indexPath)}</code> and did not find it.</p>
<p>Build the apps from the repository root with <code>npx -y pnpm@10.34.8 run build</code> (or start everything with <code>npx -y pnpm@10.34.8 start</code>), then reload this page.</p>`,
  );
}
