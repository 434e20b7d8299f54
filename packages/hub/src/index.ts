// The public API of @rigcast/hub. Everything else is internal; the `rigcast-hub` command is bin/.
export { createHub } from './createHub.js';
export { HUB_DEFAULTS, type Hub, type HubOptions } from './HubOptions.js';
