import { isValidRoomName } from '@rigcast/protocol';
import { FRAMING_PRESETS, FramingPreset, isFramingPreset } from './FramingPreset';
import type { PageOptions } from './PageOptions';

/** The room viewed when `?room=` is absent. */
export const DEFAULT_ROOM = 'main';

/** The project's default avatar, relative to the page at `/avatar/` (the hub serves `/models/`). */
export const DEFAULT_MODEL_PATH = '../models/rigcast-default.vrm';

const HEX_COLOR = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;
const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on', '']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

/** The page options plus a message for each URL parameter that was ignored, and why. */
export interface ParsedPageOptions {
  options: PageOptions;
  problems: string[];
}

/**
 * `?bg=` as `#rrggbb`: accepts `#0f0`, `0f0`, `#00ff00` and `00ff00` (OBS users often drop the
 * `#`, which would otherwise start a URL fragment). Returns `null` for anything else.
 */
export function parseBackgroundColor(value: string): string | null {
  const match = HEX_COLOR.exec(value.trim());
  if (!match) return null;
  const hex = match[1].toLowerCase();
  const full = hex.length === 3 ? hex.replace(/./g, (c) => c + c) : hex;
  return `#${full}`;
}

function parseFlag(value: string | null, fallback: boolean): boolean | null {
  if (value === null) return fallback;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

function resolveUrl(value: string, base: string): string | null {
  try {
    return new URL(value, base).href;
  } catch {
    return null;
  }
}

/**
 * Reads the page's URL parameters. Bad values never throw: each is replaced by its default and
 * described in `problems`, so the page can show what to fix.
 * @example
 * const { options, problems } = parsePageOptions(location.href);
 */
export function parsePageOptions(pageUrl: string): ParsedPageOptions {
  const url = new URL(pageUrl);
  const params = url.searchParams;
  const problems: string[] = [];

  const modelParam = params.get('model');
  let modelUrl = new URL(DEFAULT_MODEL_PATH, url).href;
  let modelFromQuery = false;
  if (modelParam !== null && modelParam.trim() !== '') {
    const resolved = resolveUrl(modelParam.trim(), url.href);
    if (resolved) {
      modelUrl = resolved;
      modelFromQuery = true;
    } else {
      problems.push(`?model=${modelParam} is not a valid URL; loading the default avatar instead.`);
    }
  }

  let hubUrl = url.origin;
  const hubParam = params.get('hub');
  if (hubParam !== null && hubParam.trim() !== '') {
    const resolved = resolveUrl(hubParam.trim(), url.href);
    if (resolved && /^(https?|wss?):$/.test(new URL(resolved).protocol)) hubUrl = new URL(resolved).origin;
    else problems.push(`?hub=${hubParam} is not an http(s) URL; connecting to ${hubUrl} instead.`);
  }

  const roomParam = params.get('room');
  let room: string | null = DEFAULT_ROOM;
  if (roomParam !== null) {
    if (isValidRoomName(roomParam)) room = roomParam;
    else {
      room = null;
      problems.push(`?room=${roomParam} is not a valid room name: use 1–64 letters, digits, "_" or "-".`);
    }
  }

  const keyParam = params.get('key');
  const key = keyParam !== null && keyParam !== '' ? keyParam : undefined;

  let background: string | null = null;
  const bgParam = params.get('bg');
  if (bgParam !== null && bgParam.trim() !== '') {
    background = parseBackgroundColor(bgParam);
    if (background === null) problems.push(`?bg=${bgParam} is not a hex colour such as #00ff00; the background stays transparent.`);
  }

  const debug = parseFlag(params.get('debug'), false);
  if (debug === null) problems.push(`?debug=${params.get('debug')} should be 1 or 0.`);

  let framing: FramingPreset = FramingPreset.Upper;
  const frameParam = params.get('frame');
  if (frameParam !== null) {
    const name = frameParam.trim().toLowerCase();
    if (isFramingPreset(name)) framing = name;
    else problems.push(`?frame=${frameParam} is not one of ${FRAMING_PRESETS.join(', ')}; using ${framing}.`);
  }

  const interpolate = parseFlag(params.get('interp'), true);
  if (interpolate === null) problems.push(`?interp=${params.get('interp')} should be 1 or 0; interpolation stays on.`);

  const demo = parseFlag(params.get('demo'), false);
  if (demo === null) problems.push(`?demo=${params.get('demo')} should be 1 or 0.`);

  return {
    options: {
      modelUrl,
      modelFromQuery,
      hubUrl,
      room,
      key,
      background,
      debug: debug ?? false,
      framing,
      interpolate: interpolate ?? true,
      demo: demo ?? false,
    },
    problems,
  };
}
