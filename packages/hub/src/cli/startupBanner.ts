import type { Hub } from '../HubOptions.js';

/** The two URLs a streamer needs: the tracker (with the publish key) and the avatar. */
export function appUrls(hub: Hub, room: string): { tracker: string; avatar: string } {
  const q = (key?: string) => `?room=${encodeURIComponent(room)}${key ? `&key=${encodeURIComponent(key)}` : ''}`;
  return { tracker: `${hub.url}/tracker/${q(hub.publishKey)}`, avatar: `${hub.url}/avatar/${q(hub.viewKey)}` };
}

/** What the CLI prints once the hub listens; `demo` when the demo performance plays into `room`. */
export function startupBanner(hub: Hub, room: string, generatedKey: boolean, demo = false): string {
  const urls = appUrls(hub, room);
  return [
    `rigcast hub listening on ${hub.url}`,
    '',
    '  Tracker (publishes; keep this link private, it carries the publish key):',
    `    ${urls.tracker}`,
    '  Avatar (add as an OBS browser source):',
    `    ${urls.avatar}`,
    '',
    demo ? `  Demo: the demo performance plays into room ${room} in a loop; open the avatar link to see it.` : '',
    demo ? '  To track yourself, restart without --demo (a tracker in the same room would compete with it).' : '',
    `  Health ${hub.url}/healthz   Metrics ${hub.metricsUrl ?? `${hub.url}/metrics`}`,
    generatedKey ? '  The publish key is new for this run; set RIGCAST_PUBLISH_KEY to keep one across restarts.' : '',
    '  Press Ctrl+C to stop.',
    '',
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
}
