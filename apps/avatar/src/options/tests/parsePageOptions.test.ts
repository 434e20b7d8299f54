import { describe, expect, it } from 'vitest';
import { DEFAULT_ROOM, parseBackgroundColor, parsePageOptions } from '../parsePageOptions';

const PAGE = 'http://127.0.0.1:8080/avatar/';

describe('parsePageOptions', () => {
  it('defaults: default avatar under /models/, room main, hub = page origin, transparent, upper, interpolated', () => {
    const { options, problems } = parsePageOptions(PAGE);
    expect(problems).toEqual([]);
    expect(options.modelUrl).toBe('http://127.0.0.1:8080/models/rigcast-default.vrm');
    expect(options.modelFromQuery).toBe(false);
    expect(options.room).toBe(DEFAULT_ROOM);
    expect(options.hubUrl).toBe('http://127.0.0.1:8080');
    expect(options.key).toBeUndefined();
    expect(options.background).toBeNull();
    expect(options.debug).toBe(false);
    expect(options.framing).toBe('upper');
    expect(options.interpolate).toBe(true);
  });

  it('reads every parameter', () => {
    const { options, problems } = parsePageOptions(
      `${PAGE}?model=../models/a.vrm&room=studio-2&hub=http://10.0.0.5:9000/x&key=s3cret&bg=00ff00&debug=1&frame=face&interp=0`,
    );
    expect(problems).toEqual([]);
    expect(options.modelUrl).toBe('http://127.0.0.1:8080/models/a.vrm');
    expect(options.modelFromQuery).toBe(true);
    expect(options.room).toBe('studio-2');
    expect(options.hubUrl).toBe('http://10.0.0.5:9000');
    expect(options.key).toBe('s3cret');
    expect(options.background).toBe('#00ff00');
    expect(options.debug).toBe(true);
    expect(options.framing).toBe('face');
    expect(options.interpolate).toBe(false);
  });

  it('bad values fall back to defaults and say what to fix', () => {
    const { options, problems } = parsePageOptions(`${PAGE}?room=no%20spaces&bg=green&frame=knees&interp=maybe&hub=ftp://x`);
    expect(options.room).toBeNull();
    expect(options.background).toBeNull();
    expect(options.framing).toBe('upper');
    expect(options.interpolate).toBe(true);
    expect(options.hubUrl).toBe('http://127.0.0.1:8080');
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/room.*letters, digits/);
    expect(problems.join('\n')).toMatch(/bg=green.*#00ff00/);
    expect(problems.join('\n')).toMatch(/frame=knees.*face, upper, full/);
  });
});

describe('parseBackgroundColor', () => {
  it('accepts #rgb, rgb, #rrggbb and rrggbb, any case', () => {
    expect(parseBackgroundColor('#00ff00')).toBe('#00ff00');
    expect(parseBackgroundColor('00FF00')).toBe('#00ff00');
    expect(parseBackgroundColor('#0f0')).toBe('#00ff00');
    expect(parseBackgroundColor('f0a')).toBe('#ff00aa');
  });
  it('rejects names and malformed hex', () => {
    expect(parseBackgroundColor('green')).toBeNull();
    expect(parseBackgroundColor('#00ff0')).toBeNull();
    expect(parseBackgroundColor('#00ff00ff')).toBeNull();
  });
});
