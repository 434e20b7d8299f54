import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Debian's Chromium; playwright-core never downloads a browser here. */
export const CHROMIUM_PATH = process.env.RIGCAST_CHROMIUM ?? '/usr/bin/chromium';

/** Flags every test browser gets: headless as root, and no calls to the (closed) network. */
export const BASE_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export interface LaunchChromiumOptions {
  /** An `.mjpeg` file to feed Chromium's fake webcam with (looped at 30 fps). */
  fakeCameraFile?: string;
  /** Extra command-line flags. */
  args?: string[];
}

/**
 * Launches headless Debian Chromium through playwright-core.
 * @example
 * const browser = await launchChromium({ fakeCameraFile: sharedPath('media/face/selfie-640.mjpeg') });
 */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run "apt-get install -y chromium" or set RIGCAST_CHROMIUM`);
  }
  const args = [...BASE_CHROMIUM_ARGS, ...(options.args ?? [])];
  if (options.fakeCameraFile) {
    args.push(
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${options.fakeCameraFile}`,
    );
  }
  const launch: LaunchOptions = { executablePath: CHROMIUM_PATH, headless: true, args };
  return chromium.launch(launch);
}
