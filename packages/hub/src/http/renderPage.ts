import { escapeHtml } from './escapeHtml.js';

/** A small self-contained HTML page; `bodyHtml` is trusted markup. */
export function renderPage(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #222; }
  code { background: #f2f2f2; padding: 0.1rem 0.3rem; border-radius: 3px; }
  a { color: #0b5fff; }
</style>
</head>
<body>
${bodyHtml}
</body>
</html>
`;
}
