import { ClientRole, ConnectErrorCode } from '@rigcast/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionState } from '../ConnectionState';
import { refusalAdvice } from '../refusalAdvice';
import { ClientHarness, hubRefusals, waitFor } from './support/ClientHarness';

const harness = new ClientHarness();
afterEach(() => harness.cleanup());

describe('HubClient refusals', () => {
  it('a publisher with a wrong key is refused with bad-key and told to check key=', async () => {
    const hub = await harness.hub({ publishKey: 'right' });
    const client = harness.client(hub, { room: 'main', role: ClientRole.Publisher, key: 'wrong', name: 'tracker' });
    await waitFor(() => client.state === ConnectionState.Refused, 'the refusal');
    expect(client.code).toBe(ConnectErrorCode.BadKey);
    expect(client.detail).toMatch(/^The hub refused this tracker: bad-key: the publish key is wrong; .* To fix: check the key= parameter: /);
    expect(client.detail).toMatch(/Retrying in \d+\.\d s\.$/);
    expect(client.connected).toBe(false);
  });

  it('a viewer with a wrong view key is refused with bad-key and told to add ?key=', async () => {
    const hub = await harness.hub({ viewKey: 'letmein' });
    const client = harness.client(hub, { room: 'main', role: ClientRole.Viewer, key: 'nope', name: 'avatar page' });
    await waitFor(() => client.state === ConnectionState.Refused, 'the refusal');
    expect(client.code).toBe(ConnectErrorCode.BadKey);
    expect(client.detail).toMatch(/^The hub refused this avatar page: bad-key: the view key is wrong; .* To fix: add \?key= with the view key \(RIGCAST_VIEW_KEY on the hub\) to the page address\. Retrying in/);
  });

  it('a command-line client gives its own advice where it has some, and the pages\' elsewhere', async () => {
    const hub = await harness.hub({ publishKey: 'right' });
    const client = harness.client(hub, {
      room: 'main',
      role: ClientRole.Publisher,
      key: 'wrong',
      name: 'VMC bridge',
      advice: { [ConnectErrorCode.BadKey]: 'pass --key with the publish key the hub printed' },
    });
    await waitFor(() => client.state === ConnectionState.Refused, 'the refusal');
    expect(client.detail).toMatch(/^The hub refused this VMC bridge: bad-key: .* To fix: pass --key with the publish key the hub printed\. Retrying in/);
    expect(refusalAdvice(ClientRole.Publisher, ConnectErrorCode.BadRoom, { [ConnectErrorCode.BadKey]: 'x' })).toBe(
      refusalAdvice(ClientRole.Publisher, ConnectErrorCode.BadRoom),
    );
  });

  it('a bad room is refused with bad-room, with advice in the terms of each role', async () => {
    const hub = await harness.hub();
    const publisher = harness.client(hub, { room: 'no spaces', role: ClientRole.Publisher, key: hub.publishKey });
    const viewer = harness.client(hub, { room: 'no spaces', role: ClientRole.Viewer });
    await waitFor(() => publisher.state === ConnectionState.Refused && viewer.state === ConnectionState.Refused, 'both refusals');
    expect([publisher.code, viewer.code]).toEqual([ConnectErrorCode.BadRoom, ConnectErrorCode.BadRoom]);
    expect(publisher.detail).toContain(`To fix: ${refusalAdvice(ClientRole.Publisher, ConnectErrorCode.BadRoom)}.`);
    expect(publisher.detail).toMatch(/use a room= of 1–64/);
    expect(viewer.detail).toMatch(/To fix: use \?room= with 1–64/);
    // Without a name, messages name the role.
    expect(publisher.detail).toMatch(/^The hub refused this publisher: bad-room: /);
  });

  it('a role the hub does not know is refused with bad-role', async () => {
    const hub = await harness.hub();
    const client = harness.client(hub, { room: 'main', role: 'admin' as ClientRole });
    await waitFor(() => client.state === ConnectionState.Refused, 'the refusal');
    expect(client.code).toBe(ConnectErrorCode.BadRole);
    expect(client.detail).toMatch(/bad-role: auth\.role must be "publisher" or "viewer".* To fix: use a client and a hub from the same rigcast release/);
  });

  it('a foreign Origin, turned away before the handshake, is reported as refused with the origin advice', async () => {
    const hub = await harness.hub();
    const client = harness.client(hub, { room: 'main', role: ClientRole.Viewer, extraHeaders: { Origin: 'https://evil.example' } });
    await waitFor(() => client.state === ConnectionState.Refused, 'the refusal');
    expect(await hubRefusals(hub, ConnectErrorCode.BadOrigin)).toBeGreaterThanOrEqual(1);
    // Engine.IO refuses with a bare HTTP 400 and no code: the client cannot tell bad-origin from shutting-down.
    expect(client.code).toBeNull();
    expect(client.detail).toContain(`The hub at ${hub.url} turned this viewer away before the handshake (Unexpected server response: 400)`);
    expect(client.detail).toContain(refusalAdvice(ClientRole.Viewer, ConnectErrorCode.BadOrigin));
    expect(client.detail).toContain(refusalAdvice(ClientRole.Viewer, ConnectErrorCode.ShuttingDown));
  });

  it('an unreachable hub is reported as such, not as a refusal', async () => {
    const gone = await harness.hub();
    await gone.close();
    const client = harness.client(gone.url, { room: 'main', role: ClientRole.Viewer });
    await waitFor(() => client.detail !== '', 'a failure');
    expect(client.state).toBe(ConnectionState.Reconnecting);
    expect(client.code).toBeNull();
    expect(client.detail).toMatch(new RegExp(`^Cannot reach the hub at ${gone.url} \\(connect ECONNREFUSED [^)]+\\)\\. Is it running\\? Retrying in`));
  });

  it('a hub shutting down is reported as lost, and the client comes back when the hub does', async () => {
    const hub = await harness.hub({ publishKey: 'k' });
    const client = harness.client(hub, { room: 'main', role: ClientRole.Publisher, key: 'k' });
    await waitFor(() => client.connected, 'the first connection');
    await hub.close();
    await waitFor(() => client.state === ConnectionState.Reconnecting, 'the loss');
    expect(client.detail).toMatch(new RegExp(`^Lost the hub at ${hub.url} \\(transport close\\)\\. Retrying in`));
    await harness.hub({ port: hub.port, publishKey: 'k' });
    await waitFor(() => client.connected, 'the reconnection', 10_000);
    expect(client.joins).toBe(2);
    expect(client.detail).toBe('');
  });
});

describe('refusalAdvice', () => {
  it('has advice for every code and role, different for publishers and viewers where their fixes differ', () => {
    for (const code of Object.values(ConnectErrorCode)) {
      for (const role of Object.values(ClientRole)) expect(refusalAdvice(role, code)).toMatch(/\w{3}/);
    }
    for (const code of [ConnectErrorCode.BadKey, ConnectErrorCode.BadRoom, ConnectErrorCode.BadOrigin]) {
      expect(refusalAdvice(ClientRole.Publisher, code)).not.toBe(refusalAdvice(ClientRole.Viewer, code));
    }
  });
});
