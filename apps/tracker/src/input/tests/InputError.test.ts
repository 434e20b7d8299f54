import { describe, expect, it } from 'vitest';
import { InputError, InputErrorCode } from '../InputError';

describe('InputError.fromCameraError', () => {
  it.each([
    ['NotAllowedError', InputErrorCode.PermissionDenied, /^Camera permission was denied\./],
    ['SecurityError', InputErrorCode.PermissionDenied, /^Camera permission was denied\./],
    ['NotFoundError', InputErrorCode.NoCamera, /^No camera was found\./],
    ['OverconstrainedError', InputErrorCode.NoCamera, /^No camera was found\./],
    ['NotReadableError', InputErrorCode.CameraBusy, /another program/],
  ])('maps %s to %s with a message that says what to do', (name, code, message) => {
    const error = InputError.fromCameraError(new DOMException('browser detail', name));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`(${name}: browser detail)`);
  });

  it('treats anything else as a camera that could not start', () => {
    expect(InputError.fromCameraError('odd').code).toBe(InputErrorCode.CameraBusy);
  });
});
