// The avatar page: a VRM driven live from the hub, ready as an OBS browser source.
import { ConnectionState, HubClient } from '@rigcast/client';
import { ClientRole } from '@rigcast/protocol';
import { DEMO_PATH, DemoPlayer } from './demo';
import { ModelLoader } from './model';
import { parsePageOptions } from './options';
import {
  DebugOverlay,
  DemoButton,
  RenderLoop,
  StatusBanner,
  installPageHandle,
  readDebugFigures,
  watchFileDrops,
  watchObsVisibility,
  type AvatarPageParts,
} from './page';
import { FrameReceiver } from './receive';
import { RigApplier } from './rig';
import { AvatarView } from './view';

init();

function init(): void {
  const { options, problems } = parsePageOptions(location.href);
  const banner = new StatusBanner(byId('rigcast-status'));
  if (problems.length > 0) banner.set('options', problems.join('\n'));
  let view: AvatarView;
  try {
    view = AvatarView.create(options);
  } catch (error) {
    banner.set('webgl', (error as Error).message);
    return;
  }
  const applier = new RigApplier({ interpolate: options.interpolate });
  const receiver = new FrameReceiver((frame, nowMs) => applier.receive(frame, nowMs));
  const loader = new ModelLoader({
    onLoaded: (rig) => {
      view.show(rig.vrm);
      banner.set('model', null);
    },
    onFailed: (message, kept) => banner.set('model', kept ? `${message} The previous avatar stays.` : message),
  });
  const demo = new DemoPlayer(new URL(DEMO_PATH, location.href).href, (bytes) => receiver.receive(bytes), () => {
    banner.set('demo', demo.error);
    demoButton.refresh();
  });
  const demoButton = new DemoButton(byId<HTMLButtonElement>('rigcast-demo'), demo);
  // Declared before it is made: the client's callbacks read it.
  let connection: HubClient | null = null;
  if (options.room !== null) {
    connection = new HubClient(
      { url: options.hubUrl, room: options.room, role: ClientRole.Viewer, key: options.key, name: 'avatar page' },
      {
        onFrame: (bytes) => demo.fromHub(bytes),
        // Transient states only show in debug mode; a refusal needs the user to fix the address.
        onChange: () => banner.set('connection', connection?.state === ConnectionState.Refused ? connection.detail : null),
      },
    );
  }
  const debug = options.debug ? new DebugOverlay(byId('rigcast-debug')) : null;
  const parts: AvatarPageParts = {
    options,
    banner,
    view,
    loader,
    receiver,
    applier,
    connection,
    demo,
    loop: new RenderLoop(view, loader, applier, (nowMs) => debug?.refresh(nowMs, () => readDebugFigures(parts))),
  };

  window.addEventListener('resize', () => view.resize());
  watchFileDrops((file) => void loader.load(file));
  watchObsVisibility((state) => parts.loop.setObs(state));
  installPageHandle(parts);
  void loader.load(options.modelUrl);
  if (options.demo) void demo.start();
  parts.loop.start();
}

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page is missing #${id}`);
  return element as T;
}
