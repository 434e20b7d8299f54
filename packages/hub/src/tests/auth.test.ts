import { ConnectErrorCode } from '@rigcast/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { HubHarness, connectErrorOf, frameBytes, nextEvent, rtt } from './support/HubHarness.js';

const harness = new HubHarness();
afterEach(() => harness.cleanup());

describe('connecting', () => {
  it('generates a random publish key when none is given, and uses the one given', async () => {
    const a = await harness.hub();
    const b = await harness.hub();
    expect(a.publishKey).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(a.publishKey).not.toBe(b.publishKey);
    const fixed = await harness.hub({ publishKey: 'studio-secret' });
    expect(fixed.publishKey).toBe('studio-secret');
    await harness.connect(fixed, { room: 'main', role: 'publisher', key: 'studio-secret' });
  });

  it('refuses a wrong or missing publish key with a bad-key message', async () => {
    const hub = await harness.hub();
    const wrong = await connectErrorOf(harness, hub, { room: 'main', role: 'publisher', key: `${hub.publishKey}x` });
    expect(wrong.message).toMatch(/^bad-key: the publish key is wrong/);
    const missing = await connectErrorOf(harness, hub, { room: 'main', role: 'publisher' });
    expect(missing.message).toMatch(/^bad-key: publishing needs the publish key/);
    const notString = await connectErrorOf(harness, hub, { room: 'main', role: 'publisher', key: 12345 });
    expect(notString.message).toMatch(/^bad-key:/);
  });

  it('refuses bad room names, saying which rule they break', async () => {
    const hub = await harness.hub();
    for (const room of ['', 'a'.repeat(65), 'with space', 'ünïcode', '../etc', 42, null, undefined]) {
      const error = await connectErrorOf(harness, hub, { room, role: 'viewer' });
      expect(error.message).toMatch(/^bad-room: auth\.room must be 1–64 characters/);
    }
    await harness.connect(hub, { room: 'A-z_09'.padEnd(64, 'x'), role: 'viewer' });
  });

  it('refuses a bad role, and clients with no auth at all', async () => {
    const hub = await harness.hub();
    const admin = await connectErrorOf(harness, hub, { room: 'main', role: 'admin', key: hub.publishKey });
    expect(admin.message).toBe(`${ConnectErrorCode.BadRole}: auth.role must be "publisher" or "viewer", got "admin".`);
    const none = await connectErrorOf(harness, hub, {});
    expect(none.message).toMatch(/^bad-room:/);
  });

  it('lets viewers in without a key, unless the hub has a view key', async () => {
    const open = await harness.hub();
    await harness.connect(open, { room: 'main', role: 'viewer' });

    const closed = await harness.hub({ viewKey: 'fans-only' });
    const missing = await connectErrorOf(harness, closed, { room: 'main', role: 'viewer' });
    expect(missing.message).toMatch(/^bad-key: this hub needs a view key/);
    const wrong = await connectErrorOf(harness, closed, { room: 'main', role: 'viewer', key: 'guess' });
    expect(wrong.message).toMatch(/^bad-key: the view key is wrong/);
    const publishKeyAsViewKey = await connectErrorOf(harness, closed, { room: 'main', role: 'viewer', key: closed.publishKey });
    expect(publishKeyAsViewKey.message).toMatch(/^bad-key:/);
    await harness.connect(closed, { room: 'main', role: 'viewer', key: 'fans-only' });
  });

  it('a viewer that knows the publish key still cannot publish', async () => {
    const hub = await harness.hub();
    const viewer = await harness.connect(hub, { room: 'main', role: 'viewer', key: hub.publishKey });
    const rejected = nextEvent<{ reason: string }>(viewer, 'rejected');
    viewer.emit('frame', frameBytes(1));
    expect((await rejected).reason).toBe('not-publisher');
    await rtt(viewer);
  });
});
