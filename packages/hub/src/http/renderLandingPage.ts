import { renderPage } from './renderPage.js';

/** The page at `/`: what the hub is and where the two apps are. The publish key is never shown here. */
export function renderLandingPage(): string {
  return renderPage(
    'rigcast hub',
    `<h1>rigcast hub</h1>
<p>This hub relays face and body tracking from a tracker page to any number of avatar pages.</p>
<ul>
  <li><a href="/tracker/">Tracker</a>: publishes your webcam's tracking. It needs the publish key: open the tracker URL the hub printed when it started (it ends in <code>?room=…&amp;key=…</code>).</li>
  <li><a href="/avatar/?room=main">Avatar</a>: renders the avatar of a room, e.g. as an OBS browser source. Add <code>?room=&lt;name&gt;</code> to pick the room.</li>
</ul>
<p>Health: <a href="/healthz">/healthz</a> · Metrics: <a href="/metrics">/metrics</a></p>`,
  );
}
